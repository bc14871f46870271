/// The diagnostics of name resolution, with the did-you-mean questions still to answer.
struct ResolutionProblems {
  private(set) var diagnostics: [Diagnostic] = []
  private var suggestions = NameSuggestions()

  /// The most work spent answering the questions, in candidates looked at (see ``NameSuggestions``).
  var workBudget: Int {
    get { suggestions.workBudget }
    set { suggestions.workBudget = newValue }
  }

  mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  /// Reports `diagnostic`, whose help is the fallback until ``finished(in:)`` finds names near `name`.
  mutating func report(
    _ diagnostic: Diagnostic, suggestingNear name: String, among candidates: NameSuggestions.Candidates,
    suffix: String = ""
  ) {
    suggestions.ask(about: diagnostics.count, name: name, among: candidates, suffix: suffix)
    diagnostics.append(diagnostic)
  }

  /// Adds the problems found after these.
  mutating func append(contentsOf other: ResolutionProblems) {
    suggestions.append(other.suggestions, offset: diagnostics.count)
    diagnostics.append(contentsOf: other.diagnostics)
  }

  /// The diagnostics, with their suggestions.
  func finished(in plan: Plan) -> [Diagnostic] {
    var diagnostics = diagnostics
    suggestions.fill(&diagnostics, in: plan)
    return diagnostics
  }
}

/// Did-you-mean help for unknown entity and person names, filled in once resolution is done.
///
/// A plan may have a hundred thousand entities and, when badly broken, thousands of unknown
/// names; comparing each against every entity would take minutes. So the resolver records each
/// question next to its diagnostic (whose help is the fallback meanwhile), and
/// ``fill(_:in:)`` answers them afterwards in the order the resolver asked (the resolver's
/// walks over the plan, each in declaration order): repeated names from memory, each name
/// compared against lowered candidates prepared once, and, past a bound on the total work, the
/// fallback help stays. The order does not depend on how the walks are split among cores, so
/// neither does which diagnostics get a suggestion.
struct NameSuggestions {
  /// The names a suggestion is drawn from.
  enum Candidates: Hashable {
    case entities
    case persons
  }

  /// A question about one diagnostic: which names are near `name`?
  struct Request {
    /// The diagnostic's position in its list.
    var diagnostic: Int
    var name: String
    var among: Candidates
    /// Appended to each suggestion, e.g. `.csat` for a reference `acmee.csat`.
    var suffix: String
  }

  /// The questions, in the order their diagnostics were reported.
  private(set) var requests: [Request] = []

  /// The most work spent on suggestions for one plan, in candidates looked at (see
  /// ``Suggestions/Pool/nearest(to:limit:)``): a few tenths of a second at most.
  var workBudget = 50_000_000

  /// Records a question about the diagnostic at position `diagnostic`.
  mutating func ask(about diagnostic: Int, name: String, among: Candidates, suffix: String = "") {
    requests.append(Request(diagnostic: diagnostic, name: name, among: among, suffix: suffix))
  }

  /// Adds the questions of a later list of diagnostics, which starts at position `offset`.
  mutating func append(_ other: NameSuggestions, offset: Int) {
    for var request in other.requests {
      request.diagnostic += offset
      requests.append(request)
    }
  }

  /// Answers the questions in order, replacing the help of each diagnostic that gets a suggestion.
  func fill(_ diagnostics: inout [Diagnostic], in plan: Plan) {
    guard !requests.isEmpty else { return }
    var pools: [Candidates: Suggestions.Pool] = [:]
    var answers: [Candidates: [String: [String]]] = [:]
    var budget = workBudget
    for request in requests {
      let near: [String]
      if let known = answers[request.among]?[request.name] {
        near = known
      } else {
        let pool =
          pools[request.among]
          ?? Suggestions.Pool(
            request.among == .persons
              ? plan.entities.lazy.filter { $0.level == .person }.map(\.id) : plan.entities.lazy.map(\.id))
        pools[request.among] = pool
        guard budget > 0 else { continue }
        let answer = pool.nearest(to: request.name)
        budget -= answer.work
        near = answer.names
        answers[request.among, default: [:]][request.name] = near
      }
      guard !near.isEmpty else { continue }
      diagnostics[request.diagnostic].help =
        "did you mean " + near.map { "`\($0)\(request.suffix)`" }.joined(separator: " or ") + "?"
    }
  }
}

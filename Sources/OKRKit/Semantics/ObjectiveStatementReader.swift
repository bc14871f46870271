/// Reads the statements that concern an objective alone (`cycle`, `owner`, `shared`,
/// `progress N% override`, `tag`, `note`) into the objective as it is built. They need the plan's
/// entities and cycles but no other objective, so they are read while objectives are declared on
/// all cores; the links (`supports`, `reuses`) wait for every objective (see ``ObjectiveResolver``).
struct ObjectiveStatementReader {
  let plan: Plan
  /// Named cycles by name (the first of a repeated name).
  let cycleIndex: [String: Int]
  /// The terms of the cycles read so far, by period and named cycle, for the objectives of a
  /// cycle to share.
  private var cycleTerms: [CycleKey: CycleTerms] = [:]
  /// The terms of the last few literal periods read: neighbouring objectives mostly name one of
  /// a few (a year, its quarters), found here without hashing. Written over in turn.
  private var recentLiterals: [(period: Period, terms: CycleTerms)] = []
  private var nextRecent = 0
  private static let recentCount = 4

  private struct CycleKey: Hashable {
    var period: Period
    /// The named cycle's index in ``Plan/cycles``.
    var cycle: Int?
  }

  init(plan: Plan, cycleIndex: [String: Int]) {
    self.plan = plan
    self.cycleIndex = cycleIndex
  }

  /// Fills the statements of an objective declared in `syntax`, whose facts are at `facts`, into
  /// `objective`; reports repeated `cycle` and `owner` statements and unknown cycles and persons
  /// into `problems`.
  mutating func read(
    _ facts: ObjectiveFactsPlace, into objective: inout Objective, syntax: SyntaxFile,
    problems: inout ResolutionProblems
  ) {
    let file = syntax.file
    let table = Int(facts.table)
    var firstCycle: SourceLocation?
    var firstOwner: SourceLocation?
    for index in facts.statements {
      switch syntax.factTables[table].statements[Int(index)] {
      case .cycle(let period, let span):
        let here = SourceLocation(file: file, span: span)
        guard isFirst("cycle", at: here, first: &firstCycle, problems: &problems) else { continue }
        if let terms = resolveCycle(period, at: here, problems: &problems) { objective.setCycle(terms, at: here) }
      case .owner(let person, let span):
        let here = SourceLocation(file: file, span: span)
        guard isFirst("owner", at: here, first: &firstOwner, problems: &problems) else { continue }
        objective.accountable = plan.resolvePerson(
          person, file: file, role: "an objective's owner", problems: &problems)
        objective.accountableLocation = here
      case .shared:
        objective.isShared = true
      case .progressOverride(let value, let span):
        objective.progressOverride = value.fraction
        objective.overrideLocation = SourceLocation(file: file, span: span)
      case .tags(let tags):
        objective.tags.append(contentsOf: tags.map(\.name))
      case .note(let literal):
        objective.note = TextRef(file: file, literal: literal)
      }
    }
  }

  /// Whether the `statement` at `location` is the objective's first; reports a repeated one.
  private func isFirst(
    _ statement: String, at location: SourceLocation, first: inout SourceLocation?,
    problems: inout ResolutionProblems
  ) -> Bool {
    guard let first else {
      first = location
      return true
    }
    Self.reportRepeated(statement, at: location, first: first, problems: &problems)
    return false
  }

  /// Reports the `statement` at `location`, given before at `first`. Out of line: its message
  /// made reading every objective's statements set up a larger frame.
  @inline(never)
  private static func reportRepeated(
    _ statement: String, at location: SourceLocation, first: SourceLocation, problems: inout ResolutionProblems
  ) {
    problems.report(
      Diagnostic(
        .duplicateDefinition, "an objective has one '\(statement)'", at: location,
        label: "given again here", labels: [.init(first, "first given here")],
        help: "remove one of the two \(statement) lines"))
  }

  /// Whether a period is closed: declared closed itself, or inside a period declared closed.
  private func isClosed(_ period: Period) -> Bool {
    plan.closedPeriods.contains(period)
      || plan.closedPeriods.contains { $0.first <= period.first && period.last <= $0.last }
  }

  private mutating func resolveCycle(
    _ period: PeriodSyntax, at location: SourceLocation, problems: inout ResolutionProblems
  ) -> CycleTerms? {
    switch period.value {
    case .literal(let value):
      for recent in recentLiterals where recent.period == value { return recent.terms }
      let key = CycleKey(period: value)
      let terms = cycleTerms[key] ?? remember(CycleTerms(period: value, name: nil, isClosed: isClosed(value)), as: key)
      if recentLiterals.count < Self.recentCount {
        recentLiterals.append((value, terms))
      } else {
        recentLiterals[nextRecent] = (value, terms)
        nextRecent = (nextRecent + 1) % Self.recentCount
      }
      return terms
    case .named(let name):
      guard let index = cycleIndex[name] else {
        problems.report(
          Diagnostic.unknown(
            "cycle", name, at: SourceLocation(file: location.file, span: period.span),
            candidates: plan.cycles.lazy.map(\.name),
            fallback:
              "declare it at the top level, e.g. cycle \(name) 2026-01-01..2026-06-30, or write a period such as 2026-Q1"
          ))
        return nil
      }
      let cycle = plan.cycles[index]
      let key = CycleKey(period: cycle.period, cycle: index)
      // A name with a byte outside ASCII may be written in another normalization form than the
      // cycle's other objectives use; it keeps its own terms, with its own spelling.
      let isASCII = plan.sources[location.file].withBytes(of: period.span, WrittenName.isASCII)
      if isASCII, let shared = cycleTerms[key] { return shared }
      let terms = CycleTerms(period: cycle.period, name: name, isClosed: cycle.isClosed || isClosed(cycle.period))
      return isASCII ? remember(terms, as: key) : terms
    }
  }

  /// Keeps `terms` for the objectives of the cycle `key` still to read.
  private mutating func remember(_ terms: CycleTerms, as key: CycleKey) -> CycleTerms {
    cycleTerms[key] = terms
    return terms
  }
}

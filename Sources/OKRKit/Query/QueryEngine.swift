/// Answers queries over one plan: holds the plan, its diagnostics, the as-of date, the what-if
/// overlay and the output format. `okr query` runs it once; the REPL drives it line by line.
///
/// The plan's evaluation is computed on first need and kept until the as-of date, the what-if
/// overlay or the metric provider changes, so a session of queries evaluates the plan once.
public struct QueryEngine {
  /// The plan queried.
  public let plan: Plan
  /// The plan's diagnostics (what `check` shows).
  public let diagnostics: [Diagnostic]
  /// The date everything is evaluated as of.
  public var asOf: Day {
    didSet { if asOf != oldValue { forgetEvaluations() } }
  }
  /// How ``answer(_:)`` renders results.
  public var format: QueryOutputFormat
  /// Whether text output is coloured.
  public var color: Bool
  /// Whether a question about some objectives (`progress`, `tree` from a node) evaluates only
  /// them and what they roll up from until a question needs the whole plan: right for one
  /// question (`okr query`). Off, the whole plan is evaluated once, on first need, and kept for
  /// every question after it (the REPL).
  public var evaluatesOnlyWhatIsAsked = false
  /// Host values for key results with a `source`.
  public var metrics: (any MetricProvider)? {
    didSet { forgetEvaluations() }
  }
  /// The what-if changes in effect (`set`), cleared by `reset`.
  public internal(set) var whatIf = WhatIf() {
    didSet { forgetEvaluations() }
  }

  let evaluator: PlanEvaluator
  private var cachedEvaluation: Evaluation?
  /// Before anything needs the whole plan evaluated, the evaluation of some objectives and
  /// what they roll up from, with those objectives.
  private var cachedSupporters: (evaluation: Evaluation, order: SupporterOrder)?

  /// An engine over an analysed plan.
  public init(
    analysis: PlanAnalysis, asOf: Day, format: QueryOutputFormat = .text, color: Bool = false,
    metrics: (any MetricProvider)? = nil
  ) {
    self.init(
      plan: analysis.plan, diagnostics: analysis.diagnostics, asOf: asOf, format: format, color: color,
      metrics: metrics)
  }

  /// An engine over a resolved plan and its diagnostics.
  public init(
    plan: Plan, diagnostics: [Diagnostic] = [], asOf: Day, format: QueryOutputFormat = .text, color: Bool = false,
    metrics: (any MetricProvider)? = nil
  ) {
    self.plan = plan
    self.diagnostics = diagnostics
    self.asOf = asOf
    self.format = format
    self.color = color
    self.metrics = metrics
    self.evaluator = PlanEvaluator(plan)
  }

  // MARK: - Running queries

  /// Parses `text` and runs its queries in order, stopping at the first error.
  public mutating func run(_ text: String) -> (results: [QueryResult], error: QueryError?) {
    let queries: [Query]
    do {
      queries = try QueryParser.parse(text)
    } catch {
      return ([], error)
    }
    var results: [QueryResult] = []
    for query in queries {
      do {
        results.append(try execute(query))
      } catch {
        return (results, error)
      }
    }
    return (results, nil)
  }

  /// Runs `text` and renders the results and any error in the engine's format.
  public mutating func answer(_ text: String) -> QueryAnswer {
    let (results, error) = run(text)
    let renderer = QueryRenderer(sources: plan.sources, color: color)
    var output = ""
    for result in results {
      switch format {
      case .text: output += renderer.text(result) + "\n"
      case .json: output += renderer.json(result).serialized() + "\n"
      }
    }
    if !whatIf.isEmpty, format == .text, results.contains(where: \.dependsOnEvaluation) {
      output += renderer.whatIfNote(count: whatIf.count) + "\n"
    }
    let rendered: String? = error.map {
      switch format {
      case .text: $0.rendered(in: text, color: color)
      case .json: $0.json(in: text).serialized()
      }
    }
    return QueryAnswer(output: output, error: rendered, failed: error != nil)
  }

  /// Answers one parsed query.
  public mutating func execute(_ query: Query) throws(QueryError) -> QueryResult {
    switch query {
    case .show(let reference): return .details(try details(of: resolve(reference)))
    case .tree(let root, let depth): return .tree(try tree(root, depth: depth))
    case .related(let relation, let reference): return .table(try related(relation, reference))
    case .impact(let source, let target): return .impact(try impact(of: source, on: target))
    case .orphans: return .table(orphans())
    case .progress(let reference, let date): return .progress(try progress(of: reference, at: date))
    case .history(let reference): return .history(try history(of: reference))
    case .check: return .diagnostics(diagnostics)
    case .stats: return .statistics(statistics())
    case .set(let reference, let field, let value): return .message(try set(reference, field: field, value: value))
    case .reset: return .message(reset())
    case .listing(let listing): return .table(try self.listing(listing))
    }
  }

  /// The plan evaluated as of ``asOf`` with the what-if changes (computed once, then kept).
  public mutating func evaluation() -> Evaluation {
    if let cachedEvaluation { return cachedEvaluation }
    cachedSupporters = nil
    let evaluation = evaluator.evaluate(asOf: asOf, whatIf: whatIf, metrics: metrics)
    cachedEvaluation = evaluation
    return evaluation
  }

  /// An evaluation that holds the progress and status of `roots` and of everything they roll up
  /// from, as of `date` (``asOf`` when nil). Another date's evaluates those objectives alone, and
  /// is not kept. With ``evaluatesOnlyWhatIsAsked``, before the whole plan is evaluated, the first
  /// such question evaluates those objectives alone too, and keeps that for later questions about
  /// them (a company objective of a million-objective plan rolls up from about a fifth of it); the
  /// next question about others evaluates the whole plan.
  mutating func evaluation(ofSupportersOf roots: [ObjectiveID], asOf date: Day? = nil) -> Evaluation {
    if let date, date != asOf {
      return evaluator.evaluate(SupporterOrder(of: roots, in: plan), asOf: date, whatIf: whatIf, metrics: metrics)
    }
    if let cachedEvaluation { return cachedEvaluation }
    guard evaluatesOnlyWhatIsAsked else { return evaluation() }
    if let cachedSupporters {
      return roots.allSatisfy(cachedSupporters.order.contains) ? cachedSupporters.evaluation : evaluation()
    }
    let order = SupporterOrder(of: roots, in: plan)
    let evaluation = evaluator.evaluate(order, asOf: asOf, whatIf: whatIf, metrics: metrics)
    cachedSupporters = (evaluation, order)
    return evaluation
  }

  /// Drops the kept evaluations, after what they depend on changed.
  private mutating func forgetEvaluations() {
    cachedEvaluation = nil
    cachedSupporters = nil
  }

  // MARK: - Names

  /// What a query reference names.
  enum Target {
    case entity(EntityID)
    case objective(ObjectiveID)
    case keyResult(KeyResultID)
    case link(LinkID)
  }

  /// Resolves a reference, with "did you mean" when it names nothing.
  func resolve(_ reference: QueryReference) throws(QueryError) -> Target {
    let child = try resolve(reference.parts, span: reference.span)
    guard let parentParts = reference.linkParent else { return child }
    guard case .objective(let childID) = child else {
      throw QueryError(
        "a link starts at an objective; '\(reference.parts.joined(separator: "."))' is not one",
        at: reference.span, label: "not an objective", help: "write CHILD->PARENT, e.g. cs.csat95->acme.csat")
    }
    let parent = try resolve(parentParts, span: reference.linkParentSpan ?? reference.span)
    let wanted: LinkTarget
    switch parent {
    case .objective(let id): wanted = .objective(id)
    case .keyResult(let id): wanted = .keyResult(id)
    default:
      throw QueryError(
        "a link ends at an objective or key result; '\(parentParts.joined(separator: "."))' is not one",
        at: reference.span, label: "not an objective or key result")
    }
    for linkID in plan.parentLinks(of: childID) where plan[linkID].target == wanted { return .link(linkID) }
    let parents = plan.parentLinks(of: childID).map {
      "`\(plan.qualifiedName(childID))->\(plan.qualifiedName(plan[$0].target))`"
    }
    throw QueryError(
      "'\(plan.qualifiedName(childID))' does not support '\(parentParts.joined(separator: "."))'",
      at: reference.span, label: "no such link",
      help: parents.isEmpty
        ? "'\(plan.qualifiedName(childID))' supports nothing" : "its links are " + parents.joined(separator: ", "))
  }

  private func resolve(_ parts: [String], span: Span) throws(QueryError) -> Target {
    let written = parts.joined(separator: ".")
    guard let entity = plan.entity(named: parts[0]) else {
      // Suggest whole names that exist: the nearest entity ids with the rest of the name.
      let candidates = Suggestions.nearest(to: parts[0], among: plan.entities.lazy.map(\.id)).filter { candidate in
        let rest = Array(parts.dropFirst())
        return (try? resolve([candidate] + rest, span: span)) != nil
      }.map { ([$0] + parts.dropFirst()).joined(separator: ".") }
      throw QueryError(
        "unknown entity '\(parts[0])'" + (parts.count > 1 ? " in '\(written)'" : ""), at: span,
        label: "not defined",
        help: candidates.isEmpty
          ? "names start with an entity id, e.g. acme.csat"
          : "did you mean " + candidates.map { "`\($0)`" }.joined(separator: " or ") + "?")
    }
    if parts.count == 1 { return .entity(entity) }
    guard let objective = plan.objective(owner: entity, localID: parts[1]) else {
      let candidates = plan[entity].objectives.map { plan.qualifiedName($0) }
      throw QueryError(
        "unknown objective '\(parts[0]).\(parts[1])'", at: span, label: "not defined",
        help: Suggestions.didYouMean("\(parts[0]).\(parts[1])", among: candidates)
          ?? (candidates.isEmpty
            ? "'\(parts[0])' has no objectives"
            : "'\(parts[0])' has " + candidates.prefix(5).map { "`\($0)`" }.joined(separator: ", ")))
    }
    if parts.count == 2 { return .objective(objective) }
    guard parts.count == 3 else {
      throw QueryError(
        "'\(written)' has too many parts", at: span, label: "not a name",
        help: "names are ENTITY, ENTITY.OBJECTIVE or ENTITY.OBJECTIVE.KR")
    }
    guard let keyResult = plan.keyResult(of: objective, localID: parts[2]) else {
      let candidates = plan[objective].keyResults.map { plan.qualifiedName(KeyResultID($0)) }
      throw QueryError(
        "unknown key result '\(written)'", at: span, label: "not defined",
        help: Suggestions.didYouMean(written, among: candidates)
          ?? (candidates.isEmpty
            ? "'\(plan.qualifiedName(objective))' has no key results"
            : "its key results are " + candidates.prefix(5).map { "`\($0)`" }.joined(separator: ", ")))
    }
    return .keyResult(keyResult)
  }

  /// Resolves a reference that must name an objective or a key result.
  func node(_ reference: QueryReference, for query: String) throws(QueryError) -> AlignmentNode {
    switch try resolve(reference) {
    case .objective(let id): return .objective(id)
    case .keyResult(let id): return .keyResult(id)
    case .entity(let id):
      let examples = plan[id].objectives.prefix(2).map { "`\(query) \(plan.qualifiedName($0))`" }
      throw QueryError(
        "\(query) needs an objective or key result; '\(reference)' is a \(plan[id].level.rawValue)",
        at: reference.span, label: "not an objective or key result",
        help: examples.isEmpty ? "name an objective as ENTITY.OBJECTIVE" : "e.g. " + examples.joined(separator: " or "))
    case .link:
      throw QueryError(
        "\(query) needs an objective or key result, not a link", at: reference.span,
        label: "a link", help: "name the link's child or parent instead")
    }
  }

  /// The id of a node: `acme.csat` or `acme.csat.nps`.
  func name(_ node: AlignmentNode) -> String {
    switch node {
    case .objective(let id): plan.qualifiedName(id)
    case .keyResult(let id): plan.qualifiedName(id)
    }
  }

  /// `cs.csat95->acme.csat`.
  func name(_ link: LinkID) -> String {
    plan.qualifiedName(plan[link].child) + "->" + plan.qualifiedName(plan[link].target)
  }

  /// A node's id, kind, title, level, progress, expected progress and status.
  func summary(_ node: AlignmentNode, in evaluation: Evaluation) -> NodeSummary {
    switch node {
    case .objective(let id):
      return NodeSummary(
        id: plan.qualifiedName(id), kind: "objective", title: plan.title(of: id),
        level: plan.level(of: id), progress: evaluation.progress(of: id), expected: evaluation.expected(of: id),
        status: evaluation.status(of: id))
    case .keyResult(let id):
      let objective = plan[id].objective
      return NodeSummary(
        id: plan.qualifiedName(id), kind: "key-result", title: plan.text(plan[id].title),
        level: plan.level(of: objective), progress: evaluation.progress(of: id),
        expected: evaluation.expected(of: objective), status: evaluation.status(of: id))
    }
  }

  /// An entity's id, kind, name and level.
  func summary(_ entity: EntityID) -> NodeSummary {
    NodeSummary(id: plan[entity].id, kind: "entity", title: plan.displayName(entity), level: plan[entity].level)
  }
}

/// The output format of query answers.
public enum QueryOutputFormat: String, Sendable, CaseIterable {
  /// `text` for people (aligned tables, trees with progress bars), `json` for tools (LANGUAGE.md §8).
  case text, json
}

/// Rendered answers to a line of queries.
public struct QueryAnswer: Sendable {
  /// The results, in order, each followed by a line break.
  public var output: String
  /// The rendered error that stopped the queries, if one did.
  public var error: String?
  /// True when a query failed.
  public var failed: Bool
}

extension QueryResult {
  /// Whether the result shows computed progress (and so changes under a what-if).
  var dependsOnEvaluation: Bool {
    switch self {
    case .diagnostics, .message: false
    default: true
    }
  }
}

/// A plan loaded for questions: the API for programs that embed okr, and the engine of `okr repl`.
///
/// Load a plan from files (through any ``PlanFileSystem``) or from strings, read its
/// diagnostics, ask queries of LANGUAGE.md §7 and get typed results, rendered text or JSON.
/// Key results declared with `source "NAME"` take their values from the host's
/// ``MetricProvider``; `set` and `reset` queries change values in memory only.
///
/// ```swift
/// let session = OKRSession(asOf: Day(year: 2026, month: 2, day: 20)!)
/// session.load(text: planText, path: "acme.okr")
/// session.metrics = LiveMetrics()
/// let (results, error) = session.query("progress acme.csat")
/// ```
public final class OKRSession {
  /// The analysed plan: resolved model and diagnostics.
  public private(set) var analysis: PlanAnalysis
  /// The paths the plan was loaded from (empty for plans loaded from strings).
  public private(set) var paths: [String] = []
  private var engine: QueryEngine

  /// An empty session, evaluating as of `asOf`.
  public init(asOf: Day, format: QueryOutputFormat = .text, color: Bool = false) {
    analysis = PlanAnalysis(ParsedPlan())
    engine = QueryEngine(analysis: analysis, asOf: asOf, format: format, color: color)
  }

  // MARK: - Loading

  /// Loads the plans at `paths` (files or folders), replacing the current plan.
  /// Returns the paths that could not be read at all.
  @discardableResult
  public func load(paths: [String], fileSystem: some PlanFileSystem) -> [LoadFailure] {
    self.paths = paths
    replace(with: PlanAnalysis(PlanLoader(fileSystem: fileSystem).load(paths)))
    return analysis.failures
  }

  /// Loads a plan from one string, replacing the current plan.
  public func load(text: String, path: String = "plan.okr") {
    var parsed = ParsedPlan()
    parsed.add(path: path, text: text)
    paths = []
    replace(with: PlanAnalysis(parsed))
  }

  /// Loads a plan from several strings keyed by absolute path, so `include` works between them.
  @discardableResult
  public func load(files: [String: String], entry: [String]) -> [LoadFailure] {
    load(paths: entry, fileSystem: InMemoryFileSystem(files: files))
  }

  private func replace(with analysis: PlanAnalysis) {
    let metrics = engine.metrics
    self.analysis = analysis
    engine = QueryEngine(
      analysis: analysis, asOf: engine.asOf, format: engine.format, color: engine.color,
      metrics: metrics)
  }

  // MARK: - State

  /// The plan's diagnostics, sorted by location.
  public var diagnostics: [Diagnostic] { analysis.diagnostics }

  /// The resolved plan.
  public var plan: Plan { analysis.plan }

  /// The day everything is evaluated as of.
  public var asOf: Day {
    get { engine.asOf }
    set { engine.asOf = newValue }
  }

  /// How ``answer(_:)`` renders results.
  public var format: QueryOutputFormat {
    get { engine.format }
    set { engine.format = newValue }
  }

  /// Whether rendered text carries ANSI colours.
  public var color: Bool {
    get { engine.color }
    set { engine.color = newValue }
  }

  /// Values for key results declared with `source "NAME"`, supplied by the host.
  public var metrics: (any MetricProvider)? {
    get { engine.metrics }
    set { engine.metrics = newValue }
  }

  /// The what-if changes in effect (made by `set`, cleared by `reset`).
  public var whatIf: WhatIf { engine.whatIf }

  // MARK: - Questions

  /// Runs one or more `;`-separated queries; stops at the first error.
  public func query(_ text: String) -> (results: [QueryResult], error: QueryError?) { engine.run(text) }

  /// Runs queries and renders them in ``format``.
  public func answer(_ text: String) -> QueryAnswer { engine.answer(text) }

  /// Runs queries and returns their JSON (LANGUAGE.md §8): each result, then the error that stopped them if
  /// one did; a single value when there is only one, else an array.
  public func json(_ text: String) -> JSONValue {
    let (results, error) = engine.run(text)
    let renderer = QueryRenderer(sources: analysis.plan.sources)
    var values = results.map(renderer.json)
    if let error { values.append(error.json(in: text)) }
    return values.count == 1 ? values[0] : .array(values)
  }

  /// The whole plan evaluated as of ``asOf``, with the what-if changes and host metrics.
  public func evaluation() -> Evaluation { engine.evaluation() }

  /// A one-line summary: files, objectives, errors, warnings and the as-of date.
  public var summary: String {
    let files = analysis.plan.sources.files.count
    let objectives = analysis.plan.objectives.count
    let errors = diagnostics.errorCount
    let warnings = diagnostics.warningCount
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    return "\(plural(files, "file")), \(plural(objectives, "objective")), \(plural(errors, "error")), "
      + "\(plural(warnings, "warning")); as of \(asOf)"
  }
}

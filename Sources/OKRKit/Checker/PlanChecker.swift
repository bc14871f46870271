/// The checker: the linking and value rules of LANGUAGE.md §5 over a resolved ``Plan``.
///
/// Runs after ``PlanResolver`` (which reports unknown names, duplicates and wrong kinds) and
/// before the policy's severities are applied (``PlanAnalysis``). Every rule family lives in its
/// own file; each works on the plan's flat arrays, iteratively, in time linear in the plan
/// (the people rules walk entity enclosures with memoised searches).
///
/// Diagnostics carry their rule's default severity. Names that did not resolve were already
/// reported, so rules stay quiet about them: one mistake, one diagnostic.
enum PlanChecker {
  /// Every diagnostic of the §5 linking, people, hygiene and value rules.
  ///
  /// The rule families read the plan and nothing else, so in a large plan they run on every
  /// core, the longest first; their diagnostics are joined in the families' fixed order either way.
  static func check(_ plan: Plan) -> [Diagnostic] {
    let families: [@Sendable (Plan, inout [Diagnostic]) -> Void] = [
      LevelRules.check, PeriodRules.check, GraphRules.check, PeopleRules.check, HygieneRules.check, ValueRules.check,
    ]
    func run(_ family: Int) -> [Diagnostic] {
      var diagnostics: [Diagnostic] = []
      families[family](plan, &diagnostics)
      return diagnostics
    }
    // Below this size the rules take less time than starting threads would.
    guard plan.objectives.count >= parallelThreshold else { return Array(families.indices.map(run).joined()) }
    // The cores take the families in this order, so the last to start is a short one: on the
    // generated 1M plan the hygiene, value and people rules take 108, 96 and 77 ms, the period,
    // graph and level rules 48, 31 and 12.
    let longestFirst = [4, 5, 3, 1, 2, 0]
    assert(longestFirst.sorted() == Array(families.indices), "every family, once")
    var found = [[Diagnostic]](repeating: [], count: families.count)
    for (family, diagnostics) in zip(longestFirst, ParallelWork.map(longestFirst, run)) { found[family] = diagnostics }
    return Array(found.joined())
  }

  /// The number of objectives from which the rule families run in parallel.
  static let parallelThreshold = 5_000
}

/// Phrases shared by the rules' messages.
extension Plan {
  /// `the team objective 'cs.csat95'`.
  func describe(_ objective: ObjectiveID) -> String {
    "the \(level(of: objective).rawValue) objective '\(qualifiedName(objective))'"
  }

  /// `the team objective 'cs.csat95'` or `the key result 'acme.csat.nps' of a company objective`.
  func describe(_ target: LinkTarget) -> String {
    switch target {
    case .objective(let id):
      describe(id)
    case .keyResult(let id):
      "the key result '\(qualifiedName(id))' of a \(level(of: self[id].objective).rawValue) objective"
    }
  }

  /// Where a link's parent is declared: the objective's id, or the key result's.
  func declaration(of target: LinkTarget) -> SourceLocation {
    switch target {
    case .objective(let id): self[id].location
    case .keyResult(let id): self[id].location
    }
  }

  /// `2026-Q1 (92 days)` or `FY26 (2025-07-01..2026-06-30, 365 days)`.
  func describeLength(_ cycle: CycleAssignment) -> String {
    let days = "\(cycle.period.nominalLength) days"
    guard let name = cycle.name else { return "\(cycle.period) (\(days))" }
    return "\(name) (\(cycle.period), \(days))"
  }

  /// The literal text at `location`, e.g. `-1` for a weight.
  func literal(at location: SourceLocation) -> String {
    TerminalText.escaped(sources[location.file].text(location.span))
  }
}

/// Numbers as a person would write them in a plan.
enum NumberText {
  /// `2`, `0.5`, `-1`: whole numbers without a decimal point.
  static func plain(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  /// A fraction as a percentage: `0.4` → `40%`.
  static func percent(_ fraction: Double) -> String {
    let percent = fraction * 100
    // Round away binary noise such as 0.07 × 100 = 7.000000000000001.
    let tidy = (percent * 1e9).rounded() / 1e9
    return plain(tidy.isFinite ? tidy : percent) + "%"
  }
}

extension Array where Element == String {
  /// `a`, `a or b`, `a, b or c` (with `conjunction` "or").
  func joinedAsList(_ conjunction: String) -> String {
    guard count > 1, let last else { return first ?? "" }
    return dropLast().joined(separator: ", ") + " \(conjunction) " + last
  }
}

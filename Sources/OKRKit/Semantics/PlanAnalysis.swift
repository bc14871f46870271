/// A plan taken through every phase: parsed, resolved and checked.
///
/// This is what `okr check` reports and what evaluation, queries and exports start from.
public struct PlanAnalysis: Sendable {
  /// The resolved alignment graph.
  public let plan: Plan
  /// Every diagnostic of every phase, with the policy's severities applied and sorted by location.
  public let diagnostics: [Diagnostic]
  /// Paths that could not be read at all.
  public let failures: [LoadFailure]

  /// Resolves and checks a parsed plan. Given the only copy of `parsed`, resolving frees the
  /// syntax trees as it goes (see ``PlanResolver/resolve(_:)``).
  public init(_ parsed: consuming ParsedPlan) {
    let (loadDiagnostics, failures) = (parsed.diagnostics, parsed.failures)
    self.init(loadDiagnostics, failures, resolved: PlanResolver.resolve(consume parsed))
  }

  /// Checks a parsed plan already resolved by ``PlanResolver/resolve(_:)`` (benchmarks time the two apart).
  public init(_ parsed: ParsedPlan, resolved: (plan: Plan, diagnostics: [Diagnostic])) {
    self.init(parsed.diagnostics, parsed.failures, resolved: resolved)
  }

  private init(
    _ loadDiagnostics: [Diagnostic], _ failures: [LoadFailure], resolved: (plan: Plan, diagnostics: [Diagnostic])
  ) {
    let (plan, resolution) = resolved
    var diagnostics = loadDiagnostics
    diagnostics.append(contentsOf: resolution)
    diagnostics.append(contentsOf: PlanChecker.check(plan))
    self.plan = plan
    self.failures = failures
    self.diagnostics = PlanAnalysis.applyPolicy(plan.policy, to: diagnostics).sortedByLocation()
  }

  /// Sets each diagnostic's severity from the policy and drops rules turned off.
  static func applyPolicy(_ policy: Policy, to diagnostics: [Diagnostic]) -> [Diagnostic] {
    guard !policy.severities.isEmpty else { return diagnostics }
    return diagnostics.compactMap { diagnostic in
      guard diagnostic.rule.isConfigurable else { return diagnostic }
      guard let severity = policy.severity(of: diagnostic.rule) else { return nil }
      var changed = diagnostic
      changed.severity = severity
      return changed
    }
  }
}

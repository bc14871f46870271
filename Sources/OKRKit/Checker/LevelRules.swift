/// `company-top-level` and `level-not-allowed`: which levels may support which.
///
/// A link to a key result counts as a link to the level of the key result's objective.
enum LevelRules {
  static func check(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
    for link in plan.links {
      let parent = plan.parentObjective(of: link.target)
      let childLevel = plan.level(of: link.child)
      let parentLevel = plan.level(of: parent)
      let companyOnTop = childLevel == .company && parentLevel != .company
      guard companyOnTop || !plan.policy.allows(child: childLevel, parent: parentLevel) else { continue }
      let parentDeclared = Diagnostic.Label(
        plan.declaration(of: link.target),
        "'\(plan.qualifiedName(link.target))' is declared here")
      if companyOnTop {
        diagnostics.append(
          Diagnostic(
            .companyTopLevel,
            "a company objective cannot support a lower level: '\(plan.qualifiedName(link.child))' supports \(plan.describe(link.target))",
            at: link.location, label: "a company objective supporting a \(parentLevel.rawValue) objective",
            labels: [parentDeclared],
            help:
              "company objectives are the top of the plan: remove this link, or let '\(plan.qualifiedName(parent))' support '\(plan.qualifiedName(link.child))' instead"
          ))
        continue
      }
      let pair = "\(childLevel.rawValue) -> \(parentLevel.rawValue)"
      let allowed = Level.allCases.filter { plan.policy.allows(child: childLevel, parent: $0) }
      let instead =
        allowed.isEmpty
        ? "remove this link"
        : "support a \(allowed.reversed().map(\.rawValue).joinedAsList("or")) objective instead"
      let deniedByPolicy = plan.policy.levelOverrides[Policy.LevelPair(childLevel, parentLevel)] == false
      var labels = [parentDeclared]
      if deniedByPolicy, let policy = plan.policy.location {
        labels.append(.init(policy, "the policy denies \(pair)"))
      }
      diagnostics.append(
        Diagnostic(
          .levelNotAllowed,
          "a \(childLevel.rawValue) objective may not support a \(parentLevel.rawValue) objective: '\(plan.qualifiedName(link.child))' supports \(plan.describe(link.target))",
          at: link.location, label: "\(childLevel.rawValue) → \(parentLevel.rawValue) is not allowed",
          labels: labels,
          help: deniedByPolicy
            ? "\(instead), or remove `deny \(pair)` from the policy"
            : "\(instead), or allow the pair in the policy: policy { allow \(pair) }"))
    }
  }
}

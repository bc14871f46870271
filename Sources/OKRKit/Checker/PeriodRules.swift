/// `period-too-long`, `backward-link` and `closed-cycle`: a child's cycle must fit its parent's.
///
/// Each rule is checked on its own, so one link may break several. Links where either side
/// has no cycle are not checked.
enum PeriodRules {
  static func check(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
    for link in plan.links {
      let parent = plan.parentObjective(of: link.target)
      // Most links join objectives of one cycle, which breaks none of these rules.
      if plan[link.child].hasTheSameCycleTerms(as: plan[parent]) { continue }
      guard let childCycle = plan[link.child].cycle, let parentCycle = plan[parent].cycle else { continue }
      let tooLong = childCycle.period.nominalLength > parentCycle.period.nominalLength
      let backward = parentCycle.period.last < childCycle.period.first
      let intoClosed = !childCycle.isClosed && parentCycle.isClosed
      guard tooLong || backward || intoClosed else { continue }
      let child = "'\(plan.qualifiedName(link.child))'"
      let parentName = "'\(plan.qualifiedName(parent))'"
      let parentCycleLabel = Diagnostic.Label(
        parentCycle.location,
        "\(parentName) is in \(plan.describeLength(parentCycle))\(parentCycle.isClosed ? ", closed" : "")")

      if tooLong {
        diagnostics.append(
          Diagnostic(
            .periodTooLong,
            "\(child) runs for \(plan.describeLength(childCycle)), longer than its parent \(parentName) in \(plan.describeLength(parentCycle))",
            at: link.location, label: "a longer cycle supporting a shorter one", labels: [parentCycleLabel],
            help:
              "a child's cycle is at most as long as its parent's: give \(child) a cycle such as \(parentCycle.label), or support an objective of a longer cycle"
          ))
      }
      if backward {
        diagnostics.append(
          Diagnostic(
            .backwardLink,
            "\(parentName) ends on \(parentCycle.period.last), before \(child) begins on \(childCycle.period.first)",
            at: link.location, label: "this link points back in time", labels: [parentCycleLabel],
            help:
              "support an objective whose cycle includes \(childCycle.label), or move \(child) to \(parentCycle.label)")
        )
      }
      if intoClosed {
        diagnostics.append(
          Diagnostic(
            .closedCycle,
            "\(child) in the open cycle \(childCycle.label) supports \(parentName), whose cycle \(parentCycle.label) is closed",
            at: link.location, label: "a link into a closed cycle", labels: [parentCycleLabel],
            help: "a closed cycle is final: support an objective of an open cycle instead"))
      }
    }
  }
}

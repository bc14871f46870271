/// Objectives ordered so that every child comes before the objectives it supports.
///
/// Computed with Kahn's algorithm over the links (child → parent objective, whether the
/// link points at the objective or one of its key results): iterative and linear in
/// objectives + links, so a 100,000-long chain is as cheap as a wide plan.
public struct AlignmentOrder: Sendable {
  /// Every objective that is not on or above a `supports` loop, children first.
  public let childrenFirst: [ObjectiveID]
  /// Objectives that could not be ordered: on a loop, or supporting one (transitively, above it).
  public let unordered: [ObjectiveID]
  /// Per objective of ``childrenFirst``: the most links on a way down from it to an objective
  /// nothing is linked to (0 for one nothing is linked to). Objectives of one height read none of
  /// each other's progress, so they can be rolled up together.
  let heights: [Int32]

  public init(_ plan: Plan) {
    let count = plan.objectives.count
    // Pending children per objective: it is ready once all its children are placed.
    var pendingChildren = [Int32](repeating: 0, count: count)
    for link in plan.links {
      pendingChildren[Int(plan.parentObjective(of: link.target).index)] += 1
    }
    var ready: [ObjectiveID] = []
    ready.reserveCapacity(count)
    for index in 0..<count where pendingChildren[index] == 0 { ready.append(ObjectiveID(index)) }
    var order: [ObjectiveID] = []
    order.reserveCapacity(count)
    var heights = [Int32](repeating: 0, count: count)
    var next = 0
    // `ready` doubles as the output queue: objectives are appended as they become ready.
    while next < ready.count {
      let objective = ready[next]
      next += 1
      order.append(objective)
      let above = heights[Int(objective.index)] + 1
      for position in plan.parentLinkPositions(of: objective) {
        let parent = plan.parentObjective(of: plan[plan.parentLinkList[position]].target)
        heights[Int(parent.index)] = max(heights[Int(parent.index)], above)
        pendingChildren[Int(parent.index)] -= 1
        if pendingChildren[Int(parent.index)] == 0 { ready.append(parent) }
      }
    }
    childrenFirst = order
    self.heights = heights
    unordered = (0..<count).lazy.filter { pendingChildren[$0] > 0 }.map { ObjectiveID($0) }
  }
}

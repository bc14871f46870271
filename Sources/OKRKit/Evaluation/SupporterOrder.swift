/// Some objectives and every objective they roll up from (linked to them or to their key results,
/// directly or through others), children first: what evaluating those objectives alone needs.
///
/// The objectives are ordered by their strongly connected components (Tarjan's algorithm,
/// iterative, from the given objectives down), which comes out children first. A loop's links
/// (between two objectives of one component) are ignored, as ``EvaluationOrder`` ignores them:
/// every objective on a loop lies below the objectives it supports, so the loops found here are
/// the plan's own.
struct SupporterOrder {
  /// The objectives, children first.
  private(set) var objectives: [ObjectiveID] = []
  /// When no loop was found: the objectives by height (the longest way down from each; see
  /// ``AlignmentOrder/heights``), lowest first, and where each height starts in it (one more
  /// start ends the last). Objectives of one height read none of each other's progress. Empty
  /// when there is a loop.
  private(set) var byHeight: [ObjectiveID] = []
  private(set) var heightStarts: [Int] = []
  /// Per objective of the plan: the number of its component, -1 for an objective not reached.
  private var component: [Int32]

  /// The objectives `roots` roll up from, and the roots themselves, in `plan`.
  init(of roots: [ObjectiveID], in plan: Plan) {
    let count = plan.objectives.count
    component = [Int32](repeating: -1, count: count)
    // When each objective was reached (-1: not yet), and the earliest reached objective still
    // on the stack that it reaches. An objective reached and without a component is on the stack.
    var reached = [Int32](repeating: -1, count: count)
    var lowest = [Int32](repeating: 0, count: count)
    // The heights, while no loop is found.
    var height = [Int32](repeating: 0, count: count)
    var hasLoop = false
    var stack: [Int32] = []
    // The children of the objectives being visited, each objective's after its parent's.
    var children: [Int32] = []
    var visits: [(objective: Int32, start: Int, next: Int)] = []
    var reachedCount: Int32 = 0
    var componentCount: Int32 = 0

    // Links are read by position: a slice of the plan's list would take a reference to it.
    func visit(_ objective: Int32) {
      reached[Int(objective)] = reachedCount
      lowest[Int(objective)] = reachedCount
      reachedCount += 1
      stack.append(objective)
      let start = children.count
      let id = ObjectiveID(objective)
      for position in plan.childLinkPositions(of: id) {
        children.append(plan[plan.childLinkList[position]].child.index)
      }
      for keyResult in plan[id].keyResults {
        for position in plan.childLinkPositions(of: KeyResultID(keyResult)) {
          children.append(plan[plan.krChildLinkList[position]].child.index)
        }
      }
      visits.append((objective, start, start))
    }

    for root in roots where reached[Int(root.index)] < 0 {
      visit(root.index)
      while let current = visits.last {
        let node = Int(current.objective)
        if current.next < children.count {
          visits[visits.count - 1].next += 1
          let child = Int(children[current.next])
          if reached[child] < 0 {
            visit(Int32(child))
          } else if component[child] < 0 {
            lowest[node] = min(lowest[node], reached[child])
            hasLoop = true
          } else {
            height[node] = max(height[node], height[child] + 1)
          }
          continue
        }
        visits.removeLast()
        children.removeSubrange(current.start...)
        if let parent = visits.last {
          lowest[Int(parent.objective)] = min(lowest[Int(parent.objective)], lowest[node])
          height[Int(parent.objective)] = max(height[Int(parent.objective)], height[node] + 1)
        }
        guard lowest[node] == reached[node] else { continue }
        while let member = stack.popLast() {
          component[Int(member)] = componentCount
          objectives.append(ObjectiveID(member))
          if Int(member) == node { break }
        }
        componentCount += 1
      }
    }
    if !hasLoop { (byHeight, heightStarts) = Self.sorted(by: height, component) }
  }

  /// The objectives reached (those with a `component`) by `height`, each height in the plan's
  /// order (neighbours in memory), and where each height starts.
  private static func sorted(by height: [Int32], _ component: [Int32]) -> ([ObjectiveID], [Int]) {
    var starts = [0]
    var count = 0
    for index in height.indices where component[index] >= 0 {
      let next = Int(height[index]) + 2
      if next > starts.count { starts.append(contentsOf: repeatElement(0, count: next - starts.count)) }
      starts[next - 1] += 1
      count += 1
    }
    for index in starts.indices.dropFirst() { starts[index] += starts[index - 1] }
    var next = starts
    var sorted = [ObjectiveID](repeating: ObjectiveID(Int32(0)), count: count)
    for index in height.indices where component[index] >= 0 {
      let height = Int(height[index])
      sorted[next[height]] = ObjectiveID(index)
      next[height] += 1
    }
    return (sorted, starts)
  }

  /// Whether `objective` is one of ``objectives``.
  func contains(_ objective: ObjectiveID) -> Bool { component[Int(objective.index)] >= 0 }

  /// Whether `link` joins two objectives of one loop: such links do not count.
  func isLoopLink(_ link: Link, in plan: Plan) -> Bool {
    let childComponent = component[Int(link.child.index)]
    return childComponent >= 0 && childComponent == component[Int(plan.parentObjective(of: link.target).index)]
  }
}

/// The order the interpreter visits objectives in: every child before the objectives it supports.
///
/// Objectives that ``AlignmentOrder`` could not place (on a `supports` loop, or above one) are
/// ordered by their strongly connected components (Tarjan's algorithm, iterative): a loop is
/// evaluated with its *loop links* — links between two objectives of the same component,
/// including an objective supporting itself — ignored, and everything above the loop sees the
/// loop's objectives as ordinary children. The checker reports such loops as `supports-cycle`.
struct EvaluationOrder: Sendable {
  /// Every objective, children first.
  let objectives: [ObjectiveID]
  /// The index of each objective in ``objectives``.
  let position: [Int32]
  /// Per objective: the strongly connected component of an objective ``AlignmentOrder`` could
  /// not place, or -1 for every other objective; empty when it placed them all (no loops).
  private let component: [Int32]
  /// The objectives something is linked to that ``AlignmentOrder`` placed, lowest first
  /// (``AlignmentOrder/heights``), and where each height starts in it: those of one height read
  /// none of each other's progress.
  let linkedByHeight: [ObjectiveID]
  let heightStarts: [Int]
  /// How many of ``objectives`` ``AlignmentOrder`` placed; the rest are on or above loops.
  let placedCount: Int

  init(_ plan: Plan) {
    let alignment = AlignmentOrder(plan)
    (linkedByHeight, heightStarts) = EvaluationOrder.byHeight(alignment)
    placedCount = alignment.childrenFirst.count
    var order = alignment.childrenFirst
    var component: [Int32] = []
    if !alignment.unordered.isEmpty {
      component = [Int32](repeating: -1, count: plan.objectives.count)
      let components = EvaluationOrder.components(of: alignment.unordered, in: plan)
      for (objective, id) in components {
        order.append(objective)
        component[Int(objective.index)] = id
      }
    }
    var position = [Int32](repeating: 0, count: plan.objectives.count)
    for (index, objective) in order.enumerated() { position[Int(objective.index)] = Int32(index) }
    self.objectives = order
    self.position = position
    self.component = component
  }

  /// The placed objectives of height 1 and more, by height (in their order within a height),
  /// and where each height starts; one more start ends the last.
  private static func byHeight(_ alignment: AlignmentOrder) -> ([ObjectiveID], [Int]) {
    var counts: [Int] = []
    for objective in alignment.childrenFirst {
      let height = Int(alignment.heights[Int(objective.index)])
      guard height > 0 else { continue }
      if height > counts.count { counts.append(contentsOf: repeatElement(0, count: height - counts.count)) }
      counts[height - 1] += 1
    }
    var starts = [0]
    for count in counts { starts.append(starts[starts.count - 1] + count) }
    var next = starts
    var sorted = [ObjectiveID](repeating: ObjectiveID(Int32(0)), count: starts[starts.count - 1])
    for objective in alignment.childrenFirst {
      let height = Int(alignment.heights[Int(objective.index)])
      guard height > 0 else { continue }
      sorted[next[height - 1]] = objective
      next[height - 1] += 1
    }
    return (sorted, starts)
  }

  /// Whether `link` joins two objectives of one loop: such links do not count.
  func isLoopLink(_ link: Link, in plan: Plan) -> Bool {
    guard !component.isEmpty else { return false }
    let childComponent = component[Int(link.child.index)]
    return childComponent >= 0
      && childComponent == component[Int(plan.parentObjective(of: link.target).index)]
  }

  /// The strongly connected components of `objectives` (edges parent → child), children's
  /// components first: each objective with its component's number.
  private static func components(of objectives: [ObjectiveID], in plan: Plan) -> [(ObjectiveID, Int32)] {
    var local = [Int32](repeating: -1, count: plan.objectives.count)
    for (index, objective) in objectives.enumerated() { local[Int(objective.index)] = Int32(index) }
    // Children of each node within the set, in CSR form.
    var offsets: [Int] = [0]
    var targets: [Int32] = []
    func addChildren(_ links: ArraySlice<LinkID>) {
      for linkID in links {
        let child = local[Int(plan[linkID].child.index)]
        if child >= 0 { targets.append(child) }
      }
    }
    for objective in objectives {
      addChildren(plan.childLinks(of: objective))
      for keyResult in plan[objective].keyResults { addChildren(plan.childLinks(of: KeyResultID(keyResult))) }
      offsets.append(targets.count)
    }
    let count = objectives.count
    var index = [Int32](repeating: -1, count: count)
    var lowLink = [Int32](repeating: 0, count: count)
    var onStack = [Bool](repeating: false, count: count)
    var stack: [Int32] = []
    var calls: [(node: Int32, edge: Int)] = []
    var nextIndex: Int32 = 0
    var componentCount: Int32 = 0
    var result: [(ObjectiveID, Int32)] = []
    result.reserveCapacity(count)
    func visit(_ node: Int32) {
      index[Int(node)] = nextIndex
      lowLink[Int(node)] = nextIndex
      nextIndex += 1
      stack.append(node)
      onStack[Int(node)] = true
      calls.append((node, offsets[Int(node)]))
    }
    for start in 0..<count where index[start] < 0 {
      visit(Int32(start))
      while let (node, edge) = calls.last {
        let v = Int(node)
        if edge < offsets[v + 1] {
          calls[calls.count - 1].edge += 1
          let w = targets[edge]
          if index[Int(w)] < 0 {
            visit(w)
          } else if onStack[Int(w)] {
            lowLink[v] = min(lowLink[v], index[Int(w)])
          }
          continue
        }
        calls.removeLast()
        if let caller = calls.last {
          lowLink[Int(caller.node)] = min(lowLink[Int(caller.node)], lowLink[v])
        }
        if lowLink[v] == index[v] {
          while let member = stack.popLast() {
            onStack[Int(member)] = false
            result.append((objectives[Int(member)], componentCount))
            if member == node { break }
          }
          componentCount += 1
        }
      }
    }
    return result
  }
}

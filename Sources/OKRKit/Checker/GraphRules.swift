/// `supports-cycle`, `too-many-parents` and `unshared-second-parent`: the shape of the alignment graph.
///
/// The graph has an edge from every child objective to the objective it supports (a link to a
/// key result counts as a link to the key result's objective). Loops are found as strongly
/// connected components with an iterative Tarjan search, so chains of any length are safe.
enum GraphRules {
  /// The most loop members named in a message before the middle is elided.
  static let namesShown = 12
  /// The most links of a loop shown as secondary labels.
  static let labelsShown = 8

  static func check(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
    reportLoops(plan, into: &diagnostics)
    reportParentCounts(plan, into: &diagnostics)
  }

  // MARK: - supports-cycle

  /// One diagnostic per strongly connected component that holds a loop (a self-support included).
  private static func reportLoops(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
    let components = loopingComponents(plan)
    guard !components.isEmpty else { return }
    // Component number per objective, to keep the loop search inside its component.
    var component = [Int32](repeating: -1, count: plan.objectives.count)
    for (number, members) in components.enumerated() {
      for member in members { component[Int(member.index)] = Int32(number) }
    }
    var reachedBy = [LinkID?](repeating: nil, count: plan.objectives.count)
    for (number, members) in components.enumerated() {
      guard let start = members.min() else { continue }
      let loop = shortestLoop(through: start, within: Int32(number), component: component, reachedBy: &reachedBy, plan)
      if let diagnostic = loopDiagnostic(loop, component: members, plan) { diagnostics.append(diagnostic) }
    }
  }

  /// The members of every strongly connected component that contains a loop.
  static func loopingComponents(_ plan: Plan) -> [[ObjectiveID]] {
    let count = plan.objectives.count
    var order = [Int32](repeating: -1, count: count)  // discovery order; -1 = not yet visited
    var lowest = [Int32](repeating: 0, count: count)
    var onStack = [Bool](repeating: false, count: count)
    var stack: [ObjectiveID] = []
    var nextOrder: Int32 = 0
    var components: [[ObjectiveID]] = []
    // The explicit call stack: an objective and how many of its parent links were followed.
    var calls: [(objective: ObjectiveID, followed: Int)] = []

    func discover(_ objective: ObjectiveID) {
      order[Int(objective.index)] = nextOrder
      lowest[Int(objective.index)] = nextOrder
      nextOrder += 1
      stack.append(objective)
      onStack[Int(objective.index)] = true
      calls.append((objective, 0))
    }

    for root in 0..<count where order[root] < 0 {
      discover(ObjectiveID(root))
      while let call = calls.last {
        let objective = call.objective
        let links = plan.parentLinkPositions(of: objective)
        let index = Int(objective.index)
        if call.followed < links.count {
          calls[calls.count - 1].followed += 1
          let parent = plan.parentObjective(of: plan[plan.parentLinkList[links.lowerBound + call.followed]].target)
          let parentIndex = Int(parent.index)
          if order[parentIndex] < 0 {
            discover(parent)
          } else if onStack[parentIndex] {
            lowest[index] = min(lowest[index], order[parentIndex])
          }
          continue
        }
        calls.removeLast()
        if let caller = calls.last {
          lowest[Int(caller.objective.index)] = min(lowest[Int(caller.objective.index)], lowest[index])
        }
        guard lowest[index] == order[index] else { continue }
        let supportsItself = links.contains {
          plan.parentObjective(of: plan[plan.parentLinkList[$0]].target) == objective
        }
        // Most objectives are a component of their own: no list is made for them.
        if stack.last == objective {
          stack.removeLast()
          onStack[index] = false
          if supportsItself { components.append([objective]) }
          continue
        }
        var members: [ObjectiveID] = []
        while let member = stack.popLast() {
          onStack[Int(member.index)] = false
          members.append(member)
          if member == objective { break }
        }
        components.append(members)
      }
    }
    return components
  }

  /// The links of a shortest loop from `start` back to itself, staying inside its component
  /// (breadth-first, so iterative and linear in the component's size).
  private static func shortestLoop(
    through start: ObjectiveID, within number: Int32, component: [Int32], reachedBy: inout [LinkID?], _ plan: Plan
  ) -> [LinkID] {
    var queue = [start]
    var next = 0
    var visited: [ObjectiveID] = []
    defer { for objective in visited { reachedBy[Int(objective.index)] = nil } }
    while next < queue.count {
      let objective = queue[next]
      next += 1
      for linkID in plan.parentLinks(of: objective) {
        let parent = plan.parentObjective(of: plan[linkID].target)
        if parent == start {
          // Walk back from `objective` to `start` along the links that first reached each objective.
          var loop = [linkID]
          var current = objective
          while current != start, let link = reachedBy[Int(current.index)] {
            loop.append(link)
            current = plan[link].child
          }
          return loop.reversed()
        }
        let parentIndex = Int(parent.index)
        guard component[parentIndex] == number, reachedBy[parentIndex] == nil else { continue }
        reachedBy[parentIndex] = linkID
        visited.append(parent)
        queue.append(parent)
      }
    }
    return []
  }

  /// The diagnostic naming `loop`; nil for an empty loop (a component always has one through its first member).
  private static func loopDiagnostic(_ loop: [LinkID], component members: [ObjectiveID], _ plan: Plan) -> Diagnostic? {
    guard let first = loop.first else { return nil }
    let start = plan[first].child
    var names = loop.map { plan.qualifiedName(plan[$0].child) }
    names.append(plan.qualifiedName(start))
    if names.count > namesShown {
      let hidden = names.count - namesShown
      names = names.prefix(namesShown / 2) + ["… \(hidden) more …"] + names.suffix(namesShown / 2)
    }
    let path = names.joined(separator: " → ")
    let message =
      loop.count == 1
      ? "'\(plan.qualifiedName(start))' supports itself: \(path)"
      : "objectives support each other in a loop: \(path)"
    let labels = loop.dropFirst().prefix(labelsShown).map { link in
      Diagnostic.Label(
        plan[link].location,
        "then '\(plan.qualifiedName(plan[link].child))' supports '\(plan.qualifiedName(plan[link].target))'")
    }
    var notes: [String] = []
    if loop.count - 1 > labelsShown {
      notes.append("the loop has \(loop.count) links; the first \(labelsShown + 1) are shown")
    }
    if members.count > loop.count {
      let onLoop = Set(loop.map { plan[$0].child })
      let others = members.filter { !onLoop.contains($0) }.sorted()
      let shown = others.prefix(5).map { "'\(plan.qualifiedName($0))'" }
      let more = others.count > shown.count ? " and \(others.count - shown.count) more" : ""
      notes.append("also caught in loops with these: \(shown.joined(separator: ", "))\(more)")
    }
    return Diagnostic(
      .supportsCycle, message, at: plan[first].location,
      label: "'\(plan.qualifiedName(start))' supports '\(plan.qualifiedName(plan[first].target))'",
      labels: labels, notes: notes,
      help: loop.count == 1
        ? "remove this link: an objective cannot count towards itself"
        : "remove one of these links: progress flows up from child to parent and cannot come back around")
  }

  // MARK: - Parents

  private static func reportParentCounts(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
    let maxParents = plan.policy.maxParents
    for index in plan.objectives.indices {
      let objective = ObjectiveID(index)
      // Counted by position: a slice takes a reference to the plan's list, as other rules do on
      // other cores. Names are made only for an objective reported: most with two parents are shared.
      let count = plan.parentLinkPositions(of: objective).count
      guard count >= 2, count > maxParents || !plan[objective].isShared else { continue }
      let links = plan.parentLinks(of: objective)
      let name = "'\(plan.qualifiedName(objective))'"
      let firstLink = plan[links[links.startIndex]]
      let firstParent = Diagnostic.Label(firstLink.location, "first parent: '\(plan.qualifiedName(firstLink.target))'")
      if links.count > maxParents {
        let extra = plan[links[links.startIndex + maxParents]]
        diagnostics.append(
          Diagnostic(
            .tooManyParents,
            "\(name) supports \(links.count) parents; the policy allows at most \(maxParents)",
            at: extra.location, label: "parent \(maxParents + 1) of \(links.count)", labels: [firstParent],
            help:
              "keep the \(maxParents == 1 ? "link" : "\(maxParents) links") that matter most, or split \(name) into one objective per parent"
          ))
      }
      if !plan[objective].isShared {
        let second = plan[links[links.startIndex + 1]]
        diagnostics.append(
          Diagnostic(
            .unsharedSecondParent,
            "\(name) supports a second parent but is not marked `shared`",
            at: second.location, label: "second parent: '\(plan.qualifiedName(second.target))'", labels: [firstParent],
            notes: ["a child with two parents counts fully in each"],
            help: "add `shared` to \(name) if it really serves both, or keep only one supports link"))
      }
    }
  }
}

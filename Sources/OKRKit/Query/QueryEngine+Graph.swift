extension QueryEngine {
  /// Tags that mark an objective as knowingly unlinked (LANGUAGE.md §5 `orphan`).
  static let unlinkedTags: Set<String> = ["exploratory", "innovation", "maintenance", "standalone"]

  // MARK: - tree

  /// The tree below `root` (an objective, a key result, or an entity's objectives; without a root,
  /// every objective that supports nothing). Each objective shows its key results, then the
  /// objectives supporting it; objectives linked to a key result appear under that key result.
  /// `depth N` keeps N levels of supporting objectives below the roots. An objective reached a
  /// second time (a child with two parents) is drawn once more but not expanded again, so the
  /// output stays linear in the plan's size.
  mutating func tree(_ root: QueryReference?, depth: Int?) throws(QueryError) -> QueryTree {
    var roots: [AlignmentNode] = []
    var notes: [String] = []
    if let root {
      switch try resolve(root) {
      case .objective(let id): roots = [.objective(id)]
      case .keyResult(let id): roots = [.keyResult(id)]
      case .entity(let id):
        roots = plan[id].objectives.map { .objective($0) }
        if roots.isEmpty { notes.append("'\(plan[id].id)' owns no objectives") }
      case .link:
        throw QueryError(
          "tree starts at an objective, key result or entity, not a link", at: root.span,
          label: "a link", help: "name the link's parent instead")
      }
    } else {
      let plan = plan
      roots = plan.objectives.indices.map { ObjectiveID($0) }.filter { plan.parentLinks(of: $0).isEmpty }
        .map { .objective($0) }
      if roots.isEmpty {
        notes.append(plan.objectives.isEmpty ? "the plan has no objectives" : "every objective supports another")
      }
    }
    let evaluation =
      root == nil
      ? evaluation()
      : evaluation(
        ofSupportersOf: roots.map {
          switch $0 {
          case .objective(let id): id
          case .keyResult(let id): plan[id].objective
          }
        })
    let limit = depth ?? Int.max

    struct Frame {
      var node: AlignmentNode
      var indent: Int
      var depth: Int
      var isLast: Bool
      var parentID: String?
      var weight: Double?
      var counts: Bool
    }
    var stack: [Frame] = []
    func push(_ frames: [Frame]) {
      for (index, frame) in frames.enumerated().reversed() {
        var frame = frame
        frame.isLast = index == frames.count - 1
        stack.append(frame)
      }
    }
    push(roots.map { Frame(node: $0, indent: 0, depth: 0, isLast: false, parentID: nil, weight: nil, counts: true) })
    var expanded = [Bool](repeating: false, count: plan.objectives.count)
    var rows: [QueryTree.Row] = []
    var repeated = 0
    while let frame = stack.popLast() {
      let id = name(frame.node)
      var row = QueryTree.Row(
        indent: frame.indent, isLast: frame.isLast, node: summary(frame.node, in: evaluation),
        parentID: frame.parentID, weight: frame.weight, counts: frame.counts, isRepeat: false, hiddenChildren: 0)
      var children: [Frame] = []
      func supporters(_ links: ArraySlice<LinkID>, counting: Bool) {
        guard frame.depth < limit else {
          row.hiddenChildren += links.count
          return
        }
        for linkID in links {
          let weight = whatIf.linkWeights[linkID] ?? plan[linkID].weight
          children.append(
            Frame(
              node: .objective(plan[linkID].child), indent: frame.indent + 1, depth: frame.depth + 1,
              isLast: false, parentID: id, weight: weight == 1 ? nil : weight,
              counts: counting && evaluation.weight(of: linkID) > 0))
        }
      }
      switch frame.node {
      case .objective(let objective):
        if expanded[Int(objective.index)] {
          row.isRepeat = true
          repeated += 1
          rows.append(row)
          continue
        }
        expanded[Int(objective.index)] = true
        for keyResult in plan[objective].keyResults {
          children.append(
            Frame(
              node: .keyResult(KeyResultID(keyResult)), indent: frame.indent + 1, depth: frame.depth,
              isLast: false, parentID: id, weight: nil, counts: true))
        }
        supporters(plan.childLinks(of: objective), counting: evaluation.override(of: objective) == nil)
      case .keyResult(let keyResult):
        supporters(plan.childLinks(of: keyResult), counting: evaluation.isSupporterDerived(keyResult))
      }
      rows.append(row)
      push(children)
    }
    let hidden = rows.reduce(0) { $0 + $1.hiddenChildren }
    if hidden > 0 {
      notes.append("\(hidden) supporting objective\(hidden == 1 ? " is" : "s are") below depth \(limit) and not shown")
    }
    if repeated > 0 {
      notes.append("↺ marks an objective with two parents, expanded where it first appears")
    }
    return QueryTree(rows: rows, notes: notes)
  }

  // MARK: - Node sets

  /// `path`, `parents`, `children`, `ancestors`, `descendants`.
  mutating func related(_ relation: QueryRelation, _ reference: QueryReference) throws(QueryError) -> QueryTable {
    let target = try resolve(reference)
    let evaluation = evaluation()
    var notes: [String] = []
    var rows: [[QueryValue]] = []
    switch target {
    case .link:
      throw QueryError(
        "\(relation.rawValue) needs an objective, key result or entity, not a link", at: reference.span,
        label: "a link", help: "name the link's child or parent instead")
    case .entity(let entity):
      let entities: [EntityID]
      switch relation {
      case .parents: entities = plan[entity].parents
      case .children: entities = entityChildren()[Int(entity.index)]
      case .ancestors: entities = closure(from: entity) { plan[$0].parents }
      case .descendants:
        let children = entityChildren()
        entities = closure(from: entity) { children[Int($0.index)] }
      case .path:
        var path = [entity]
        var seen: Set<EntityID> = [entity]
        var current = entity
        while let parent = plan[current].parents.first, seen.insert(parent).inserted {
          if plan[current].parents.count > 1 {
            notes.append(
              "'\(plan[current].id)' is also in "
                + plan[current].parents.dropFirst().map { "'\(plan[$0].id)'" }.joined(separator: ", "))
          }
          path.append(parent)
          current = parent
        }
        entities = path
      }
      rows = entities.map { summary($0).row }
    case .objective(let id):
      (rows, notes) = related(relation, .objective(id), in: evaluation)
    case .keyResult(let id):
      (rows, notes) = related(relation, .keyResult(id), in: evaluation)
    }
    let empty: String =
      switch relation {
      case .parents: "'\(reference)' has no parents"
      case .children: "'\(reference)' has no children"
      case .ancestors: "'\(reference)' has no ancestors"
      case .descendants: "'\(reference)' has no descendants"
      case .path: "'\(reference)'"
      }
    return QueryTable(columns: NodeSummary.columns, rows: rows, notes: notes, emptyMessage: empty)
  }

  private func related(_ relation: QueryRelation, _ start: AlignmentNode, in evaluation: Evaluation)
    -> ([[QueryValue]], [String])
  {
    var notes: [String] = []
    let nodes: [AlignmentNode]
    switch relation {
    case .parents: nodes = parents(of: start)
    case .children: nodes = children(of: start)
    case .ancestors: nodes = closure(from: start, parents)
    case .descendants: nodes = closure(from: start, children)
    case .path: (nodes, notes) = path(from: start)
    }
    return (nodes.map { summary($0, in: evaluation).row }, notes)
  }

  /// An objective's parents (the objectives and key results it supports); a key result's objective.
  func parents(of node: AlignmentNode) -> [AlignmentNode] {
    switch node {
    case .keyResult(let id): return [.objective(plan[id].objective)]
    case .objective(let id):
      return plan.parentLinks(of: id).map {
        switch plan[$0].target {
        case .objective(let parent): .objective(parent)
        case .keyResult(let parent): .keyResult(parent)
        }
      }
    }
  }

  /// The objectives supporting a node: for an objective, also those linked to its key results.
  func children(of node: AlignmentNode) -> [AlignmentNode] {
    switch node {
    case .keyResult(let id): return plan.childLinks(of: id).map { .objective(plan[$0].child) }
    case .objective(let id):
      var result = plan.childLinks(of: id).map { AlignmentNode.objective(plan[$0].child) }
      for keyResult in plan[id].keyResults {
        result.append(contentsOf: plan.childLinks(of: KeyResultID(keyResult)).map { .objective(plan[$0].child) })
      }
      var seen: Set<AlignmentNode> = []
      return result.filter { seen.insert($0).inserted }
    }
  }

  /// Everything reachable from `start` by `step`, breadth first, without `start`.
  func closure<Node: Hashable>(from start: Node, _ step: (Node) -> [Node]) -> [Node] {
    var seen: Set<Node> = [start]
    var found: [Node] = []
    var frontier = [start]
    var next = 0
    while next < frontier.count {
      for node in step(frontier[next]) where seen.insert(node).inserted {
        found.append(node)
        frontier.append(node)
      }
      next += 1
    }
    return found
  }

  /// From a node up to the top, following the first parent at each step.
  func path(from start: AlignmentNode) -> ([AlignmentNode], [String]) {
    var path = [start]
    var notes: [String] = []
    var seen: Set<AlignmentNode> = [start]
    var current = start
    while true {
      let parents = parents(of: current)
      guard let next = parents.first else { break }
      if parents.count > 1 {
        notes.append(
          "'\(name(current))' also supports " + parents.dropFirst().map { "'\(name($0))'" }.joined(separator: ", ")
            + "; `ancestors \(name(start))` lists every ancestor")
      }
      guard seen.insert(next).inserted else {
        notes.append("the path loops back to '\(name(next))' (a supports-cycle)")
        break
      }
      path.append(next)
      current = next
    }
    return (path, notes)
  }

  /// The entities directly inside each entity.
  func entityChildren() -> [[EntityID]] {
    var children = [[EntityID]](repeating: [], count: plan.entities.count)
    for (index, entity) in plan.entities.enumerated() {
      for parent in entity.parents { children[Int(parent.index)].append(EntityID(index)) }
    }
    return children
  }

  /// `orphans`: objectives below company level that support nothing and are not tagged as knowingly unlinked.
  mutating func orphans() -> QueryTable {
    let evaluation = evaluation()
    let rows = orphanObjectives().map { summary(.objective($0), in: evaluation).row }
    return QueryTable(columns: NodeSummary.columns, rows: rows, emptyMessage: "no orphans")
  }

  func orphanObjectives() -> [ObjectiveID] {
    // Each objective's fields are read in place: a copy of each counted its references up and down.
    plan.objectives.indices.map { ObjectiveID($0) }.filter { id in
      plan.level(of: id) != .company && plan.parentLinkPositions(of: id).isEmpty && !plan[id].hasUnresolvedParent
        && !plan[id].tags.contains { QueryEngine.unlinkedTags.contains($0) }
    }
  }

  // MARK: - Progress, impact, history

  mutating func progress(of reference: QueryReference, at date: Day?) throws(QueryError) -> ProgressAnswer {
    let node = try node(reference, for: "progress")
    let objective =
      switch node {
      case .objective(let id): id
      case .keyResult(let id): plan[id].objective
      }
    let evaluation = evaluation(ofSupportersOf: [objective], asOf: date)
    let summary = summary(node, in: evaluation)
    let isOverridden: Bool =
      switch node {
      case .objective(let id): evaluation.override(of: id) != nil
      case .keyResult: false
      }
    return ProgressAnswer(
      node: summary, date: evaluation.asOf, progress: summary.progress ?? 0,
      expected: summary.expected, status: summary.status ?? .noCycle, isOverridden: isOverridden)
  }

  mutating func impact(of sourceReference: QueryReference, on targetReference: QueryReference?) throws(QueryError)
    -> ImpactAnswer
  {
    let source = try node(sourceReference, for: "impact")
    let evaluation = evaluation()
    let impacts = evaluator.impacts(of: source, in: evaluation)
    var notes: [String] = []
    if let targetReference {
      let target = try node(targetReference, for: "impact … on")
      let value = impacts.impact(on: target)
      let isAbove: Bool =
        switch target {
        case .objective(let id): impacts.ancestors.contains(id)
        case .keyResult(let id): impacts.ancestors.contains(plan[id].objective) && value != 0
        }
      if target != source, !isAbove {
        notes.append("'\(name(source))' does not support '\(name(target))', directly or through other objectives")
      } else if value == 0, target != source {
        notes.append(
          "'\(name(target))' does not move with '\(name(source))': an override or a key result with its own measure is in between"
        )
      }
      return ImpactAnswer(
        source: summary(source, in: evaluation), targets: [(summary(target, in: evaluation), value)],
        isSingleTarget: true, notes: notes)
    }
    let tops = impacts.ancestors.filter { plan.parentLinks(of: $0).isEmpty }
    if tops.isEmpty { notes.append("'\(name(source))' supports nothing: it is top-level") }
    return ImpactAnswer(
      source: summary(source, in: evaluation),
      targets: tops.map { (summary(.objective($0), in: evaluation), impacts.impact(on: .objective($0))) },
      isSingleTarget: false, notes: notes)
  }

  mutating func history(of reference: QueryReference) throws(QueryError) -> HistoryAnswer {
    let node = try node(reference, for: "history")
    let evaluation = evaluation()
    return HistoryAnswer(
      node: summary(node, in: evaluation), asOf: asOf,
      points: evaluator.history(of: node, in: evaluation, metrics: metrics))
  }
}

/// The alignment tree as rows in reading order: each objective, then its key results (each
/// followed by the objectives promoted from it), then the objectives that support it directly.
///
/// Built iteratively with an explicit stack, so depth costs no call stack. An objective reached a
/// second time (a child with two parents) gets a row marked ``Row/isRepeat`` and is not expanded
/// again, so the outline stays linear in the plan's size.
struct AlignmentOutline {
  /// One line of the outline.
  struct Row {
    enum Item {
      case objective(ObjectiveID)
      case keyResult(KeyResultID)
    }

    var item: Item
    /// 0 for a root objective; its key results and supporters are at 1, and so on.
    var depth: Int
    /// The link that puts a supporting objective under its parent.
    var link: LinkID?
    /// The objective was expanded higher up; this row only refers to it.
    var isRepeat: Bool
  }

  /// The rows under the roots: objectives that support nothing, highest level first, then in
  /// declaration order.
  private(set) var rows: [Row] = []
  /// The rows of objectives that only loops of `supports` reach (there is no root above them),
  /// each loop started at its first objective in declaration order.
  private(set) var loopRows: [Row] = []

  init(_ plan: Plan) {
    let roots = plan.objectives.indices.map { ObjectiveID($0) }
      .filter { plan.parentLinks(of: $0).isEmpty }
      .sorted { (plan.level(of: $0).depth, $0.index) < (plan.level(of: $1).depth, $1.index) }
    var expanded = [Bool](repeating: false, count: plan.objectives.count)
    rows = AlignmentOutline.rows(from: roots, in: plan, expanded: &expanded)
    for index in plan.objectives.indices where !expanded[index] {
      loopRows += AlignmentOutline.rows(from: [ObjectiveID(index)], in: plan, expanded: &expanded)
    }
  }

  private static func rows(from roots: [ObjectiveID], in plan: Plan, expanded: inout [Bool]) -> [Row] {
    var rows: [Row] = []
    var stack = roots.reversed().map { Row(item: .objective($0), depth: 0, link: nil, isRepeat: false) }
    var children: [Row] = []
    while var row = stack.popLast() {
      children.removeAll(keepingCapacity: true)
      switch row.item {
      case .objective(let id):
        if expanded[Int(id.index)] {
          row.isRepeat = true
          rows.append(row)
          continue
        }
        expanded[Int(id.index)] = true
        for keyResult in plan[id].keyResults {
          children.append(
            Row(item: .keyResult(KeyResultID(keyResult)), depth: row.depth + 1, link: nil, isRepeat: false))
        }
        supporters(plan.childLinks(of: id), below: row, in: plan, into: &children)
      case .keyResult(let id):
        supporters(plan.childLinks(of: id), below: row, in: plan, into: &children)
      }
      rows.append(row)
      stack.append(contentsOf: children.reversed())
    }
    return rows
  }

  private static func supporters(_ links: ArraySlice<LinkID>, below row: Row, in plan: Plan, into children: inout [Row])
  {
    for link in links {
      children.append(Row(item: .objective(plan[link].child), depth: row.depth + 1, link: link, isRepeat: false))
    }
  }
}

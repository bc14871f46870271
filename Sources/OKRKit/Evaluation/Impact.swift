/// How much the objectives and key results above a node move when the node moves one point.
public struct Impacts: Sendable {
  /// The node that moves.
  public let source: AlignmentNode
  /// Every objective above the source (not the source itself), children first.
  public let ancestors: [ObjectiveID]
  private let objectiveImpacts: [ObjectiveID: Double]
  private let keyResultImpacts: [KeyResultID: Double]

  init(
    source: AlignmentNode, ancestors: [ObjectiveID], objectives: [ObjectiveID: Double],
    keyResults: [KeyResultID: Double]
  ) {
    self.source = source
    self.ancestors = ancestors
    self.objectiveImpacts = objectives
    self.keyResultImpacts = keyResults
  }

  /// The impact on `node`: 1 on the source itself, 0 on anything the source does not move.
  public func impact(on node: AlignmentNode) -> Double {
    if node == source { return 1 }
    switch node {
    case .objective(let id): return objectiveImpacts[id] ?? 0
    case .keyResult(let id): return keyResultImpacts[id] ?? 0
    }
  }
}

extension PlanEvaluator {
  /// The impact of `node` on every objective and key result above it (LANGUAGE.md §4): the sum
  /// over all paths up of the product, at each step, of the item's weight divided by the total
  /// weight of the parent's items.
  ///
  /// Computed by dynamic programming over the evaluation order (each ancestor once, after all
  /// its children), never by listing paths. Through a link to a key result the child's share is
  /// its link weight over the key result's total supporter weight, times the key result's share
  /// of its objective; a key result with its own measure is not moved by its supporters, and an
  /// objective with a progress override is not moved by anything, so impact through them is 0.
  public func impacts(of node: AlignmentNode, in evaluation: Evaluation) -> Impacts {
    var objectives: [ObjectiveID: Double] = [:]
    var keyResults: [KeyResultID: Double] = [:]
    let start: ObjectiveID
    switch node {
    case .objective(let id):
      start = id
      objectives[id] = 1
    case .keyResult(let id):
      start = plan[id].objective
      objectives[start] = share(of: id, in: evaluation)
    }
    var seen: Set<ObjectiveID> = [start]
    var found: [ObjectiveID] = [start]
    var next = 0
    while next < found.count {
      let objective = found[next]
      next += 1
      for linkID in plan.parentLinks(of: objective) {
        let parent = plan.parentObjective(of: plan[linkID].target)
        if seen.insert(parent).inserted { found.append(parent) }
      }
    }
    let position = order.position
    found.sort { position[Int($0.index)] < position[Int($1.index)] }
    // The totals the shares divide by, each summed once: a parent may have thousands of items.
    var totals: [AlignmentNode: Double] = [:]
    func total(of parent: AlignmentNode) -> Double {
      if let known = totals[parent] { return known }
      let total = totalWeight(of: parent, in: evaluation)
      totals[parent] = total
      return total
    }
    for objective in found {
      guard let impact = objectives[objective], impact != 0 else { continue }
      for linkID in plan.parentLinks(of: objective) {
        let step = impact * share(of: linkID, in: evaluation, total: total)
        switch plan[linkID].target {
        case .objective(let parent):
          objectives[parent, default: 0] += step
        case .keyResult(let keyResult):
          keyResults[keyResult, default: 0] += step
          objectives[plan[keyResult].objective, default: 0] += step * share(of: keyResult, in: evaluation, total: total)
        }
      }
    }
    // A key result's own objective is above it; an objective is not above itself.
    let ancestors = node == .objective(start) ? found.filter { $0 != start } : found
    return Impacts(source: node, ancestors: ancestors, objectives: objectives, keyResults: keyResults)
  }

  /// A key result's share of its objective's progress: its weight over the total, or 0 when an
  /// override decides the objective.
  func share(of keyResult: KeyResultID, in evaluation: Evaluation) -> Double {
    share(of: keyResult, in: evaluation) { totalWeight(of: $0, in: evaluation) }
  }

  /// ``share(of:in:)-(KeyResultID,_)``, with `total` giving the total weight of a parent's items
  /// (walks over many items remember each total).
  func share(of keyResult: KeyResultID, in evaluation: Evaluation, total: (AlignmentNode) -> Double) -> Double {
    let objective = plan[keyResult].objective
    guard evaluation.override(of: objective) == nil else { return 0 }
    return share(of: keyResult, outOf: total(.objective(objective)), in: evaluation)
  }

  /// A key result's share of its objective's progress, when no override decides the objective
  /// and its items weigh `total` in all (walks over many items work the total out once).
  func share(of keyResult: KeyResultID, outOf total: Double, in evaluation: Evaluation) -> Double {
    total > 0 ? evaluation.weight(of: keyResult) / total : 0
  }

  /// A link's child's share of the link's parent: of the objective (unless overridden), or of the
  /// key result (only when the key result's progress comes from its supporters).
  func share(of linkID: LinkID, in evaluation: Evaluation) -> Double {
    share(of: linkID, in: evaluation) { totalWeight(of: $0, in: evaluation) }
  }

  /// ``share(of:in:)-(LinkID,_)``, with `total` giving the total weight of a parent's items.
  func share(of linkID: LinkID, in evaluation: Evaluation, total: (AlignmentNode) -> Double) -> Double {
    switch plan[linkID].target {
    case .objective(let parent):
      guard evaluation.override(of: parent) == nil else { return 0 }
      return share(of: linkID, outOf: total(.objective(parent)), in: evaluation)
    case .keyResult(let keyResult):
      guard evaluation.isSupporterDerived(keyResult) else { return 0 }
      return share(of: linkID, outOf: total(.keyResult(keyResult)), in: evaluation)
    }
  }

  /// What a parent's mean divides by: the weight of an objective's key results and of the links
  /// to it, or of the links to a key result.
  func totalWeight(of parent: AlignmentNode, in evaluation: Evaluation) -> Double {
    switch parent {
    case .objective(let id): evaluation.itemWeight(of: id)
    case .keyResult(let id): evaluation.supporterWeight(of: id)
    }
  }

  /// A link's child's share of its parent, when the parent counts its children (an objective
  /// not overridden, a key result that takes its supporters' mean) and they weigh `total` in all.
  func share(of linkID: LinkID, outOf total: Double, in evaluation: Evaluation) -> Double {
    let weight = evaluation.linkWeight[Int(linkID.index)]
    return weight > 0 && total > 0 ? weight / total : 0
  }
}

/// Which objective and key result of the new plan each one of the old plan is.
///
/// Things are the same when their qualified ids are the same. Two kinds of moves are recognised
/// among what is left:
///
/// * An objective **moved** to another owner when `A.x` is gone, `B.x` is new, both have the
///   same title, and no other gone or new objective has that id and title.
/// * A key result **moved** to another objective of the same owner when `E.a.k` is gone, `E.b.k`
///   is new, and `k` names exactly one key result among all of `E`'s objectives in the old plan
///   and exactly one in the new plan.
///
/// The key results of a matched (or moved) objective are matched by their ids within it.
struct IdentityMatch {
  /// Per old objective: its counterpart in the new plan.
  var objectiveInNew: [ObjectiveID?]
  /// Per new objective: its counterpart in the old plan.
  var objectiveInOld: [ObjectiveID?]
  /// Per new objective: whether it is an old objective under another owner.
  var objectiveIsMoved: [Bool]
  var keyResultInNew: [KeyResultID?]
  var keyResultInOld: [KeyResultID?]
  /// Per new key result: whether it is an old key result from another objective.
  var keyResultIsMoved: [Bool]

  /// `oldTitles` and `newTitles` are the plans' ``effectiveTitles(_:)``.
  init(old: Plan, new: Plan, oldTitles: [String], newTitles: [String]) {
    objectiveInNew = Array(repeating: nil, count: old.objectives.count)
    objectiveInOld = Array(repeating: nil, count: new.objectives.count)
    objectiveIsMoved = Array(repeating: false, count: new.objectives.count)
    keyResultInNew = Array(repeating: nil, count: old.keyResults.count)
    keyResultInOld = Array(repeating: nil, count: new.keyResults.count)
    keyResultIsMoved = Array(repeating: false, count: new.keyResults.count)
    matchObjectives(old, new, oldTitles, newTitles)
    matchKeyResults(old, new)
  }

  private mutating func pair(_ oldID: ObjectiveID, _ newID: ObjectiveID) {
    objectiveInNew[Int(oldID.index)] = newID
    objectiveInOld[Int(newID.index)] = oldID
  }

  private mutating func pair(_ oldID: KeyResultID, _ newID: KeyResultID) {
    keyResultInNew[Int(oldID.index)] = newID
    keyResultInOld[Int(newID.index)] = oldID
  }

  private mutating func matchObjectives(_ old: Plan, _ new: Plan, _ oldTitles: [String], _ newTitles: [String]) {
    for (index, objective) in new.objectives.enumerated() {
      if let owner = old.entity(named: new[objective.owner].id),
        let match = old.objective(owner: owner, localID: objective.localID)
      {
        pair(match, ObjectiveID(index))
      }
    }
    struct MoveKey: Hashable {
      var localID: String
      var title: String
    }
    var gone: [MoveKey: [ObjectiveID]] = [:]
    for index in old.objectives.indices where objectiveInNew[index] == nil {
      let id = ObjectiveID(index)
      gone[MoveKey(localID: old[id].localID, title: oldTitles[index]), default: []].append(id)
    }
    var arrived: [MoveKey: [ObjectiveID]] = [:]
    for index in new.objectives.indices where objectiveInOld[index] == nil {
      let id = ObjectiveID(index)
      arrived[MoveKey(localID: new[id].localID, title: newTitles[index]), default: []].append(id)
    }
    for (key, candidates) in arrived {
      guard candidates.count == 1, let from = gone[key], from.count == 1 else { continue }
      pair(from[0], candidates[0])
      objectiveIsMoved[Int(candidates[0].index)] = true
    }
  }

  private mutating func matchKeyResults(_ old: Plan, _ new: Plan) {
    struct LocalKey: Hashable {
      var objective: ObjectiveID
      var localID: String
    }
    // A key result is looked for among its old objective's few key results; only objectives with
    // many have theirs in a table.
    let fewKeyResults = 16
    var oldByLocalID: [LocalKey: KeyResultID] = [:]
    for objective in old.objectives where objective.keyResults.count > fewKeyResults {
      for index in objective.keyResults {
        let keyResult = old.keyResults[Int(index)]
        oldByLocalID[LocalKey(objective: keyResult.objective, localID: keyResult.localID)] = KeyResultID(index)
      }
    }
    for (index, keyResult) in new.keyResults.enumerated() {
      guard let oldObjective = objectiveInOld[Int(keyResult.objective.index)] else { continue }
      let candidates = old.objectives[Int(oldObjective.index)].keyResults
      let match =
        candidates.count > fewKeyResults
        ? oldByLocalID[LocalKey(objective: oldObjective, localID: keyResult.localID)]
        : candidates.first { old.keyResults[Int($0)].localID == keyResult.localID }.map { KeyResultID($0) }
      if let match { pair(match, KeyResultID(index)) }
    }
    struct OwnerKey: Hashable {
      var owner: String
      var localID: String
    }
    func census(_ plan: Plan) -> [OwnerKey: (count: Int, last: KeyResultID)] {
      var found: [OwnerKey: (count: Int, last: KeyResultID)] = [:]
      for (index, keyResult) in plan.keyResults.enumerated() {
        let key = OwnerKey(owner: plan[plan[keyResult.objective].owner].id, localID: keyResult.localID)
        func count(_ entry: inout (count: Int, last: KeyResultID)) {
          entry.count += 1
          entry.last = KeyResultID(index)
        }
        count(&found[key, default: (0, KeyResultID(index))])
      }
      return found
    }
    // Each plan's census on a core of its own.
    let censuses = ParallelWork.map([old, new], census)
    let (before, after) = (censuses[0], censuses[1])
    for (key, arrival) in after where arrival.count == 1 {
      guard keyResultInOld[Int(arrival.last.index)] == nil, let departure = before[key], departure.count == 1,
        keyResultInNew[Int(departure.last.index)] == nil
      else { continue }
      pair(departure.last, arrival.last)
      keyResultIsMoved[Int(arrival.last.index)] = true
    }
  }
}

/// Every objective's title as ``Plan/title(of:)`` gives it (for `reuses`, the reused objective's),
/// computed in one linear pass: each chain of `reuses` is walked once, and a loop gives `""`.
func effectiveTitles(_ plan: Plan) -> [String] {
  var titles = [String?](repeating: nil, count: plan.objectives.count)
  var visited = [Bool](repeating: false, count: plan.objectives.count)
  var chain: [Int] = []
  for start in plan.objectives.indices where titles[start] == nil {
    var current = start
    while titles[current] == nil, !visited[current] {
      visited[current] = true
      chain.append(current)
      let objective = plan.objectives[current]
      if let title = objective.title {
        titles[current] = plan.text(title)
      } else if let next = objective.reuses {
        current = Int(next.index)
      } else {
        titles[current] = ""
      }
    }
    let title = titles[current] ?? ""
    for index in chain where titles[index] == nil { titles[index] = title }
    chain.removeAll(keepingCapacity: true)
  }
  return titles.map { $0 ?? "" }
}

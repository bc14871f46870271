/// A node's progress on one date of its history.
public struct HistoryPoint: Sendable, Equatable {
  /// The day: a check-in or milestone `done` date in the node's subtree.
  public var date: Day
  /// The node's progress on that day, 0…1.
  public var progress: Double
  /// The elapsed fraction of the cycle on that date; nil without a cycle.
  public var expected: Double?
  /// The node's status on that day, against its cycle (for a key result, its objective's).
  public var status: ProgressStatus
}

extension PlanEvaluator {
  /// The progress of `node` on each date something in its subtree changed: every check-in date
  /// and milestone `done` date of its key results and of the key results of every objective below
  /// it, up to the evaluation's as-of date, oldest first. The evaluation's what-if changes apply
  /// on every date. Objectives linked to a key result with a measure of its own are not part of
  /// its subtree (they do not move it).
  ///
  /// Progress is linear in the progress of the *terminal* items below the node (key results with
  /// a measure of their own, objectives with an override), with their impacts as coefficients.
  /// So the series starts from one full sum and then, date by date, adds the change of just the
  /// key results that changed — linear in the size of the subtree plus the number of changes,
  /// rather than one evaluation per date. Key results with a host `source` are read on every date.
  public func history(of node: AlignmentNode, in evaluation: Evaluation, metrics: (any MetricProvider)? = nil)
    -> [HistoryPoint]
  {
    let asOf = evaluation.asOf
    let contributions = contributions(to: node, in: evaluation)
    var dates: [Day] = []
    var events: [(date: Day, terminal: Int)] = []
    var terminalIndex: [KeyResultID: Int] = [:]
    for (index, terminal) in contributions.terminals.enumerated() { terminalIndex[terminal.keyResult] = index }
    for keyResult in contributions.keyResults {
      let terminal = terminalIndex[keyResult]
      func note(_ date: Day) {
        guard date <= asOf else { return }
        dates.append(date)
        if let terminal { events.append((date, terminal)) }
      }
      for checkin in plan.checkins[Int(plan[keyResult].checkins.lowerBound)..<Int(plan[keyResult].checkins.upperBound)]
      {
        note(checkin.date)
      }
      if case .milestone(_, let doneOn?) = plan[keyResult].measure { note(doneOn) }
    }
    dates.sort()
    dates = dates.enumerated().filter { $0.offset == 0 || dates[$0.offset - 1] != $0.element }.map(\.element)
    guard let first = dates.first else { return [] }
    events.sort { $0.date < $1.date }
    let volatile = contributions.terminals.indices.filter {
      metrics != nil && plan[contributions.terminals[$0].keyResult].source != nil
    }

    let cycle: Period? =
      switch node {
      case .objective(let id): plan[id].cycle?.period
      case .keyResult(let id): plan[plan[id].objective].cycle?.period
      }
    func progress(of terminal: Int, on date: Day) -> Double {
      reading(of: contributions.terminals[terminal].keyResult, asOf: date, whatIf: evaluation.whatIf, metrics: metrics)
        .progress ?? 0
    }
    var values = contributions.terminals.indices.map { progress(of: $0, on: first) }
    var sum = contributions.constant
    for (index, terminal) in contributions.terminals.enumerated() { sum += terminal.coefficient * values[index] }
    var points: [HistoryPoint] = []
    points.reserveCapacity(dates.count)
    var nextEvent = 0
    for date in dates {
      while nextEvent < events.count, events[nextEvent].date <= date {
        let terminal = events[nextEvent].terminal
        nextEvent += 1
        update(terminal)
      }
      for terminal in volatile { update(terminal) }
      let value = PlanEvaluator.unit(sum)
      points.append(
        HistoryPoint(
          date: date, progress: value,
          expected: ProgressStatus.expectedProgress(of: cycle, asOf: date),
          status: ProgressStatus.of(progress: value, cycle: cycle, asOf: date, policy: plan.policy)))
      func update(_ terminal: Int) {
        let value = progress(of: terminal, on: date)
        sum += contributions.terminals[terminal].coefficient * (value - values[terminal])
        values[terminal] = value
      }
    }
    return points
  }

  /// What a node's progress is made of: a constant (from overrides) plus coefficient × progress
  /// of each key result with a measure of its own; and every key result below the node.
  struct Contributions {
    var constant = 0.0
    var terminals: [(keyResult: KeyResultID, coefficient: Double)] = []
    var keyResults: [KeyResultID] = []
  }

  /// The impact of every terminal item below `node` on it: dynamic programming over the
  /// evaluation order, parents before children.
  func contributions(to node: AlignmentNode, in evaluation: Evaluation) -> Contributions {
    var result = Contributions()
    var coefficients: [ObjectiveID: Double] = [:]
    var below: [ObjectiveID] = []
    var seen: Set<ObjectiveID> = []
    func reach(_ links: ArraySlice<LinkID>) {
      for linkID in links where seen.insert(plan[linkID].child).inserted { below.append(plan[linkID].child) }
    }
    func spread(_ keyResult: KeyResultID, _ coefficient: Double) {
      guard coefficient != 0 else { return }
      if evaluation.isSupporterDerived(keyResult) {
        let total = evaluation.supporterWeight(of: keyResult)
        for linkID in plan.childLinks(of: keyResult) {
          coefficients[plan[linkID].child, default: 0] += coefficient * share(of: linkID, outOf: total, in: evaluation)
        }
      } else {
        result.terminals.append((keyResult, coefficient))
      }
    }
    switch node {
    case .objective(let id):
      seen.insert(id)
      below.append(id)
      coefficients[id] = 1
    case .keyResult(let id):
      result.keyResults.append(id)
      if evaluation.isSupporterDerived(id) { reach(plan.childLinks(of: id)) }
      spread(id, 1)
    }
    var next = 0
    while next < below.count {
      let objective = below[next]
      next += 1
      reach(plan.childLinks(of: objective))
      for keyResult in plan[objective].keyResults where evaluation.isSupporterDerived(KeyResultID(keyResult)) {
        reach(plan.childLinks(of: KeyResultID(keyResult)))
      }
    }
    let position = order.position
    below.sort { position[Int($0.index)] > position[Int($1.index)] }
    for objective in below {
      result.keyResults.append(contentsOf: plan[objective].keyResults.map { KeyResultID($0) })
      guard let coefficient = coefficients[objective], coefficient != 0 else { continue }
      if let override = evaluation.override(of: objective) {
        result.constant += coefficient * override
        continue
      }
      // The total each share divides by, summed once for all of the objective's items.
      let total = evaluation.itemWeight(of: objective)
      for keyResult in plan[objective].keyResults {
        let id = KeyResultID(keyResult)
        spread(id, coefficient * share(of: id, outOf: total, in: evaluation))
      }
      for linkID in plan.childLinks(of: objective) {
        coefficients[plan[linkID].child, default: 0] += coefficient * share(of: linkID, outOf: total, in: evaluation)
      }
    }
    return result
  }
}

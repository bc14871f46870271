import Synchronization

/// The interpreter: computes progress, expected progress and status as of a date (LANGUAGE.md §4),
/// and from the same arithmetic impact (``impacts(of:in:)``) and history (``history(of:in:metrics:)``).
///
/// One evaluation is one pass over the objectives, children first, so each mean reads values
/// already computed (those nothing links to are done first, on all cores): linear in objectives
/// + key results + links + check-ins, and iterative, so a 100,000-long `supports` chain costs
/// what a wide plan does.
///
/// * A key result's value is the latest check-in dated on or before the as-of date, else `current`.
///   A metric's progress is `clamp((value − from) / (to − from), 0, 1)`; 0 without a value, and 0
///   when `from` equals `to` (reported as `empty-range`). A milestone is 1 when done with no date
///   or a date on or before the as-of date. `progress N%` is N/100, clamped to 0…1.
/// * A key result without a measure of its own takes the weighted mean of the objectives linked
///   to it (link weights), or 0 with none. A key result with its own measure keeps it: linked
///   objectives stay traceable but do not move it (`measured-and-supported`).
/// * An objective's progress is its override (clamped to 0…1), else the weighted mean of its key
///   results (their weights) and of the objectives linked to it directly (link weights); 0 when
///   there is nothing to measure. A child with two parents counts fully in each.
/// * Weights that are not positive (reported as `nonpositive-weight`) count as 0, so a mean never
///   divides by zero or leaves 0…1.
/// * Objectives on a `supports` loop (reported as `supports-cycle`) are evaluated with the links
///   of the loop ignored; see ``EvaluationOrder``.
/// * Expected progress and status come from the objective's cycle (see ``ProgressStatus``). An
///   objective that names no cycle has no expected progress and the status `no-cycle`. A key
///   result is measured against its objective's cycle.
public struct PlanEvaluator: Sendable {
  /// The plan evaluated.
  public let plan: Plan
  private let orderOnceNeeded: OrderOnceNeeded

  /// An evaluator of `plan`; the order of the whole plan is worked out once, when first needed,
  /// and every evaluation reuses it.
  public init(_ plan: Plan) {
    // The checker's rules ran on all cores and freed their scratch into the worker threads'
    // heaps, which keep it; the evaluation's arrays would come on top of it (at a million
    // objectives the peak after the roll-up was 989-1,028 MiB, and 966-971 MiB with this).
    if plan.objectives.count >= Self.largePlan { FreedMemory.handBackAll() }
    self.plan = plan
    self.orderOnceNeeded = OrderOnceNeeded()
  }

  /// The order every objective is rolled up in (read it once per pass: it is behind a lock).
  var order: EvaluationOrder { orderOnceNeeded.order(of: plan) }

  /// Plans with at least this many objectives hand back the memory freed before them.
  static let largePlan = 100_000

  /// Every objective's and key result's progress, expected progress and status as of `asOf`,
  /// with the `whatIf` changes laid over the plan and host values from `metrics`.
  public func evaluate(asOf: Day, whatIf: WhatIf = WhatIf(), metrics: (any MetricProvider)? = nil) -> Evaluation {
    evaluate(asOf: asOf, whatIf: whatIf, metrics: metrics, objectivesPerPiece: 65_536)
  }

  /// ``evaluate(asOf:whatIf:metrics:)``, rolling up the objectives nothing is linked to first, in
  /// pieces of at least `objectivesPerPiece` objectives, or, when it is nil, every objective in
  /// one pass, children first (tests compare the two).
  func evaluate(
    asOf: Day, whatIf: WhatIf, metrics: (any MetricProvider)?, objectivesPerPiece: Int?
  ) -> Evaluation {
    var evaluation = Evaluation(plan: plan, asOf: asOf, whatIf: whatIf)
    // The first evaluation works out the order while the key results are read.
    let order = readKeyResults(into: &evaluation, asOf: asOf, whatIf: whatIf, metrics: metrics) { self.order }
    let links = ParallelWork.pieces(of: plan.links.count, size: max(65_536, plan.links.count / ParallelWork.coreCount))
    evaluation.linkWeight.withUnsafeMutableBufferPointer { weights in
      // Each piece writes only its own links' places.
      nonisolated(unsafe) let weights = weights
      _ = ParallelWork.map(links) { piece in
        for index in piece {
          let link = plan.links[index]
          weights[index] = order.isLoopLink(link, in: plan) ? 0 : weight(of: LinkID(index), whatIf: whatIf)
        }
      }
    }
    rollUp(into: &evaluation, order: order, asOf: asOf, whatIf: whatIf, objectivesPerPiece: objectivesPerPiece)
    return evaluation
  }

  /// ``evaluate(asOf:whatIf:metrics:)`` for the objectives of `order` alone (some objectives and
  /// every objective they roll up from), their key results and the links to them, all with the
  /// progress and status a whole evaluation gives them, to the bit. Every other node is left at
  /// progress 0 and `no-cycle`, every other link at weight 0. Without the whole plan's order:
  /// what answering about a few objectives needs. The objectives are rolled up a height at a
  /// time, as in a whole evaluation, or, below a loop, one at a time in the order of `order`.
  func evaluate(
    _ order: SupporterOrder, asOf: Day, whatIf: WhatIf, metrics: (any MetricProvider)?
  ) -> Evaluation {
    var evaluation = Evaluation(plan: plan, asOf: asOf, whatIf: whatIf)
    // The key results' readings and the links' weights, on all cores unless a host supplies
    // values (its provider is called from one thread), in the plan's order: neighbours in memory.
    let count = plan.objectives.count
    let pieceCount =
      metrics == nil ? min(ParallelWork.coreCount * 4, max(1, order.objectives.count / 16_384)) : 1
    let pieces = (0..<pieceCount).map { count * $0 / pieceCount..<count * ($0 + 1) / pieceCount }
    Self.withKeyResultPlaces(
      &evaluation.keyResultValue, &evaluation.keyResultProgress, &evaluation.keyResultIsDerived
    ) { places in
      evaluation.linkWeight.withUnsafeMutableBufferPointer { weights in
        // Each piece writes only its own objectives' key results and the links to them.
        nonisolated(unsafe) let weights = weights
        // Links are read by position: a slice of the plan's list would take a reference to it
        // and give it back, on every core at once.
        func setWeights(of positions: Range<Int>, in list: [LinkID]) {
          for position in positions {
            let linkID = list[position]
            weights[Int(linkID.index)] =
              order.isLoopLink(plan[linkID], in: plan) ? 0 : weight(of: linkID, whatIf: whatIf)
          }
        }
        _ = ParallelWork.map(pieces) { piece in
          for index in piece where order.contains(ObjectiveID(index)) {
            let objective = ObjectiveID(index)
            for keyResult in plan[objective].keyResults {
              read(KeyResultID(keyResult), into: places, asOf: asOf, whatIf: whatIf, metrics: metrics)
              setWeights(of: plan.childLinkPositions(of: KeyResultID(keyResult)), in: plan.krChildLinkList)
            }
            setWeights(of: plan.childLinkPositions(of: objective), in: plan.childLinkList)
          }
        }
      }
    }
    let step = RollUpStep(
      plan: plan, whatIf: whatIf, asOf: asOf, isDerived: evaluation.keyResultIsDerived,
      linkWeight: evaluation.linkWeight)
    Self.withNodes(of: &evaluation) { nodes in
      guard order.heightStarts.isEmpty else {
        Self.rollUp(order.byHeight, heightsStartingAt: order.heightStarts, smallest: 4_096, with: step, into: nodes)
        return
      }
      // With a loop, one at a time, children first.
      var position = CyclePosition(nil, asOf: asOf)
      for objective in order.objectives { step.rollUp(objective, into: nodes, position: &position) }
    }
    return evaluation
  }

  /// A link's weight as means count it, loops aside: the what-if's, else the plan's; 0 unless
  /// positive and finite.
  private func weight(of id: LinkID, whatIf: WhatIf) -> Double {
    PlanEvaluator.countable(whatIf.linkWeights[id] ?? plan[id].weight)
  }

  // MARK: - Objectives

  /// Every objective's progress and status, and those of its key results. An objective nothing
  /// is linked to (neither it nor its key results) reads only its own key results: those are
  /// worked out on all cores first; the rest then a height at a time (``AlignmentOrder/heights``),
  /// each height on all cores when it is wide, each objective reading its children's progress;
  /// those on or above a loop last, one at a time. Each objective's sums are taken in the same
  /// order either way.
  private func rollUp(
    into evaluation: inout Evaluation, order: EvaluationOrder, asOf: Day, whatIf: WhatIf, objectivesPerPiece: Int?
  ) {
    let step = RollUpStep(
      plan: plan, whatIf: whatIf, asOf: asOf, isDerived: evaluation.keyResultIsDerived,
      linkWeight: evaluation.linkWeight)
    Self.withNodes(of: &evaluation) { nodes in
      if let objectivesPerPiece {
        let count = plan.objectives.count
        let pieceCount = min(ParallelWork.coreCount * 4, max(1, count / objectivesPerPiece))
        let pieces = (0..<pieceCount).map { count * $0 / pieceCount..<count * ($0 + 1) / pieceCount }
        // Each piece writes only its own objectives' and key results' places.
        _ = ParallelWork.map(pieces) { piece in
          var position = CyclePosition(nil, asOf: asOf)
          for index in piece where step.readsNoChildren(ObjectiveID(index)) {
            step.rollUp(ObjectiveID(index), into: nodes, position: &position)
          }
        }
      }
      guard let objectivesPerPiece else {
        var position = CyclePosition(nil, asOf: asOf)
        for objectiveID in order.objectives { step.rollUp(objectiveID, into: nodes, position: &position) }
        return
      }
      // The rest a height at a time: an objective's children are all lower, so those of one
      // height read none of each other's places, and a wide height is rolled up on all cores.
      Self.rollUp(
        order.linkedByHeight, heightsStartingAt: order.heightStarts, smallest: max(1, objectivesPerPiece / 16),
        with: step, into: nodes)
      var position = CyclePosition(nil, asOf: asOf)
      // Objectives on or above a loop, one at a time in the order found for them.
      for objectiveID in order.objectives[order.placedCount...] {
        step.rollUp(objectiveID, into: nodes, position: &position)
      }
    }
  }

  /// Rolls up `objectives`, sorted by height, a height at a time (each height starts at
  /// `starts`, one more start ends the last): a height of at least two pieces of `smallest`
  /// objectives on all cores, a narrower one (a long chain has a hundred thousand of one
  /// objective) on this one.
  private static func rollUp(
    _ objectives: [ObjectiveID], heightsStartingAt starts: [Int], smallest: Int, with step: RollUpStep,
    into nodes: RollUpStep.Nodes
  ) {
    var position = CyclePosition(nil, asOf: step.asOf)
    for height in 0..<starts.count - 1 {
      let first = starts[height]
      let count = starts[height + 1] - first
      let pieceCount = min(ParallelWork.coreCount * 4, count / smallest)
      guard pieceCount > 1 else {
        for index in first..<first + count { step.rollUp(objectives[index], into: nodes, position: &position) }
        continue
      }
      let pieces = ParallelWork.pieces(of: count, size: (count + pieceCount - 1) / pieceCount)
      _ = ParallelWork.map(pieces) { piece in
        var position = CyclePosition(nil, asOf: step.asOf)
        for index in piece { step.rollUp(objectives[first + index], into: nodes, position: &position) }
      }
    }
  }

  /// Calls `body` with the places of `evaluation` the roll-up writes.
  private static func withNodes(of evaluation: inout Evaluation, _ body: (RollUpStep.Nodes) -> Void) {
    evaluation.objectiveProgress.withUnsafeMutableBufferPointer { objectiveProgress in
      evaluation.objectiveStatus.withUnsafeMutableBufferPointer { objectiveStatus in
        evaluation.keyResultProgress.withUnsafeMutableBufferPointer { keyResultProgress in
          evaluation.keyResultStatus.withUnsafeMutableBufferPointer { keyResultStatus in
            body(
              RollUpStep.Nodes(
                objectiveProgress: objectiveProgress, objectiveStatus: objectiveStatus,
                keyResultProgress: keyResultProgress, keyResultStatus: keyResultStatus))
          }
        }
      }
    }
  }

  // MARK: - Key results

  /// Reads every key result's value and own progress (those without one are marked
  /// derived): on all cores, as no reading depends on another, unless a host supplies values
  /// (its provider is called from the calling thread alone).
  ///
  /// Returns what `alongside` returns: on all cores it is one more piece (the first taken), so
  /// the cores take it and the key results' pieces as they come free; otherwise it runs first.
  private func readKeyResults<Alongside>(
    into evaluation: inout Evaluation, asOf: Day, whatIf: WhatIf, metrics: (any MetricProvider)?,
    alongside: () -> Alongside
  ) -> Alongside {
    let count = plan.keyResults.count
    var result: Alongside?
    Self.withKeyResultPlaces(
      &evaluation.keyResultValue, &evaluation.keyResultProgress, &evaluation.keyResultIsDerived
    ) { places in
      let pieceCount = min(ParallelWork.coreCount * 4, max(1, count / 65_536))
      guard metrics == nil, pieceCount > 1 else {
        result = alongside()
        for index in 0..<count { read(KeyResultID(index), into: places, asOf: asOf, whatIf: whatIf, metrics: metrics) }
        return
      }
      let pieces = (0..<pieceCount).map { count * $0 / pieceCount..<count * ($0 + 1) / pieceCount }
      // Each piece writes only its own key results' places; nil stands for `alongside`.
      let done = ParallelWork.map([nil] + pieces.map(Optional.some)) { piece -> Alongside? in
        guard let piece else { return alongside() }
        for index in piece { read(KeyResultID(index), into: places, asOf: asOf, whatIf: whatIf, metrics: metrics) }
        return nil
      }
      result = done[0]
    }
    return result!
  }

  /// Where key results' readings go: each one's value, own progress, and whether it has none.
  private struct KeyResultPlaces: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Double>
    let progresses: UnsafeMutableBufferPointer<Double>
    let derived: UnsafeMutableBufferPointer<Bool>
  }

  /// Calls `body` with the places that key results' readings go to in an evaluation.
  private static func withKeyResultPlaces(
    _ values: inout OptionalDoubles, _ progresses: inout [Double], _ derived: inout [Bool],
    _ body: (KeyResultPlaces) -> Void
  ) {
    values.withStorage { values in
      progresses.withUnsafeMutableBufferPointer { progresses in
        derived.withUnsafeMutableBufferPointer { derived in
          body(KeyResultPlaces(values: values, progresses: progresses, derived: derived))
        }
      }
    }
  }

  /// Reads key result `id` as of `asOf` and stores the reading in `places`.
  private func read(
    _ id: KeyResultID, into places: KeyResultPlaces, asOf: Day, whatIf: WhatIf, metrics: (any MetricProvider)?
  ) {
    let reading = reading(of: id, asOf: asOf, whatIf: whatIf, metrics: metrics)
    let index = Int(id.index)
    places.values[index] = OptionalDoubles.encode(reading.value)
    places.progresses[index] = reading.progress ?? 0
    places.derived[index] = reading.progress == nil
  }

  /// What a key result's own data says as of a date.
  struct KeyResultReading {
    var value: Double?
    /// The key result's own progress; nil when it has no measure (its supporters decide).
    var progress: Double?
  }

  /// A key result's value and own progress as of `asOf`.
  func reading(of id: KeyResultID, asOf: Day, whatIf: WhatIf, metrics: (any MetricProvider)?) -> KeyResultReading {
    // The record's fields are read in place: a copy of it would count its id and extras in and
    // out, which was a third of the work of reading a key result.
    let latest = plan.latestCheckin(among: plan[id].checkins, onOrBefore: asOf)
    var reading = KeyResultReading(value: latest?.value, progress: nil)
    switch plan[id].measureValues {
    case .metric(let from, let to, let current):
      if reading.value == nil { reading.value = current }
      if let source = plan[id].source, let metrics,
        let hosted = metrics.value(forSource: source, keyResult: plan.qualifiedName(id), asOf: asOf), hosted.isFinite
      {
        reading.value = hosted
      }
      if let changed = whatIf.keyResultValues[id] { reading.value = changed }
      reading.progress = reading.value.map { PlanEvaluator.metricProgress($0, from: from, to: to) } ?? 0
    case .milestone(let isDone, let doneOn):
      let done = whatIf.milestonesDone[id] ?? (isDone && (doneOn.map { $0 <= asOf } ?? true))
      reading.progress = done ? 1 : 0
    case .manual(let fraction):
      reading.progress = PlanEvaluator.unit(fraction)
    case .none:
      break
    }
    if let changed = whatIf.keyResultProgress[id] { reading.progress = PlanEvaluator.unit(changed) }
    return reading
  }

  // MARK: - Arithmetic

  /// A key result's weight as its objective's mean counts it: the what-if's, else the plan's; 0
  /// unless positive and finite.
  static func weight(of id: KeyResultID, in plan: Plan, whatIf: WhatIf) -> Double {
    countable(whatIf.keyResultWeights[id] ?? plan[id].weight)
  }

  /// The progress override in effect for `id`: the what-if's, else the plan's, clamped to 0…1.
  @inline(__always)
  static func override(of id: ObjectiveID, in plan: Plan, whatIf: WhatIf) -> Double? {
    if let change = whatIf.objectiveOverrides[id] { return change.map(unit) }
    return plan[id].progressOverride.map(unit)
  }

  /// `clamp((value − from) / (to − from), 0, 1)`; 0 for an empty range.
  static func metricProgress(_ value: Double, from: Double, to: Double) -> Double {
    guard to != from else { return 0 }
    return unit((value - from) / (to - from))
  }

  /// `value` clamped to 0…1; 0 for NaN.
  static func unit(_ value: Double) -> Double {
    value.isNaN ? 0 : min(max(value, 0), 1)
  }

  /// A weight as it counts in a mean: 0 unless positive and finite.
  static func countable(_ weight: Double) -> Double {
    weight.isFinite && weight > 0 ? weight : 0
  }
}

extension Plan {
  /// The last of a key result's check-ins (`written`) dated on or before `day` (the last
  /// written of equal dates), by binary search.
  func latestCheckin(among written: Range<Int32>, onOrBefore day: Day) -> CheckinRecord? {
    var low = Int(written.lowerBound)
    var high = Int(written.upperBound)
    while low < high {
      let middle = (low + high) / 2
      if checkins[middle].date <= day { low = middle + 1 } else { high = middle }
    }
    return low > Int(written.lowerBound) ? checkins[low - 1] : nil
  }
}

/// One objective's step of the roll-up: its key results' progress and status, then its own,
/// from the key results' readings and the progress of the objectives linked to it.
private struct RollUpStep: Sendable {
  let plan: Plan
  let whatIf: WhatIf
  let asOf: Day
  let isDerived: [Bool]
  let linkWeight: [Double]

  /// Where the roll-up writes: progress and status per objective and per key result.
  struct Nodes: @unchecked Sendable {
    let objectiveProgress: UnsafeMutableBufferPointer<Double>
    let objectiveStatus: UnsafeMutableBufferPointer<ProgressStatus>
    let keyResultProgress: UnsafeMutableBufferPointer<Double>
    let keyResultStatus: UnsafeMutableBufferPointer<ProgressStatus>
  }

  /// Whether nothing is linked to the objective or to one of its key results: its progress
  /// reads no other objective's.
  func readsNoChildren(_ id: ObjectiveID) -> Bool {
    guard !plan.hasChildLinks(of: id) else { return false }
    for keyResult in plan[id].keyResults where plan.hasChildLinks(of: KeyResultID(keyResult)) { return false }
    return true
  }

  /// Rolls up the objective `id` into `nodes`; `position` is where `asOf` falls in the cycle of
  /// the objective before (neighbouring objectives mostly share a cycle), and then in this one's.
  func rollUp(_ id: ObjectiveID, into nodes: Nodes, position: inout CyclePosition) {
    // The cycle's days as its shared terms keep them: neither the assignment nor its dates are
    // made anew for each objective.
    let days = plan[id].cycleDays
    if days != position.days { position = CyclePosition(days: days, asOf: asOf) }
    let policy = plan.policy
    var sum = 0.0
    var total = 0.0
    for keyResultIndex in plan[id].keyResults {
      let keyResultID = KeyResultID(keyResultIndex)
      let index = Int(keyResultIndex)
      let progress =
        isDerived[index]
        ? mean(of: plan.childLinkPositions(of: keyResultID), in: plan.krChildLinkList, nodes)
        : nodes.keyResultProgress[index]
      nodes.keyResultProgress[index] = progress
      nodes.keyResultStatus[index] = position.status(of: progress, policy: policy)
      let weight = PlanEvaluator.weight(of: keyResultID, in: plan, whatIf: whatIf)
      sum += weight * progress
      total += weight
    }
    // Links are read by position: a slice of the plan's list would take a reference to it and
    // give it back, on every core at once.
    for position in plan.childLinkPositions(of: id) {
      let linkID = plan.childLinkList[position]
      let weight = linkWeight[Int(linkID.index)]
      sum += weight * nodes.objectiveProgress[Int(plan[linkID].child.index)]
      total += weight
    }
    let override = PlanEvaluator.override(of: id, in: plan, whatIf: whatIf)
    let progress = override ?? (total > 0 ? PlanEvaluator.unit(sum / total) : 0)
    nodes.objectiveProgress[Int(id.index)] = progress
    nodes.objectiveStatus[Int(id.index)] = position.status(of: progress, policy: policy)
  }

  /// The weighted mean of the children of the links at `positions` of `list`; 0 with no weight.
  private func mean(of positions: Range<Int>, in list: [LinkID], _ nodes: Nodes) -> Double {
    var sum = 0.0
    var total = 0.0
    for position in positions {
      let linkID = list[position]
      let weight = linkWeight[Int(linkID.index)]
      sum += weight * nodes.objectiveProgress[Int(plan[linkID].child.index)]
      total += weight
    }
    return total > 0 ? PlanEvaluator.unit(sum / total) : 0
  }
}

/// The order of a whole plan's roll-up, worked out the first time an evaluator needs it: an
/// evaluator made only to answer about some objectives (``PlanEvaluator/evaluate(_:asOf:whatIf:metrics:)``)
/// never does.
private final class OrderOnceNeeded: Sendable {
  private let order = Mutex<EvaluationOrder?>(nil)

  func order(of plan: Plan) -> EvaluationOrder {
    order.withLock { order in
      if let order { return order }
      let made = EvaluationOrder(plan)
      order = made
      return made
    }
  }
}

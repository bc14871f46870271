/// An objective or a key result: the nodes whose progress the interpreter computes.
public enum AlignmentNode: Hashable, Sendable {
  /// An objective, e.g. `acme.csat`.
  case objective(ObjectiveID)
  /// A key result, e.g. `acme.csat.nps`.
  case keyResult(KeyResultID)
}

/// A plan's progress, expected progress and status as of one date (LANGUAGE.md §4). Made by
/// ``PlanEvaluator/evaluate(asOf:whatIf:metrics:)``.
///
/// Progress and status are kept in flat arrays indexed like the plan's own, with each key
/// result's value and each link's weight as the means counted it (after the what-if overlay,
/// with loop links and non-positive weights counted as 0), so impact and history follow exactly
/// the same arithmetic. What the plan and the what-if decide alone (weights of key results,
/// overrides, expected progress, confidences) is worked out again from the plan when asked,
/// which leaves a million objectives' evaluation about 95 MB smaller. So an evaluation keeps
/// its plan: holding one after the plan is replaced keeps the old plan in memory too.
public struct Evaluation: Sendable {
  /// The date everything is evaluated as of.
  public let asOf: Day
  /// The what-if changes this evaluation includes.
  public let whatIf: WhatIf

  /// The plan evaluated: what follows from it and the what-if alone (an objective's expected
  /// progress and override, a key result's weight and confidence) is read from it when asked, not
  /// kept per node.
  let plan: Plan

  var objectiveProgress: [Double]
  var objectiveStatus: [ProgressStatus]

  var keyResultProgress: [Double]
  var keyResultValue: OptionalDoubles
  var keyResultStatus: [ProgressStatus]
  /// Whether a key result's progress is the mean of its supporters (it has no measure of its own).
  var keyResultIsDerived: [Bool]

  /// Each link's weight as counted: the what-if's or the plan's, 0 when not positive or on a loop.
  var linkWeight: [Double]

  init(plan: Plan, asOf: Day, whatIf: WhatIf) {
    self.plan = plan
    self.asOf = asOf
    self.whatIf = whatIf
    let (objectives, keyResults) = (plan.objectives.count, plan.keyResults.count)
    objectiveProgress = ParallelWork.array(repeating: 0, count: objectives)
    objectiveStatus = ParallelWork.array(repeating: .noCycle, count: objectives)
    keyResultProgress = ParallelWork.array(repeating: 0, count: keyResults)
    keyResultValue = OptionalDoubles(count: keyResults)
    keyResultStatus = ParallelWork.array(repeating: .noCycle, count: keyResults)
    keyResultIsDerived = ParallelWork.array(repeating: false, count: keyResults)
    linkWeight = ParallelWork.array(repeating: 0, count: plan.links.count)
  }

  // MARK: - Objectives

  /// An objective's progress, 0…1.
  public func progress(of id: ObjectiveID) -> Double { objectiveProgress[Int(id.index)] }

  /// The elapsed fraction of an objective's cycle; nil when it names no cycle.
  public func expected(of id: ObjectiveID) -> Double? {
    ProgressStatus.expectedProgress(of: plan[id].cycle?.period, asOf: asOf)
  }

  /// An objective's status.
  public func status(of id: ObjectiveID) -> ProgressStatus { objectiveStatus[Int(id.index)] }

  /// The progress override in effect for an objective (the plan's, or a what-if's).
  public func override(of id: ObjectiveID) -> Double? { PlanEvaluator.override(of: id, in: plan, whatIf: whatIf) }

  /// The total weight of an objective's key results and of the links to it, as its mean counts
  /// them (in the same order, so the sum is the same to the last bit).
  func itemWeight(of id: ObjectiveID) -> Double {
    var total = 0.0
    for keyResult in plan[id].keyResults { total += weight(of: KeyResultID(keyResult)) }
    for linkID in plan.childLinks(of: id) { total += linkWeight[Int(linkID.index)] }
    return total
  }

  // MARK: - Key results

  /// A key result's progress, 0…1.
  public func progress(of id: KeyResultID) -> Double { keyResultProgress[Int(id.index)] }

  /// A key result's value: the what-if's, the host's, the latest check-in on or before the as-of
  /// date, else `current` (metrics); the latest check-in for other measures; nil when none.
  public func value(of id: KeyResultID) -> Double? { keyResultValue[Int(id.index)] }

  /// The confidence of the latest check-in on or before the as-of date, if it gave one.
  public func confidence(of id: KeyResultID) -> Double? {
    plan.latestCheckin(among: plan[id].checkins, onOrBefore: asOf)?.confidence
  }

  /// A key result's status, measured against its objective's cycle.
  public func status(of id: KeyResultID) -> ProgressStatus { keyResultStatus[Int(id.index)] }

  /// A key result's weight as counted in its objective's mean.
  public func weight(of id: KeyResultID) -> Double { PlanEvaluator.weight(of: id, in: plan, whatIf: whatIf) }

  /// Whether a key result's progress comes from its supporters (it has no measure of its own).
  public func isSupporterDerived(_ id: KeyResultID) -> Bool { keyResultIsDerived[Int(id.index)] }

  /// The total weight of the links to a key result, as the mean of its supporters counts them.
  func supporterWeight(of id: KeyResultID) -> Double {
    var total = 0.0
    for linkID in plan.childLinks(of: id) { total += linkWeight[Int(linkID.index)] }
    return total
  }

  // MARK: - Nodes and links

  /// The progress of an objective or a key result.
  public func progress(of node: AlignmentNode) -> Double {
    switch node {
    case .objective(let id): progress(of: id)
    case .keyResult(let id): progress(of: id)
    }
  }

  /// A link's weight as counted: 0 for a loop link or a non-positive weight.
  public func weight(of id: LinkID) -> Double { linkWeight[Int(id.index)] }
}

/// Numbers that may be missing, one per node, kept as plain `Double`s: half the memory of
/// `[Double?]` (a plan may have millions of key results). One NaN, with a payload of its own,
/// stands for nil; every other value, other NaNs included, is kept as it is.
struct OptionalDoubles: Sendable {
  private var storage: [Double]
  /// What stands for nil: a quiet NaN no arithmetic makes (its payload spells `OKR`).
  private static let none = Double(bitPattern: 0x7FF8_0000_004F_4B52)

  /// `count` missing numbers.
  init(count: Int) { storage = ParallelWork.array(repeating: Self.none, count: count) }

  subscript(index: Int) -> Double? {
    get { Self.decode(storage[index]) }
    set { storage[index] = Self.encode(newValue) }
  }

  /// How `value` is stored.
  static func encode(_ value: Double?) -> Double { value ?? none }

  /// The number stored as `stored`, nil for none.
  static func decode(_ stored: Double) -> Double? { stored.bitPattern == none.bitPattern ? nil : stored }

  /// Calls `body` with the stored numbers (see ``encode(_:)``), to write many at once.
  mutating func withStorage<Result>(_ body: (inout UnsafeMutableBufferPointer<Double>) -> Result) -> Result {
    storage.withUnsafeMutableBufferPointer(body)
  }
}

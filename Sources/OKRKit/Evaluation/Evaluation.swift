/// An objective or a key result: the nodes whose progress the interpreter computes.
public enum AlignmentNode: Hashable, Sendable {
  /// An objective, e.g. `acme.csat`.
  case objective(ObjectiveID)
  /// A key result, e.g. `acme.csat.nps`.
  case keyResult(KeyResultID)
}

/// A plan's progress, expected progress and status as of one date (LANGUAGE.md §4), in flat
/// arrays indexed like the plan's own. Made by ``PlanEvaluator/evaluate(asOf:whatIf:metrics:)``.
///
/// Besides the answers it keeps the effective weights the means were taken with (after the
/// what-if overlay, with loop links and non-positive weights counted as 0), so impact and
/// history follow exactly the same arithmetic.
public struct Evaluation: Sendable {
  /// The date everything is evaluated as of.
  public let asOf: Day
  /// The what-if changes this evaluation includes.
  public let whatIf: WhatIf

  var objectiveProgress: [Double]
  var objectiveExpected: OptionalDoubles
  var objectiveStatus: [ProgressStatus]
  /// The override in effect (the plan's or the what-if's), per objective.
  var objectiveOverride: OptionalDoubles
  /// The total weight of an objective's key results and supporting links.
  var objectiveItemWeight: [Double]

  var keyResultProgress: [Double]
  var keyResultValue: OptionalDoubles
  var keyResultConfidence: OptionalDoubles
  var keyResultStatus: [ProgressStatus]
  var keyResultWeight: [Double]
  /// Whether a key result's progress is the mean of its supporters (it has no measure of its own).
  var keyResultIsDerived: [Bool]
  /// The total weight of a supporter-derived key result's supporting links.
  var keyResultSupporterWeight: [Double]

  /// Each link's weight as counted: the what-if's or the plan's, 0 when not positive or on a loop.
  var linkWeight: [Double]

  init(asOf: Day, whatIf: WhatIf, objectives: Int, keyResults: Int, links: Int) {
    self.asOf = asOf
    self.whatIf = whatIf
    objectiveProgress = Array(repeating: 0, count: objectives)
    objectiveExpected = OptionalDoubles(count: objectives)
    objectiveStatus = Array(repeating: .noCycle, count: objectives)
    objectiveOverride = OptionalDoubles(count: objectives)
    objectiveItemWeight = Array(repeating: 0, count: objectives)
    keyResultProgress = Array(repeating: 0, count: keyResults)
    keyResultValue = OptionalDoubles(count: keyResults)
    keyResultConfidence = OptionalDoubles(count: keyResults)
    keyResultStatus = Array(repeating: .noCycle, count: keyResults)
    keyResultWeight = Array(repeating: 0, count: keyResults)
    keyResultIsDerived = Array(repeating: false, count: keyResults)
    keyResultSupporterWeight = Array(repeating: 0, count: keyResults)
    linkWeight = Array(repeating: 0, count: links)
  }

  // MARK: - Objectives

  /// An objective's progress, 0…1.
  public func progress(of id: ObjectiveID) -> Double { objectiveProgress[Int(id.index)] }

  /// The elapsed fraction of an objective's cycle; nil when it names no cycle.
  public func expected(of id: ObjectiveID) -> Double? { objectiveExpected[Int(id.index)] }

  /// An objective's status.
  public func status(of id: ObjectiveID) -> ProgressStatus { objectiveStatus[Int(id.index)] }

  /// The progress override in effect for an objective (the plan's, or a what-if's).
  public func override(of id: ObjectiveID) -> Double? { objectiveOverride[Int(id.index)] }

  // MARK: - Key results

  /// A key result's progress, 0…1.
  public func progress(of id: KeyResultID) -> Double { keyResultProgress[Int(id.index)] }

  /// A key result's value: the what-if's, the host's, the latest check-in on or before the as-of
  /// date, else `current` (metrics); the latest check-in for other measures; nil when none.
  public func value(of id: KeyResultID) -> Double? { keyResultValue[Int(id.index)] }

  /// The confidence of the latest check-in on or before the as-of date, if it gave one.
  public func confidence(of id: KeyResultID) -> Double? { keyResultConfidence[Int(id.index)] }

  /// A key result's status, measured against its objective's cycle.
  public func status(of id: KeyResultID) -> ProgressStatus { keyResultStatus[Int(id.index)] }

  /// A key result's weight as counted in its objective's mean.
  public func weight(of id: KeyResultID) -> Double { keyResultWeight[Int(id.index)] }

  /// Whether a key result's progress comes from its supporters (it has no measure of its own).
  public func isSupporterDerived(_ id: KeyResultID) -> Bool { keyResultIsDerived[Int(id.index)] }

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
  init(count: Int) { storage = Array(repeating: Self.none, count: count) }

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

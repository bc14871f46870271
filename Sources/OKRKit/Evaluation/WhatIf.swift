/// Changes laid over a plan for a "what if" evaluation, without touching the ``Plan``.
///
/// The query language's `set REF FIELD VALUE` adds a change and `reset` clears them all.
/// Every change applies to every date the plan is evaluated at (including each point of a history).
public struct WhatIf: Sendable, Equatable {
  /// A key result's latest value: wins over check-ins, `current` and host values (metrics only).
  public var keyResultValues: [KeyResultID: Double] = [:]
  /// A key result's progress (0…1), whatever its measure; its supporters then stop counting, as
  /// for any key result with its own measure.
  public var keyResultProgress: [KeyResultID: Double] = [:]
  /// Whether a milestone is done (as of every date).
  public var milestonesDone: [KeyResultID: Bool] = [:]
  /// A key result's weight in its objective.
  public var keyResultWeights: [KeyResultID: Double] = [:]
  /// An objective's progress override; `.some(nil)` removes the plan's own override.
  public var objectiveOverrides: [ObjectiveID: Double?] = [:]
  /// A link's weight.
  public var linkWeights: [LinkID: Double] = [:]

  /// No changes: the plan evaluates as written.
  public init() {}

  /// The number of changes in effect.
  public var count: Int {
    keyResultValues.count + keyResultProgress.count + milestonesDone.count + keyResultWeights.count
      + objectiveOverrides.count + linkWeights.count
  }

  /// True when nothing is changed.
  public var isEmpty: Bool { count == 0 }
}

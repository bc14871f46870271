/// Progress and status of a plan's objectives as of one date: all that ``PlanDiff`` needs from
/// an evaluator to report the effect of a change.
public protocol ProgressSource {
  /// A status whose raw value is its name: `upcoming`, `on-track`, `at-risk`, `off-track`, …
  associatedtype Status: RawRepresentable where Status.RawValue == String
  /// The objective's progress, 0…1.
  func progress(of objective: ObjectiveID) -> Double
  /// The objective's status.
  func status(of objective: ObjectiveID) -> Status
}

extension ProgressSource {
  /// The objective's status by name, as the diff shows it.
  func statusName(of objective: ObjectiveID) -> String { status(of: objective).rawValue }
}

/// The evaluations of the old and the new plan to compare, both as of the same date.
public struct ProgressComparison {
  /// The date both plans are evaluated as of.
  public var asOf: Day
  /// Evaluates the old plan.
  public var before: any ProgressSource
  /// Evaluates the new plan.
  public var after: any ProgressSource

  /// A comparison of `before` (the old plan's evaluation) with `after` (the new plan's), both as of `asOf`.
  public init(asOf: Day, before: any ProgressSource, after: any ProgressSource) {
    self.asOf = asOf
    self.before = before
    self.after = after
  }
}

/// Evaluations are what the diff compares by default.
extension Evaluation: ProgressSource {}

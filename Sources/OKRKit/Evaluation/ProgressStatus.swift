/// Where an objective stands against its cycle (LANGUAGE.md §4).
public enum ProgressStatus: String, Sendable, CaseIterable, Comparable {
  /// The cycle has not started.
  case upcoming
  /// Progress is at least the policy's on-track ratio (default 0.8) of the expected progress.
  case onTrack = "on-track"
  /// Progress is at least the policy's at-risk ratio (default 0.5) of the expected progress.
  case atRisk = "at-risk"
  /// Progress is below the at-risk ratio of the expected progress.
  case offTrack = "off-track"
  /// The cycle is over and progress reached 1.
  case achieved
  /// The cycle is over and progress stayed below 1.
  case missed
  /// The objective names no cycle, so nothing is expected of it by any date.
  case noCycle = "no-cycle"

  /// Statuses sort from the most to the least worrying, so `sort status` puts problems first.
  /// Also a small number for each status (0 to 6), to count statuses by.
  var rank: Int {
    switch self {
    case .missed: 0
    case .offTrack: 1
    case .atRisk: 2
    case .onTrack: 3
    case .achieved: 4
    case .upcoming: 5
    case .noCycle: 6
    }
  }

  /// Orders from the most to the least worrying: `missed` first, `no-cycle` last.
  public static func < (lhs: ProgressStatus, rhs: ProgressStatus) -> Bool { lhs.rank < rhs.rank }

  /// Progress this close to 1 counts as achieved (sums of weighted means are not exact).
  static let achievedTolerance = 1e-9

  /// The elapsed fraction of `cycle` as of `asOf`, in whole days: 0 on the first day,
  /// 1 from the day after the last; nil without a cycle.
  public static func expectedProgress(of cycle: Period?, asOf: Day) -> Double? {
    guard let cycle else { return nil }
    return elapsedFraction(from: cycle.first, to: cycle.last, asOf: asOf)
  }

  /// The elapsed fraction of the days from `first` to `last` as of `asOf`, clamped to 0…1.
  static func elapsedFraction(from first: Day, to last: Day, asOf: Day) -> Double {
    min(max(Double(first.days(to: asOf)) / Double(first.days(to: last) + 1), 0), 1)
  }

  /// The status of `progress` in `cycle` as of `asOf` under `policy`'s thresholds.
  public static func of(progress: Double, cycle: Period?, asOf: Day, policy: Policy) -> ProgressStatus {
    CyclePosition(cycle, asOf: asOf).status(of: progress, policy: policy)
  }
}

/// Where a date falls in a cycle, worked out once for all the objectives and key results of
/// the cycle, from the cycle's first and last day.
struct CyclePosition {
  /// The cycle's first and last day, when there is a cycle.
  let days: CycleDays?
  private let phase: Phase

  private enum Phase {
    case noCycle, before, after
    /// The cycle is under way; the elapsed fraction.
    case during(expected: Double)
  }

  init(_ cycle: Period?, asOf: Day) {
    self.init(days: cycle.map { CycleDays(first: $0.first, last: $0.last) }, asOf: asOf)
  }

  /// The position in the cycle of `days` (as ``Objective/cycleDays`` reads them: no date
  /// arithmetic).
  init(days: CycleDays?, asOf: Day) {
    self.days = days
    guard let days else {
      phase = .noCycle
      return
    }
    if asOf < days.first {
      phase = .before
    } else if asOf > days.last {
      phase = .after
    } else {
      phase = .during(expected: ProgressStatus.elapsedFraction(from: days.first, to: days.last, asOf: asOf))
    }
  }

  /// The status of `progress` under `policy`'s thresholds.
  func status(of progress: Double, policy: Policy) -> ProgressStatus {
    switch phase {
    case .noCycle: return .noCycle
    case .before: return .upcoming
    case .after: return progress >= 1 - ProgressStatus.achievedTolerance ? .achieved : .missed
    case .during(let expected):
      if progress >= policy.onTrackRatio * expected - ProgressStatus.achievedTolerance { return .onTrack }
      if progress >= policy.atRiskRatio * expected - ProgressStatus.achievedTolerance { return .atRisk }
      return .offTrack
    }
  }
}

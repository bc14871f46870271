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
  private var rank: Int {
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
    let elapsed = Double(cycle.first.days(to: asOf))
    return min(max(elapsed / Double(cycle.dayCount), 0), 1)
  }

  /// The status of `progress` in `cycle` as of `asOf` under `policy`'s thresholds.
  public static func of(progress: Double, cycle: Period?, asOf: Day, policy: Policy) -> ProgressStatus {
    guard let cycle else { return .noCycle }
    if asOf < cycle.first { return .upcoming }
    if asOf > cycle.last {
      return progress >= 1 - achievedTolerance ? .achieved : .missed
    }
    let expected = expectedProgress(of: cycle, asOf: asOf) ?? 0
    if progress >= policy.onTrackRatio * expected - achievedTolerance { return .onTrack }
    if progress >= policy.atRiskRatio * expected - achievedTolerance { return .atRisk }
    return .offTrack
  }
}

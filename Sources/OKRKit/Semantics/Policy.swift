/// The organisation's linking rules (LANGUAGE.md §6), with the defaults of §5.
public struct Policy: Sendable {
  /// The most parents an objective may have.
  public var maxParents = 2
  /// Child → parent level pairs allowed beyond (or denied from) the default matrix.
  public var levelOverrides: [LevelPair: Bool] = [:]
  /// The most objectives one owner may have in one cycle, per level.
  public var objectivesPerOwner: [Level: Int] = [.company: 5, .unit: 4, .team: 4, .person: 4]
  /// Progress ÷ expected at or above which an objective is `on-track`.
  public var onTrackRatio = 0.8
  /// Progress ÷ expected at or above which an objective is `at-risk` (below: `off-track`).
  public var atRiskRatio = 0.5
  /// Severities set by `rule NAME …`; nil turns a rule off.
  public var severities: [Rule: Severity?] = [:]
  /// Where the policy block is, when the plan has one.
  public var location: SourceLocation?

  public init() {}

  /// A child level and a parent level.
  public struct LevelPair: Hashable, Sendable {
    public var child: Level
    public var parent: Level
    public init(_ child: Level, _ parent: Level) {
      self.child = child
      self.parent = parent
    }
  }

  /// Whether the default matrix allows a child at `child` level to support a parent at `parent` level.
  /// (Company children are handled by `company-top-level`.)
  public static func defaultAllows(child: Level, parent: Level) -> Bool {
    switch child {
    case .company: parent == .company
    case .unit: parent == .company || parent == .unit
    case .team, .person: true
    }
  }

  /// Whether the policy allows the pair.
  public func allows(child: Level, parent: Level) -> Bool {
    levelOverrides[LevelPair(child, parent)] ?? Policy.defaultAllows(child: child, parent: parent)
  }

  /// The severity a diagnostic of `rule` gets under this policy; nil when the rule is off.
  public func severity(of rule: Rule) -> Severity? {
    if let setting = severities[rule] { return setting }
    return rule.defaultSeverity
  }
}

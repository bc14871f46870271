/// The four levels of entities that own objectives, highest first.
public enum Level: String, CaseIterable, Sendable, Comparable, Codable {
  case company, unit, team, person

  /// 0 for `company` … 3 for `person`.
  public var depth: Int {
    switch self {
    case .company: 0
    case .unit: 1
    case .team: 2
    case .person: 3
    }
  }

  public static func < (lhs: Level, rhs: Level) -> Bool { lhs.depth < rhs.depth }
}

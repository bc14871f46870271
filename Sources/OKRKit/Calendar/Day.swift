/// A calendar day (proleptic Gregorian), stored as days since 1970-01-01.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public var ordinal: Int32

  /// The day `ordinal` days after 1970-01-01.
  public init(ordinal: Int32) { self.ordinal = ordinal }

  /// The day for a year, month and day of month, or nil if it does not exist (e.g. 2026-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysInMonth(year: year, month: month)).contains(day)
    else { return nil }
    // Days from the civil calendar, counting years from March so leap days come last.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    ordinal = Int32(era * 146_097 + dayOfEra - 719_468)
  }

  /// Parses `YYYY-MM-DD`; nil when malformed or impossible.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The year, month and day of month.
  public var components: (year: Int, month: Int, day: Int) {
    let z = Int(ordinal) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// `YYYY-MM-DD`, the year padded to four digits so the text parses back.
  public var description: String {
    let (year, month, day) = components
    return "\(Day.fourDigits(year))-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
  }

  /// `year` written with at least four digits (`0999`), as the plan language requires.
  static func fourDigits(_ year: Int) -> String {
    let digits = String(year)
    return digits.count < 4 && year >= 0 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
  }

  /// The day `count` days later.
  public func adding(days count: Int) -> Day { Day(ordinal: ordinal + Int32(count)) }

  /// Whole days from `self` to `other`.
  public func days(to other: Day) -> Int { Int(other.ordinal) - Int(ordinal) }

  /// Whether `lhs` comes before `rhs`.
  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

/// A period of time an objective belongs to: a year, quarter, half, month or custom range.
public enum Period: Hashable, Sendable, CustomStringConvertible {
  /// A calendar year: `2026`.
  case year(Int)
  /// A year's quarter, 1…4: `2026-Q1`.
  case quarter(Int, Int)
  /// A year's half, 1…2: `2026-H2`.
  case half(Int, Int)
  /// A year's month, 1…12: `2026-03`.
  case month(Int, Int)
  /// A custom range from its first to its last day, both included: `2026-01-05..2026-03-27`.
  case range(Day, Day)

  /// The first day of the period.
  public var first: Day {
    switch self {
    case .year(let y): Day(year: y, month: 1, day: 1)!
    case .quarter(let y, let q): Day(year: y, month: (q - 1) * 3 + 1, day: 1)!
    case .half(let y, let h): Day(year: y, month: (h - 1) * 6 + 1, day: 1)!
    case .month(let y, let m): Day(year: y, month: m, day: 1)!
    case .range(let from, _): from
    }
  }

  /// The last day of the period (inclusive).
  public var last: Day {
    switch self {
    case .year(let y): Day(year: y, month: 12, day: 31)!
    case .quarter(let y, let q): Day(year: y, month: q * 3, day: Day.daysInMonth(year: y, month: q * 3))!
    case .half(let y, let h): Day(year: y, month: h * 6, day: Day.daysInMonth(year: y, month: h * 6))!
    case .month(let y, let m): Day(year: y, month: m, day: Day.daysInMonth(year: y, month: m))!
    case .range(_, let to): to
    }
  }

  /// The number of days in the period.
  public var dayCount: Int { first.days(to: last) + 1 }

  /// The length used to compare periods (LANGUAGE.md §5 `period-too-long`):
  /// month 31, quarter 92, half 184, year 366 days; a custom range its day count.
  public var nominalLength: Int {
    switch self {
    case .year: 366
    case .half: 184
    case .quarter: 92
    case .month: 31
    case .range: dayCount
    }
  }

  /// Whether `day` falls within the period.
  public func contains(_ day: Day) -> Bool { first <= day && day <= last }

  /// The period as written in a plan: `2026`, `2026-Q1`, `2026-H2`, `2026-03`, `2026-01-05..2026-03-27`.
  public var description: String {
    switch self {
    case .year(let y): Day.fourDigits(y)
    case .quarter(let y, let q): "\(Day.fourDigits(y))-Q\(q)"
    case .half(let y, let h): "\(Day.fourDigits(y))-H\(h)"
    case .month(let y, let m): "\(Day.fourDigits(y))-\(m < 10 ? "0" : "")\(m)"
    case .range(let from, let to): "\(from)..\(to)"
    }
  }

  /// Parses a period literal (not a cycle name); nil when malformed or impossible.
  public init?(_ text: String) {
    if text.contains(".") {
      let ends = text.split(separator: ".", omittingEmptySubsequences: true)
      guard ends.count == 2, text.count == ends[0].count + ends[1].count + 2,
        let from = Day(String(ends[0])), let to = Day(String(ends[1])), from <= to
      else { return nil }
      self = .range(from, to)
      return
    }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts[0].count == 4, let year = Int(parts[0]), (1...9999).contains(year) else { return nil }
    if parts.count == 1 {
      self = .year(year)
      return
    }
    guard parts.count == 2 else { return nil }
    let rest = parts[1]
    if rest.count == 2, let first = rest.first, first == "Q" || first == "H",
      let n = Int(rest.dropFirst())
    {
      if first == "Q", (1...4).contains(n) {
        self = .quarter(year, n)
        return
      }
      if first == "H", (1...2).contains(n) {
        self = .half(year, n)
        return
      }
      return nil
    }
    guard rest.count == 2, let month = Int(rest), (1...12).contains(month) else { return nil }
    self = .month(year, month)
  }
}

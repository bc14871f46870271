/// The periods a generated plan uses: the year 2026, its halves and its quarters.
///
/// Days are counted from 2026-01-01 (day 0); 2026 is not a leap year.
enum Cycle: Int, CaseIterable {
  case year, firstHalf, secondHalf, q1, q2, q3, q4

  /// The quarter with index `index` (0 for Q1 … 3 for Q4).
  static func quarter(_ index: Int) -> Cycle {
    Cycle(rawValue: Cycle.q1.rawValue + index)!
  }

  /// How the plan spells the period.
  var spelling: StaticString {
    switch self {
    case .year: "2026"
    case .firstHalf: "2026-H1"
    case .secondHalf: "2026-H2"
    case .q1: "2026-Q1"
    case .q2: "2026-Q2"
    case .q3: "2026-Q3"
    case .q4: "2026-Q4"
    }
  }

  /// The first day of the period, in days since 2026-01-01.
  var firstDay: Int {
    switch self {
    case .year, .firstHalf, .q1: 0
    case .q2: 90
    case .secondHalf, .q3: 181
    case .q4: 273
    }
  }

  /// The number of days in the period.
  var dayCount: Int {
    switch self {
    case .year: 365
    case .firstHalf: 181
    case .secondHalf: 184
    case .q1: 90
    case .q2: 91
    case .q3, .q4: 92
    }
  }

  /// The period that `text` spells, or `nil` for anything else.
  static func spelled(by text: some Collection<UInt8>) -> Cycle? {
    allCases.first { cycle in cycle.spelling.withUTF8Buffer { text.elementsEqual($0) } }
  }

  /// Whether day `day` (since 2026-01-01) lies in the period.
  func contains(day: Int) -> Bool {
    day >= firstDay && day < firstDay + dayCount
  }

  /// The half that contains this quarter, or `nil` for a year or a half.
  var enclosingHalf: Cycle? {
    switch self {
    case .q1, .q2: .firstHalf
    case .q3, .q4: .secondHalf
    case .year, .firstHalf, .secondHalf: nil
    }
  }
}

/// The spelling `2026-MM-DD` of every day of 2026, and the way back.
struct Calendar2026 {
  /// Days in each month of 2026.
  private static let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

  /// 365 spellings of ten bytes each, back to back.
  private let spellings: [UInt8]

  init() {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(365 * 10)
    for (month, length) in Self.monthLengths.enumerated() {
      for day in 1...length {
        bytes.append(contentsOf: "2026-".utf8)
        Self.appendTwoDigits(month + 1, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendTwoDigits(day, to: &bytes)
      }
    }
    spellings = bytes
  }

  /// The spelling of day `day` (0 is 2026-01-01, 364 is 2026-12-31).
  func spelling(ofDay day: Int) -> ArraySlice<UInt8> {
    spellings[day * 10..<day * 10 + 10]
  }

  /// The day (since 2026-01-01) that `text` spells, or `nil` if it is not a date of 2026.
  static func day(spelledBy text: some Collection<UInt8>) -> Int? {
    let digits = Array(text)
    guard digits.count == 10, digits[0..<5].elementsEqual("2026-".utf8), digits[7] == UInt8(ascii: "-"),
      let month = twoDigits(digits[5], digits[6]), let day = twoDigits(digits[8], digits[9]),
      (1...12).contains(month), (1...monthLengths[month - 1]).contains(day)
    else { return nil }
    return monthLengths[0..<(month - 1)].reduce(0, +) + day - 1
  }

  private static func appendTwoDigits(_ value: Int, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "0") + UInt8(value / 10))
    bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
  }

  private static func twoDigits(_ tens: UInt8, _ ones: UInt8) -> Int? {
    let zero = UInt8(ascii: "0")
    guard (zero...zero + 9).contains(tens), (zero...zero + 9).contains(ones) else { return nil }
    return Int(tens - zero) * 10 + Int(ones - zero)
  }
}

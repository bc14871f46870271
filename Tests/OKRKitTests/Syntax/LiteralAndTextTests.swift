import Foundation
import Testing

@testable import OKRKit

@Suite struct DayTests {
  @Test func daysRoundTripThroughText() {
    for text in ["2026-02-15", "1970-01-01", "1969-12-31", "2000-02-29", "0001-01-01", "0999-12-31", "9999-12-31"] {
      #expect(Day(text)?.description == text)
    }
    // Every day of a leap-year span, by ordinal.
    let first = Day(year: 2023, month: 12, day: 25)!
    for offset in 0..<800 {
      let day = first.adding(days: offset)
      #expect(Day(day.description) == day)
    }
  }

  @Test func leapYearsFollowTheGregorianRules() {
    #expect(Day("2024-02-29") != nil)
    #expect(Day("2026-02-29") == nil)
    #expect(Day("2000-02-29") != nil)
    #expect(Day("1900-02-29") == nil)
    #expect(Day("2026-02-30") == nil)
    #expect(Day("2026-04-31") == nil)
    #expect(Day("2026-13-01") == nil)
    #expect(Day("2026-00-10") == nil)
    #expect(Day("0000-01-01") == nil)
  }

  @Test func malformedDatesAreRejected() {
    for text in ["2026-2-15", "26-02-15", "2026-02-15-01", "2026/02/15", "", "abcd-ef-gh", "2026-02-1x"] {
      #expect(Day(text) == nil, "\(text)")
    }
  }

  @Test func dayArithmetic() {
    let day = Day("2026-02-28")!
    #expect(day.adding(days: 1).description == "2026-03-01")
    #expect(Day("2024-02-28")!.adding(days: 1).description == "2024-02-29")
    #expect(Day("2026-01-01")!.days(to: Day("2027-01-01")!) == 365)
    #expect(Day("2024-01-01")!.days(to: Day("2025-01-01")!) == 366)
    #expect(Day("1970-01-01")!.ordinal == 0)
    #expect(Day("2026-01-01")! < Day("2026-01-02")!)
  }
}

@Suite struct PeriodTests {
  @Test func periodsKnowTheirFirstAndLastDays() {
    let cases: [(String, String, String, Int)] = [
      ("2026", "2026-01-01", "2026-12-31", 365),
      ("2024", "2024-01-01", "2024-12-31", 366),
      ("2026-Q1", "2026-01-01", "2026-03-31", 90),
      ("2024-Q1", "2024-01-01", "2024-03-31", 91),
      ("2026-Q4", "2026-10-01", "2026-12-31", 92),
      ("2026-H1", "2026-01-01", "2026-06-30", 181),
      ("2026-H2", "2026-07-01", "2026-12-31", 184),
      ("2026-02", "2026-02-01", "2026-02-28", 28),
      ("2024-02", "2024-02-01", "2024-02-29", 29),
      ("2026-01-05..2026-03-27", "2026-01-05", "2026-03-27", 82),
      ("2026-03-01..2026-03-01", "2026-03-01", "2026-03-01", 1),
    ]
    for (text, first, last, days) in cases {
      let period = Period(text)
      #expect(period?.first.description == first, "\(text)")
      #expect(period?.last.description == last, "\(text)")
      #expect(period?.dayCount == days, "\(text)")
      #expect(period?.description == text, "\(text)")
    }
  }

  @Test func nominalLengthsCompareKindsOfPeriod() {
    #expect(Period("2026-02")?.nominalLength == 31)
    #expect(Period("2026-Q1")?.nominalLength == 92)
    #expect(Period("2026-H1")?.nominalLength == 184)
    #expect(Period("2026")?.nominalLength == 366)
    #expect(Period("2025-07-01..2026-06-30")?.nominalLength == 365)
  }

  @Test func invalidPeriodsAreRejected() {
    for text in [
      "2026-Q9", "2026-Q0", "2026-Q", "2026-q1", "2026-H3", "2026-13", "2026-00", "2026-1", "26",
      "0000", "2026-03-02..2026-03-01", "2026-01-01...2026-02-01", "2026-01-01..", "..2026-01-01", "",
    ] {
      #expect(Period(text) == nil, "\(text)")
    }
  }

  @Test func periodsContainTheirDays() {
    let quarter = Period("2026-Q1")!
    #expect(quarter.contains(Day("2026-01-01")!))
    #expect(quarter.contains(Day("2026-03-31")!))
    #expect(!quarter.contains(Day("2026-04-01")!))
    #expect(!quarter.contains(Day("2025-12-31")!))
  }
}

@Suite struct LineTableTests {
  @Test func columnsCountCharactersNotBytes() {
    let table = LineTable(Array("aé販😀b\nx".utf8))
    // a(1) é(2 bytes) 販(3 bytes) 😀(4 bytes) b
    #expect(table.location(of: 0) == LineColumn(line: 1, column: 1))
    #expect(table.location(of: 1) == LineColumn(line: 1, column: 2))
    #expect(table.location(of: 3) == LineColumn(line: 1, column: 3))
    #expect(table.location(of: 6) == LineColumn(line: 1, column: 4))
    #expect(table.location(of: 10) == LineColumn(line: 1, column: 5))
    #expect(table.location(of: 11) == LineColumn(line: 1, column: 6))
    #expect(table.location(of: 12) == LineColumn(line: 2, column: 1))
  }

  @Test func anOffsetInsideACharacterBelongsToIt() {
    let table = LineTable(Array("a😀b".utf8))
    for offset in 1...4 { #expect(table.location(of: offset).column == 2) }
    #expect(table.location(of: 5).column == 3)
  }

  @Test func invalidSequencesCountAsOneReplacementCharacterEach() {
    // As `String(decoding:as:)` shows them: C3 alone, then E0 80 80 as three, then x.
    let bytes: [UInt8] = [0xC3, 0x20, 0xE0, 0x80, 0x80, UInt8(ascii: "x")]
    let shown = String(decoding: bytes, as: UTF8.self)
    #expect(Array(shown.unicodeScalars).count == 6)
    #expect(LineTable(bytes).location(of: 5).column == 6)
  }

  @Test func offsetsBeyondTheEndAreClamped() {
    let table = LineTable(Array("ab\n".utf8))
    #expect(table.location(of: 99) == LineColumn(line: 2, column: 1))
    #expect(table.location(of: -5) == LineColumn(line: 1, column: 1))
    #expect(LineTable([]).location(of: 0) == LineColumn(line: 1, column: 1))
  }

  @Test func lineRangesLeaveOutTheLineBreak() {
    let table = LineTable(Array("ab\r\ncd\n\nlast".utf8))
    #expect(table.lineRange(0) == 0..<2)
    #expect(table.lineRange(1) == 4..<6)
    #expect(table.lineRange(2) == 7..<7)
    #expect(table.lineRange(3) == 8..<12)
  }

  @Test func resumingFromAMarkGivesTheSameColumns() {
    let bytes = Array(String(repeating: "é}", count: 1000).utf8)
    let table = LineTable(bytes)
    var mark: LineTable.ColumnMark?
    for offset in stride(from: 0, to: bytes.count, by: 7) {
      #expect(table.location(of: offset, resumingAt: &mark) == table.location(of: offset))
    }
    // A mark after the offset is not used.
    #expect(table.location(of: 3, resumingAt: &mark) == LineColumn(line: 1, column: 3))
  }
}

@Suite struct OutputEscapingTests {
  @Test func jsonStringsEscapeEveryControlCharacter() throws {
    var text = ""
    for value in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
    text += "\u{7F}\u{85}\u{9F}\u{2028}\u{2029}\"\\é😀"
    let json = JSONValue.object([("text", .string(text))]).serialized(pretty: false)
    #expect(!json.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    #expect(json.contains("\\u0000"))
    #expect(json.contains("\\u001b"))
    #expect(json.contains("\\n"))
    #expect(json.contains("\\t"))
    #expect(json.contains("\\u2028"))
    let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
    #expect(decoded?["text"] == text)
  }

  @Test func jsonNumbersAndOrder() {
    let value = JSONValue.object([
      ("b", .int(3)), ("a", .number(0.25)), ("c", .number(1.0 / 3)), ("d", .number(.infinity)),
      ("e", .array([])), ("f", .object([])), ("g", .null), ("h", .bool(true)),
    ])
    #expect(
      value.serialized(pretty: false)
        == #"{"b":3,"a":0.25,"c":0.333333,"d":null,"e":[],"f":{},"g":null,"h":true}"#)
  }

  @Test func terminalTextShowsControlCharactersAsEscapes() {
    #expect(TerminalText.escaped("plain é 😀") == "plain é 😀")
    #expect(TerminalText.escaped("red \u{1B}[31m") == "red \\u{1B}[31m")
    #expect(TerminalText.escaped("a\nb\tc\u{7}") == "a\\u{A}b\\u{9}c\\u{7}")
    #expect(TerminalText.escaped("\u{7F}\u{9B}") == "\\u{7F}\\u{9B}")
  }

  @Test func renderedDiagnosticsCarryNoRawEscapes() {
    let plan = FrontEndFixtures.parse("team cs \"Evil \u{1B}]0;pwned\u{7}\" { bogus }\n")
    let text = FrontEndFixtures.renderedText(plan)
    #expect(text.contains("\\u{1B}]0;pwned\\u{7}"))
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
  }
}

import Foundation
import Testing

@testable import OKRKit

/// The lexer reads a plain number's value, and a date's year, month and day, as it skips their
/// digits (``Lexer/number(at:)``, ``Lexer/date(at:)``), and the parser takes them from there; these
/// tests hold them to what the general way (`Double(String)`, underscores dropped; `Day(String)`)
/// reads from the same text.
@Suite struct NumberValueTests {
  /// Number literals of every plain form and some that are not plain: underscores (well and badly
  /// placed), leading zeros, fractions, percentages, signs, 15 digits and more.
  static let literals: [String] = {
    var literals = [
      "0", "-0", "7", "007", "1_000", "1__0", "1_0.2_5", "12.5", "0.000000000000001", "15%", "99.99%", "-3",
      "-0.25", "123456789012345", "1234567890123456", "9007199254740993", "999999999999999.9", "0.1", "1.5_",
    ]
    // Seeded, so that a failure can be replayed.
    var generator = SeededGenerator(seed: 28)
    for _ in 0..<400 {
      var text = Bool.random(using: &generator) ? "-" : ""
      text += String(Int.random(in: 1...9, using: &generator))
      for _ in 0..<Int.random(in: 0...17, using: &generator) {
        text += Int.random(in: 0..<8, using: &generator) == 0 ? "_" : String(Int.random(in: 0...9, using: &generator))
      }
      if Bool.random(using: &generator) {
        text += "."
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
          text += String(Int.random(in: 0...9, using: &generator))
        }
      }
      if Int.random(in: 0..<4, using: &generator) == 0 { text += "%" }
      literals.append(text)
    }
    return literals
  }()

  /// `literal`'s value the general way: underscores dropped, then `Double(String)`.
  static func expected(_ literal: String) -> Double {
    Double(literal.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "%", with: "")) ?? 0
  }

  /// The first token of `text` and the lexer that read it.
  static func lexFirst(_ text: String, _ body: (Token, Lexer, PlainLiterals) -> Void) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      var lexer = Lexer(bytes: buffer, file: FileID(0))
      let token = lexer.next()
      body(token, lexer, PlainLiterals(bytes: buffer))
    }
  }

  @Test func theLexerReadsEveryPlainNumberAsTheParserWould() {
    for literal in Self.literals {
      Self.lexFirst(literal + "\n") { token, lexer, plain in
        #expect(token.kind == .number, "\(literal)")
        let read = plain.number(token.span)
        let lexed = lexer.number(at: token.span)
        // Every plain number is read while lexed; longer ones (over 15 digits) the general way.
        #expect(lexed?.value.bitPattern == read?.value.bitPattern, "\(literal)")
        #expect(lexed?.isPercent == read?.isPercent, "\(literal)")
        if let read { #expect(read.value.bitPattern == Self.expected(literal).bitPattern, "\(literal)") }
      }
    }
  }

  @Test func theLexerReadsEveryDateAsTheParserWould() {
    var dates = ["2026-02-28", "2024-02-29", "2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "0001-01-01"]
    dates += ["2026-1-05", "2026-01-5", "2026-001-05", "9999-12-31"]
    var generator = SeededGenerator(seed: 29)
    for _ in 0..<300 {
      let year = String(Int.random(in: 1000...9999, using: &generator))
      let month = String(format: "%02d", Int.random(in: 0...13, using: &generator))
      let day = String(format: "%02d", Int.random(in: 0...32, using: &generator))
      dates.append("\(year)-\(month)-\(day)")
    }
    for text in dates {
      Self.lexFirst(text + "\n") { token, lexer, plain in
        #expect(token.kind == .date, "\(text)")
        let lexed = lexer.date(at: token.span).flatMap { Day(year: $0.year, month: $0.month, day: $0.day) }
        // Every date of the usual form is read while lexed; any other the general way.
        #expect(lexed == plain.date(token.span), "\(text)")
        #expect((lexed ?? plain.date(token.span) ?? Day(text)) == Day(text), "\(text)")
      }
    }
  }

  @Test func onlyTheLastNumberLexedIsKept() {
    Self.lexFirst("12 34\n") { first, lexer, _ in
      var lexer = lexer
      let second = lexer.next()
      #expect(lexer.number(at: first.span) == nil)
      #expect(lexer.number(at: second.span)?.value == 34)
    }
    // Glued letters make a malformed literal, read by no one.
    Self.lexFirst("12abc\n") { token, lexer, _ in #expect(lexer.number(at: token.span) == nil) }
  }

  @Test func everyMeasureReadsAsDoubleReadsIt() {
    // Three numbers a key result, separated by words, and a weight right after the last one.
    let literals = Self.literals.filter { !$0.hasSuffix("%") }
    var lines = ["company acme \"Acme\" {", "  admin ann", "  objective grow \"Grow\" {"]
    for (index, literal) in literals.enumerated() {
      let target = literals[(index + 1) % literals.count]
      lines.append("    kr k\(index) \"K\" from \(literal) to \(target) current \(literal) weight 2")
    }
    lines += ["  }", "}", "person ann \"Ann\" in acme"]
    let plan = EvaluationFixture.plan(lines.joined(separator: "\n") + "\n")
    for (index, literal) in literals.enumerated() {
      guard case .metric(let from, let to, let current, _) = plan[plan.keyResultID("acme.grow.k\(index)")].measure
      else {
        Issue.record("k\(index) (\(literal)) is not a metric")
        continue
      }
      let target = literals[(index + 1) % literals.count]
      #expect(from.bitPattern == Self.expected(literal).bitPattern, "from \(literal)")
      #expect(to.bitPattern == Self.expected(target).bitPattern, "to \(target)")
      #expect(current?.bitPattern == Self.expected(literal).bitPattern, "current \(literal)")
    }
  }

  @Test func numbersInARowEachKeepTheirOwnValue() {
    // A check-in's value right after its date, and its confidence: one number token lexed while
    // the parser still reads the one before.
    let plan = EvaluationFixture.plan(
      """
      company acme "Acme" {
        admin ann
        objective grow "Grow" {
          kr k "K" from 0 to 100 {
            checkin 2026-02-01 12.5 confidence 0.25
            checkin 2026-03-01 1_000 confidence 70%
          }
        }
      }
      person ann "Ann" in acme

      """)
    let checkins = plan.checkins.map(\.value)
    #expect(checkins == [12.5, 1000])
    #expect(plan.checkins.map(\.confidence) == [0.25, 0.7])
  }
}

import Testing

@testable import OKRKit

/// Any input at all parses in bounded time without trapping, and every diagnostic points
/// inside the file. Seeded, so a failure reproduces.
@Suite struct ArbitraryInputTests {
  /// SplitMix64: small, fast and the same on every platform.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Words and punctuation of the plan language, plus near misses, to build plausible nonsense from.
  static let vocabulary = [
    "include", "cycle", "closed", "company", "unit", "team", "person", "in", "admin", "lead",
    "objective", "reuses", "owner", "supports", "weight", "accepted", "by", "on", "shared", "kr",
    "progress", "override", "tag", "note", "from", "to", "current", "checkin", "confidence",
    "milestone", "done", "source", "policy", "max-parents", "allow", "deny", "objectives-per-owner",
    "status", "at-risk", "off-track", "rule", "orphan", "error", "off", "acme", "cs", "csat",
    "acme.csat.nps", "a.b.c.d", "\"title\"", "\"unterminated", "\"esc \\q \\u{110000}\"", "\"\\",
    "42", "-3", "4.8", "1_000", "15%", "1__0", "12abc", "99999999999999999999999999", "2026",
    "2026-Q1", "2026-Q9", "2026-H2", "2026-03", "2026-13", "2026-02-15", "2026-02-30", "..", ".",
    ",", ";", ":", "{", "}", "{", "}", "(", ")", "->", "=", "!=", "<", "<=", ">", ">=", "@", "#c",
    "\n", "\n", "\n", "\r\n", "\t", "é", "販売", "😀", "\u{1B}[31m",
  ]

  static func randomBytes(_ generator: inout SeededGenerator) -> [UInt8] {
    let count = Int.random(in: 0...400, using: &generator)
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
  }

  static func tokenSoup(_ generator: inout SeededGenerator) -> [UInt8] {
    let count = Int.random(in: 0...120, using: &generator)
    var text = ""
    for _ in 0..<count {
      text += vocabulary.randomElement(using: &generator) ?? ""
      if Bool.random(using: &generator) { text += " " }
    }
    var bytes = Array(text.utf8)
    // Now and then a byte that is no UTF-8 at all.
    if !bytes.isEmpty, Int.random(in: 0..<4, using: &generator) == 0 {
      bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0x80...0xFF, using: &generator)
    }
    return bytes
  }

  /// Parses, renders every diagnostic as text and JSON, and checks the spans.
  static func expectWellBehaved(_ bytes: [UInt8], _ what: String) {
    let plan = FrontEndFixtures.parse(bytes)
    let size = UInt32(bytes.count)
    let outside = plan.diagnostics.filter {
      $0.location.span.start > $0.location.span.end || $0.location.span.end > size
    }
    #expect(outside.isEmpty, "\(what): diagnostics outside the file: \(outside.prefix(3).map(\.message))")
    // Text for the first diagnostics, as `okr check` shows them (each costs up to a screen line of work).
    let renderer = DiagnosticRenderer(sources: plan.sources, color: false)
    let text = plan.diagnostics.prefix(200).map(renderer.render).joined(separator: "\n")
    #expect(!text.contains("\u{1B}"), "\(what): rendered text carries a raw escape character")
    _ = FrontEndFixtures.renderedJSON(plan)
    let problems = SpanChecks.nestingProblems(plan.syntax[0], bytes: bytes)
    #expect(problems.isEmpty, "\(what): \(problems.prefix(3))")
  }

  @Test(.timeLimit(.minutes(1)))
  func randomBytesAndTokenSoupParse() {
    var generator = SeededGenerator(state: 20_260_215)
    for index in 0..<300 {
      let bytes = index % 2 == 0 ? Self.randomBytes(&generator) : Self.tokenSoup(&generator)
      Self.expectWellBehaved(bytes, "input \(index)")
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func pathologicalInputsParse() {
    let inputs: [(String, [UInt8])] = [
      ("100,000 opening braces", Array(repeating: UInt8(ascii: "{"), count: 100_000)),
      ("100,000 closing braces", Array(repeating: UInt8(ascii: "}"), count: 100_000)),
      ("100,000 quotes", Array(repeating: UInt8(ascii: "\""), count: 100_000)),
      ("100,000 team headers", Array(String(repeating: "team t {\n", count: 100_000).utf8)),
      ("a 1 MiB line", Array(("team cs \"" + String(repeating: "x", count: 1 << 20)).utf8)),
      (
        "100,000 dots",
        Array(("team t { objective o \"O\" { supports a" + String(repeating: ".a", count: 100_000)).utf8)
      ),
      ("100,000 commas", Array(("team t { lead a" + String(repeating: ",\n", count: 100_000)).utf8)),
      ("100,000 invalid bytes", Array(repeating: 0xFF, count: 100_000)),
      ("a lone continuation byte", [0x80]),
      ("a truncated sequence", [0xF0, 0x9F, 0x98]),
      ("only a byte-order mark", [0xEF, 0xBB, 0xBF]),
      ("NUL bytes", [0, 0, 0, UInt8(ascii: "\n"), 0]),
    ]
    for (what, bytes) in inputs { Self.expectWellBehaved(bytes, what) }
  }
}

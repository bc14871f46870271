import Testing

@testable import OKRKit

/// The lexer tests eight bytes of a string at once; that test must agree with the byte table.
/// Its loops over blanks, names and strings test where the bytes end only when the last byte could
/// continue them; either way they must find the same tokens.
@Suite struct ByteClassTests {
  static func bytewise(_ word: UInt64) -> Bool {
    (0..<8).allSatisfy { shift in
      ByteClass.table[Int(truncatingIfNeeded: word >> (8 * UInt64(shift)) & 0xFF)] & ByteClass.plainStringByte != 0
    }
  }

  @Test func eightBytesAtOnceAgreeWithTheTable() {
    // Every byte value in every position, among plain bytes.
    let plain = UInt64(0x6161_6161_6161_6161)
    for position in 0..<8 {
      for value in 0..<256 {
        let shift = UInt64(8 * position)
        let word = plain & ~(0xFF << shift) | UInt64(value) << shift
        #expect(ByteClass.arePlainStringBytes(word) == Self.bytewise(word), "byte \(value) at \(position)")
      }
    }
    // Random words, and words of bytes near the edges of the class.
    var generator = SystemRandomNumberGenerator()
    let edges: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xFF]
    for _ in 0..<20_000 {
      let random = UInt64.random(in: .min ... .max, using: &generator)
      var near: UInt64 = 0
      for position in 0..<8 { near |= UInt64(edges.randomElement(using: &generator)!) << UInt64(8 * position) }
      #expect(ByteClass.arePlainStringBytes(random) == Self.bytewise(random))
      #expect(ByteClass.arePlainStringBytes(near) == Self.bytewise(near))
    }
  }

  /// The tokens of `bytes`, with the lexer's problems.
  static func tokens(_ bytes: [UInt8]) -> (tokens: [Token], problems: [String]) {
    bytes.withUnsafeBufferPointer { buffer in
      var lexer = Lexer(bytes: buffer, file: FileID(0))
      var tokens: [Token] = []
      while true {
        let token = lexer.next()
        if token.kind == .endOfFile { break }
        tokens.append(token)
      }
      return (tokens, lexer.diagnostics.map(\.message))
    }
  }

  @Test func everyPrefixLexesAsItDoesFollowedByALineEnd() {
    let text = Array(
      "team a_b \"T \\\" x\" {\t# note é\n  objective o-1 \"Ö\" {\n    kr k1 \"plain text\" from 1_0 to 2.5% \r\n  }\n}"
        .utf8)
    for end in 0...text.count {
      let prefix = Array(text[..<end])
      let alone = Self.tokens(prefix)
      let ended = Self.tokens(prefix + [UInt8(ascii: "\n")])
      #expect(ended.tokens.last?.kind == .newline, "prefix of \(end) bytes")
      // A string left open ends at the line's end without its trailing blanks, and at the end
      // of the bytes with them (and another hint); it starts at the same place either way.
      if alone.problems.last == "unterminated string" {
        #expect(alone.tokens.dropLast() == ended.tokens.dropLast(2), "prefix of \(end) bytes")
        #expect(alone.tokens.last?.span.start == ended.tokens.dropLast().last?.span.start)
      } else {
        #expect(alone.tokens == ended.tokens.dropLast(), "prefix of \(end) bytes")
        #expect(alone.problems == ended.problems, "prefix of \(end) bytes")
      }
    }
  }
}

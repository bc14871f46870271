import Testing

@testable import OKRKit

/// The lexer tests eight bytes of a string at once; that test must agree with the byte table.
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
}

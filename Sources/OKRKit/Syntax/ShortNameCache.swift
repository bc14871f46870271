/// `String`s for short ASCII names, each made once: names repeat all through a plan (`k1`, `k2`,
/// a team's id in every link to it), and finding one here costs a fraction of making a `String`
/// from bytes, which checks and copies them each time.
///
/// A small direct-mapped cache: a name that is not found, or not short and ASCII, is made as
/// usual (and, if short and ASCII, takes its slot).
struct ShortNameCache {
  /// The name in each slot, as its ``key(of:in:)``; 0 for none.
  private var keys: [UInt64] = []
  private var names: [String] = []
  private static let slotCount = 256

  /// The `String` of the UTF-8 bytes at `span` of `bytes`.
  mutating func name(at span: Span, in bytes: UnsafeRawBufferPointer) -> String {
    let start = Int(span.start)
    guard let key = Self.key(of: span, in: bytes) else {
      return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<Int(span.end)]), as: UTF8.self)
    }
    // The top bits of a multiplicative hash pick the slot.
    let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
    if keys.isEmpty {
      keys = [UInt64](repeating: 0, count: Self.slotCount)
      names = [String](repeating: "", count: Self.slotCount)
    } else if keys[slot] == key {
      return names[slot]
    }
    let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<Int(span.end)]), as: UTF8.self)
    keys[slot] = key
    names[slot] = name
    return name
  }

  /// A name of 1 to 7 ASCII bytes as one number: the bytes, and the length in the top byte (so
  /// it is never 0 and tells every such name apart); nil for any other name.
  @inline(__always) static func key(of span: Span, in bytes: UnsafeRawBufferPointer) -> UInt64? {
    let (start, length) = (Int(span.start), Int(span.length))
    guard length >= 1, length <= 7 else { return nil }
    var word: UInt64
    if start + 8 <= bytes.count {
      // One load, the bytes after the name masked off.
      word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self))
      word &= (1 << UInt64(length * 8)) - 1
    } else {
      word = 0
      for offset in 0..<length { word |= UInt64(bytes[start + offset]) << UInt64(offset * 8) }
    }
    guard word & 0x8080_8080_8080_8080 == 0 else { return nil }
    return word | UInt64(length) << 56
  }
}

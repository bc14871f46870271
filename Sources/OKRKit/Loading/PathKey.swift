/// A path as a key of the loader's tables: equal to another when their bytes are (as
/// ``PlanPath/same(_:_:)``), and hashed by a digest of its bytes taken once, eight bytes at a
/// step. A folder of tens of thousands of files has each path looked up a dozen times, and
/// hashing a `String` of 40 bytes costs about a thousand instructions each time.
struct PathKey: Hashable, Sendable {
  let path: String
  /// Each step multiplies by an odd number, a one-to-one map: paths of one length that differ
  /// anywhere get different digests.
  private let digest: UInt64

  init(_ path: String) {
    self.path = path
    digest = PlanPath.withBytes(of: path) { bytes in
      let raw = UnsafeRawBufferPointer(bytes)
      var digest = UInt64(raw.count) &* 0x9E37_79B9_7F4A_7C15
      var offset = 0
      while offset + 8 <= raw.count {
        digest = (digest ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01B3
        digest ^= digest >> 29
        offset += 8
      }
      var tail: UInt64 = 0
      for index in offset..<raw.count { tail = tail << 8 | UInt64(raw[index]) }
      return (digest ^ tail) &* 0x0000_0100_0000_01B3
    }
  }

  static func == (a: PathKey, b: PathKey) -> Bool { a.digest == b.digest && PlanPath.same(a.path, b.path) }

  func hash(into hasher: inout Hasher) { hasher.combine(digest) }

  /// The digest mixed with the table's seed, without `Hasher`: its rounds cost a few hundred
  /// instructions per lookup, more than the digest itself, and a folder's paths are looked up
  /// hundreds of thousands of times. The last steps spread every bit of the digest over the low
  /// bits a table's buckets are chosen by.
  func _rawHashValue(seed: Int) -> Int {
    var mixed = digest ^ UInt64(truncatingIfNeeded: seed)
    mixed = (mixed ^ mixed >> 32) &* 0xD6E8_FEB8_6659_FD93
    mixed = (mixed ^ mixed >> 32) &* 0xD6E8_FEB8_6659_FD93
    return Int(truncatingIfNeeded: mixed ^ mixed >> 32)
  }
}

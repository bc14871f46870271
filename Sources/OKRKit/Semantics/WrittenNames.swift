/// The entities' ids as UTF-8 bytes in one hash table, to find the entity a name written in a
/// source file names without making a `String` of it: a large plan names a few million.
///
/// A name found here is the entity's id byte for byte. `String`s compare by canonical
/// equivalence, so while some id is not plain ASCII, a name written with other bytes may still
/// name an entity; ``Plan/entity(writtenAt:in:)`` then asks the `String` index.
struct EntityNameTable: Sendable {
  /// Open addressing with linear probing: an entity's index plus one, or 0 for an empty slot.
  private var slots: [Int32] = []
  /// Every id's bytes, one after another: entity `n`'s are `names[starts[n]..<starts[n + 1]]`.
  private var names: [UInt8] = []
  private var starts: [Int32] = [0]
  /// Whether some id has a byte outside ASCII.
  private(set) var hasNonASCIIName = false

  /// How many ids there are.
  private var count: Int { starts.count - 1 }

  mutating func reserveCapacity(_ count: Int) {
    starts.reserveCapacity(count + 1)
    names.reserveCapacity(count * 8)
    // Slots for `count` ids at most half full: the table is not grown and filled again on the way.
    var slotCount = 64
    while slotCount < count * 2 { slotCount *= 2 }
    if slotCount > slots.count { fillSlots(count: slotCount) }
  }

  /// Adds `name`, the id of the next entity (the one at index ``count``).
  mutating func append(_ name: String) {
    var name = name
    name.withUTF8 { utf8 in
      names.append(contentsOf: utf8)
      if !WrittenName.isASCII(UnsafeRawBufferPointer(utf8)) { hasNonASCIIName = true }
    }
    starts.append(Int32(names.count))
    // At most half full, so that probes stay short.
    if count * 2 > slots.count {
      fillSlots(count: max(64, slots.count * 2))
    } else {
      insert(count - 1)
    }
  }

  /// Makes the table `slotCount` slots (a power of two) and puts every id in it.
  private mutating func fillSlots(count slotCount: Int) {
    slots = [Int32](repeating: 0, count: slotCount)
    for index in 0..<count { insert(index) }
  }

  /// The entity whose id is `bytes`, byte for byte.
  func find(_ bytes: UnsafeRawBufferPointer) -> EntityID? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var slot = Self.hash(bytes) & mask
    while slots[slot] != 0 {
      let index = Int(slots[slot] - 1)
      if names.withUnsafeBytes({ WrittenName.same(UnsafeRawBufferPointer(rebasing: $0[range(index)]), bytes) }) {
        return EntityID(index)
      }
      slot = (slot + 1) & mask
    }
    return nil
  }

  private mutating func insert(_ index: Int) {
    let mask = slots.count - 1
    var slot = names.withUnsafeBytes { Self.hash(UnsafeRawBufferPointer(rebasing: $0[range(index)])) } & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(index + 1)
  }

  private func range(_ index: Int) -> Range<Int> { Int(starts[index])..<Int(starts[index + 1]) }

  /// Seeded per process, as `Dictionary`'s hashing is: a plan cannot be written to make lookups slow.
  private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
    var hasher = Hasher()
    hasher.combine(bytes: bytes)
    return hasher.finalize()
  }
}

/// Names as written: UTF-8 bytes in a source file.
enum WrittenName {
  /// Whether every byte is ASCII.
  static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var bits: UInt8 = 0
    for byte in bytes { bits |= byte }
    return bits < 0x80
  }

  /// A number that tells names apart quickly: two ASCII names whose fingerprints differ are
  /// different names. 0 for a name with a byte outside ASCII (another normalization form of it
  /// may be written with other bytes), never 0 otherwise. Not a hash for tables: it is not seeded.
  static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    var bits: UInt8 = 0
    for byte in bytes {
      bits |= byte
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    guard bits < 0x80 else { return 0 }
    let folded = UInt32(truncatingIfNeeded: hash ^ hash >> 32)
    return folded == 0 ? 1 : folded
  }

  /// Whether two runs of bytes are the same.
  static func same(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
    guard first.count == second.count else { return false }
    for index in 0..<first.count where first[index] != second[index] { return false }
    return true
  }

  /// Whether `name` is made of exactly `bytes`.
  static func same(_ name: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let utf8 = name.utf8
    guard utf8.count == bytes.count else { return false }
    return utf8.withContiguousStorageIfAvailable { same(UnsafeRawBufferPointer($0), bytes) }
      ?? utf8.elementsEqual(bytes)
  }
}

extension SourceFile {
  /// Whether the same bytes are written at `first` and at `second`.
  func same(_ first: Span, _ second: Span) -> Bool {
    withBytes(of: first) { first in withBytes(of: second) { WrittenName.same(first, $0) } }
  }

  /// Calls `body` with the bytes of `span`.
  func withBytes<Result>(of span: Span, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    bytes.withUnsafeBytes { all in
      let end = min(Int(span.end), all.count)
      return body(UnsafeRawBufferPointer(rebasing: all[min(Int(span.start), end)..<end]))
    }
  }
}

import CProcessorHints

/// Asks for a source's bytes a little ahead of a walk that reads them in order but sparsely: the
/// resolver reads a name here and a number there, a few hundred bytes apart, long after the
/// parser read them, and the processor does not guess that pattern, so each read waited for
/// memory.
///
/// Only a hint: the address is kept as a number and never read, so it does not matter whether
/// the bytes are still there when the hint is given (a prefetch never faults).
struct ReadAhead {
  /// How far ahead of the walk bytes are asked for: a few objectives' worth.
  static let distance = 1024
  private static let lineSize = 64

  private var file: FileID?
  private var base = 0
  private var count = 0
  /// The first byte not asked for yet.
  private var next = 0

  /// Asks for the bytes of `source` from `offset` on, up to ``distance`` bytes ahead, that were
  /// not asked for yet.
  mutating func reach(_ offset: UInt32, in source: SourceFile) {
    if file != source.id {
      file = source.id
      (base, count) = source.bytes.withUnsafeBytes { (Int(bitPattern: $0.baseAddress), $0.count) }
      next = 0
    }
    let end = min(Int(offset) + Self.distance, count)
    var line = max(next, Int(offset) & ~(Self.lineSize - 1))
    while line < end {
      okr_prefetch_for_reading(UnsafeRawPointer(bitPattern: base &+ line))
      line += Self.lineSize
    }
    next = max(next, line)
  }
}

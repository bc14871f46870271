#if canImport(Glibc)
  import CAllocator
#endif

/// Hands memory the program has freed back to the system.
///
/// The C library's allocator gives large blocks back as soon as they are freed, but keeps freed
/// small ones for reuse; so freeing the syntax trees of a plan of many small files, whose pieces
/// lie between blocks still in use, would not lower the process's footprint (the plan built next
/// comes in large blocks of its own and cannot reuse them). This counts the small blocks freed
/// and hands their pages back once they add up.
struct FreedMemory {
  /// Blocks at least this large are given back when freed (glibc's default mmap threshold).
  static let largeBlock = 128 << 10
  /// Freed small blocks are handed back once they add up to this much: each hand-back walks every
  /// heap, and pages handed back cost a fault when used again.
  static let worthHandingBack = 64 << 20

  /// Bytes freed in small blocks since the last hand-back.
  private var pending = 0

  /// Notes an array that was just freed, of `count` elements of `Element`.
  mutating func noteFreed<Element>(_ count: Int, of element: Element.Type) {
    let bytes = count * MemoryLayout<Element>.stride
    if bytes < Self.largeBlock { pending += bytes }
  }

  /// Notes `bytes` freed in small blocks.
  mutating func noteFreed(smallBlocks bytes: Int) { pending += bytes }

  /// Hands the free pages of every heap back to the system (glibc's `malloc_trim`) if at least
  /// `worth` bytes have been freed in small blocks since the last time.
  mutating func handBack(worth: Int = worthHandingBack) {
    if takeHandBack(worth: worth) { Self.handBackAll() }
  }

  /// Whether at least `worth` bytes have been freed in small blocks since the last hand-back (or
  /// any, for 0): if so, the caller is to hand them back (``handBackAll()``), and they count as
  /// handed back.
  mutating func takeHandBack(worth: Int = worthHandingBack) -> Bool {
    guard pending >= worth, pending > 0 else { return false }
    pending = 0
    return true
  }

  /// Hands the free pages of every heap back to the system now, however much was freed: after
  /// work on all cores, whose scratch was freed into the heaps of the threads that did it.
  static func handBackAll() {
    #if canImport(Glibc)
      _ = malloc_trim(0)
    #endif
  }
}

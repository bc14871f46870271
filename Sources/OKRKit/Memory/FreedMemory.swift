#if canImport(Glibc)
  import CAllocator
#endif

/// Hands memory the program has freed back to the system.
///
/// The C library's allocator keeps freed small blocks for reuse, so freeing the syntax trees of a
/// large plan, whose pieces lie between blocks still in use, would not lower the process's
/// footprint; the plan built next comes in large blocks of its own and cannot reuse them.
enum FreedMemory {
  /// Below this many freed bytes, handing them back is not worth a walk over the heaps.
  static let worthHandingBack = 8 << 20

  /// Returns the free pages of every heap to the system (glibc's `malloc_trim`) when `bytes`,
  /// what was just freed, is worth it.
  static func handBack(afterFreeing bytes: Int) {
    guard bytes >= worthHandingBack else { return }
    #if canImport(Glibc)
      _ = malloc_trim(0)
    #endif
  }
}

#if canImport(Glibc)
  import CAllocator
#endif

/// How the C library's allocator grows the heap of a process that loads large plans.
public enum HeapGrowth {
  /// Asks the allocator to grow its heaps 64 MiB at a time rather than by the default 128 KiB.
  ///
  /// A plan of a million objectives allocates gigabytes in small pieces; small steps cost tens of
  /// thousands of system calls. The extra reservation is address space only: pages become resident
  /// when first written, so small plans keep their footprint. Call once, at the start of a program.
  public static func useLargeSteps() {
    #if canImport(Glibc)
      _ = mallopt(M_TOP_PAD, 64 << 20)
    #endif
  }
}

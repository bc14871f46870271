#if canImport(Glibc)
  import Glibc
#endif

/// Maps the pages of a large block about to be written, all in one call.
///
/// The first write to each page of fresh memory stops the program while the system maps a page
/// for it; for the hundreds of megabytes a large plan writes, these stops are a good part of the
/// time. Asking for a block's pages together (Linux's `MADV_POPULATE_WRITE`) maps the same pages
/// for about three quarters of the cost. Only for memory written in full soon after: a page
/// mapped is memory used.
enum FreshPages {
  /// Blocks smaller than this are left to be mapped as they are written.
  static let worthMapping = 1 << 20

  /// Maps the whole pages among `buffer`'s elements for writing. Does nothing for small blocks,
  /// or where the system cannot (other systems, Linux before 5.14).
  static func map<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
    #if os(Linux)
      let byteCount = buffer.count * MemoryLayout<Element>.stride
      guard byteCount >= worthMapping, let start = buffer.baseAddress else { return }
      let address = Int(bitPattern: start)
      let first = (address + pageSize - 1) & ~(pageSize - 1)
      let end = (address + byteCount) & ~(pageSize - 1)
      guard end > first, let pages = UnsafeMutableRawPointer(bitPattern: first) else { return }
      _ = madvise(pages, end - first, populateWrite)
    #endif
  }

  #if os(Linux)
    /// `MADV_POPULATE_WRITE` (Linux 5.14), which older C headers do not name.
    static let populateWrite: Int32 = 23
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
  #endif
}

import Testing

@testable import OKRKit

#if canImport(Glibc)
  import Glibc
#endif

/// The resolver maps the pages of the plan's large arrays before it writes them: the pages must
/// then be there, and what was already written must stay as it was.
@Suite struct FreshPagesTests {
  #if os(Linux)
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// How many of the `count` pages at `start` are in memory (`mincore`).
    static func residentPages(_ start: UnsafeMutableRawPointer, count: Int) -> Int {
      var flags = [UInt8](repeating: 0, count: count)
      guard mincore(start, count * pageSize, &flags) == 0 else { return -1 }
      return flags.filter { $0 & 1 != 0 }.count
    }

    @Test func aLargeBlockIsMappedBeforeItIsWritten() throws {
      let (pageCount, size) = (1024, 1024 * Self.pageSize)
      let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
      let start = try #require(mapped == MAP_FAILED ? nil : mapped)
      defer { munmap(start, size) }
      #expect(Self.residentPages(start, count: pageCount) == 0)
      // From byte 104 of the first page to the end: the pages wholly inside are mapped, not the first.
      let elements = start.advanced(by: 104).bindMemory(to: Int64.self, capacity: (size - 104) / 8)
      FreshPages.map(UnsafeMutableBufferPointer(start: elements, count: (size - 104) / 8))
      // Linux before 5.14 cannot: then nothing is mapped, and that is all right too.
      let probe = mmap(nil, Self.pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
      defer { munmap(probe, Self.pageSize) }
      let canMap = probe != MAP_FAILED && madvise(probe, Self.pageSize, FreshPages.populateWrite) == 0
      #expect(Self.residentPages(start, count: pageCount) == (canMap ? pageCount - 1 : 0))
    }
  #endif

  @Test func whatIsWrittenStaysAndSmallBlocksAreLeftAlone() {
    for count in [0, 1, 1000, 300_000, 1_000_003] {
      let buffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
      defer { buffer.deallocate() }
      for index in 0..<count / 2 { buffer[index] = Int32(truncatingIfNeeded: index &* 7919) }
      FreshPages.map(buffer)
      #expect((0..<count / 2).allSatisfy { buffer[$0] == Int32(truncatingIfNeeded: $0 &* 7919) }, "\(count)")
      for index in count / 2..<count { buffer[index] = -1 }
      #expect(buffer[(count / 2)...].allSatisfy { $0 == -1 })
    }
  }
}

import Testing

@testable import OKRKit

#if canImport(Glibc)
  import Glibc
#endif

/// The resolver maps the pages of the plan's large arrays before it writes them: the pages must
/// then be there, and what was already written must stay as it was.
@Suite struct FreshPagesTests {
  #if os(Linux)
    /// How many of the `count` pages (of 4 KiB, as on this machine) at `start` are in memory (`mincore`).
    static func residentPages(_ start: UnsafeMutableRawPointer, count: Int) -> Int {
      var flags = [UInt8](repeating: 0, count: count)
      guard mincore(start, count * 4096, &flags) == 0 else { return -1 }
      return flags.filter { $0 & 1 != 0 }.count
    }

    @Test func aLargeBlockIsMappedBeforeItIsWritten() throws {
      let pageCount = 1024
      let mapped = mmap(nil, pageCount * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
      let start = try #require(mapped == MAP_FAILED ? nil : mapped)
      defer { munmap(start, pageCount * 4096) }
      #expect(Self.residentPages(start, count: pageCount) == 0)
      // From the middle of the first page: the pages wholly inside are mapped, not the first one.
      let elements = start.advanced(by: 104).bindMemory(to: Int64.self, capacity: (pageCount * 4096 - 104) / 8)
      FreshPages.map(UnsafeMutableBufferPointer(start: elements, count: (pageCount * 4096 - 104) / 8))
      // Linux before 5.14 cannot: then nothing is mapped, and that is all right too.
      let probe = mmap(nil, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
      defer { munmap(probe, 4096) }
      let canMap = probe != MAP_FAILED && madvise(probe, 4096, 23) == 0
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

import Testing

@testable import OKRKit

/// How a large file is cut into pieces to parse on every core.
@Suite struct ChunkSplitterTests {
  /// A plan of `count` top-level blocks of about 200 bytes each.
  static func blocks(_ count: Int) -> [UInt8] {
    Array(
      (0..<count).map { "team t\($0) {\n  objective o \"\(String(repeating: "x", count: 170))\" {\n  }\n}\n" }.joined()
        .utf8)
  }

  /// As many pieces as the file is worth, up to eight per core, one after another from the first
  /// byte to the last, each ending after a top-level block.
  @Test(arguments: [0, 1, 10, 1_000, 20_000])
  func piecesCoverTheFileInOrderAndEndAfterABlock(blockCount: Int) {
    let bytes = Self.blocks(blockCount)
    let ranges = bytes.withUnsafeBufferPointer { ChunkSplitter.chunks(of: $0, minimumChunk: 16 << 10) }
    #expect(ranges.count == max(1, min(ParallelWork.coreCount * ChunkSplitter.piecesPerCore, bytes.count / (16 << 10))))
    #expect(ranges.first?.lowerBound == 0)
    #expect(ranges.last?.upperBound == bytes.count)
    for (earlier, later) in zip(ranges, ranges.dropFirst()) {
      #expect(earlier.upperBound == later.lowerBound)
      #expect(Array(bytes[earlier.upperBound - 3..<earlier.upperBound]) == Array("\n}\n".utf8))
    }
  }
}

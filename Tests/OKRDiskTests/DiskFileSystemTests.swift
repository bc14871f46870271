import Foundation
import OKRDisk
import Testing

/// Files are read whole; a large one is read in pieces on all cores, which must join to its bytes.
@Suite struct DiskFileSystemTests {
  func withTemporaryFile(_ bytes: [UInt8], _ body: (String) throws -> Void) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("okr-read-\(UUID().uuidString)").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    try body(path)
  }

  @Test(arguments: [0, 1, 4_096, (16 << 20) - 1, (16 << 20) + 3, 21 << 20])
  func aFileReadsBackExactly(size: Int) throws {
    // Bytes that depend on their position, so a piece written at the wrong place shows.
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      for index in 0..<size { buffer[index] = UInt8(truncatingIfNeeded: index % 251 &+ index >> 16) }
      count = size
    }
    try withTemporaryFile(bytes) { path in
      let read = try DiskFileSystem().readFile(path)
      #expect(read == bytes)
    }
  }
}

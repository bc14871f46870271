import Foundation
import OKRDisk
import OKRKit
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Files are read whole; a large one is read in pieces on all cores, which must join to its bytes,
/// or mapped, which must give the same bytes and survive the file shrinking.
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

  @Test(arguments: [0, 1, 4_096, (16 << 20) - 1, (16 << 20) + 3, 21 << 20])
  func aFileReadOrMappedAsSourceHasTheSameBytes(size: Int) throws {
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      for index in 0..<size { buffer[index] = UInt8(truncatingIfNeeded: index % 253 &+ index >> 12) }
      count = size
    }
    try withTemporaryFile(bytes) { path in
      for mapping in [false, true] {
        let source = try DiskFileSystem(mapsLargeFiles: mapping).readSource(path)
        #expect(source.count == size)
        #expect(source.withUnsafeBufferPointer { Array($0) } == bytes)
        #expect(source.isIntact)
      }
    }
  }

  @Test func aMappedFileThatShrinksReadsAsZerosInsteadOfCrashing() throws {
    let size = 20 << 20
    let kept = 1 << 20
    try withTemporaryFile([UInt8](repeating: UInt8(ascii: "x"), count: size)) { path in
      let source = try DiskFileSystem(mapsLargeFiles: true).readSource(path)
      #expect(source.isIntact)
      #expect(truncate(path, off_t(kept)) == 0)
      // Past the new end, every page the file lost now reads as zeros (without the handler,
      // the first of these reads ends the process with SIGBUS).
      let tail = source.withUnsafeBufferPointer { buffer in
        stride(from: kept + 4_096, to: size, by: 4_096).map { buffer[$0] }
      }
      #expect(tail.allSatisfy { $0 == 0 })
      #expect(source[kept - 1] == UInt8(ascii: "x"))
      #expect(!source.isIntact)
    }
  }

  @Test func aFileBelowTheMappingSizeIsReadNotMapped() throws {
    try withTemporaryFile(Array("company acme".utf8)) { path in
      let source = try DiskFileSystem(mapsLargeFiles: true).readSource(path)
      #expect(truncate(path, 0) == 0)
      // Read into memory of its own: the file's change does not reach it.
      #expect(source.text(0..<source.count) == "company acme")
      #expect(source.isIntact)
    }
  }
}

import Foundation
import OKRDisk
import OKRKit
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

  /// Listing a folder tells files, folders and special files apart; a symbolic link is left for
  /// `kind(of:)` to follow.
  @Test func aListingGivesKindsButNotThoseOfLinks() throws {
    let manager = FileManager.default
    let folder = manager.temporaryDirectory.appendingPathComponent("okr-list-\(UUID().uuidString)").path
    try manager.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
    defer { try? manager.removeItem(atPath: folder) }
    #expect(manager.createFile(atPath: folder + "/plan.okr", contents: Data("company acme\n".utf8)))
    try manager.createSymbolicLink(atPath: folder + "/link.okr", withDestinationPath: folder + "/plan.okr")
    #expect(mkfifo(folder + "/pipe", 0o600) == 0)
    let disk = DiskFileSystem()
    let entries = disk.entries(ofFolder: folder).sorted { $0.name < $1.name }
    #expect(
      entries == [
        FolderEntry(name: "link.okr", kind: nil), FolderEntry(name: "pipe", kind: .special),
        FolderEntry(name: "plan.okr", kind: .file), FolderEntry(name: "sub", kind: .folder),
      ])
    #expect(disk.kind(of: folder + "/link.okr") == .file)
    // A name that is not UTF-8 reads with a replacement character, which names no file: its
    // kind is left to ask (and the answer is that nothing is there).
    let latin1: [CChar] = Array((folder + "/caf").utf8CString.dropLast()) + [CChar(bitPattern: 0xE9), 0]
    let descriptor = open(latin1, O_CREAT | O_WRONLY, 0o600)
    #expect(descriptor >= 0)
    close(descriptor)
    let unreadable = try #require(disk.entries(ofFolder: folder).first { $0.name.hasPrefix("caf") })
    #expect(unreadable.kind == nil)
    #expect(disk.kind(of: folder + "/" + unreadable.name) == nil)
    _ = unlink(latin1)
    #expect(disk.contents(ofFolder: folder).sorted() == entries.map(\.name))
    #expect(disk.entries(ofFolder: folder + "/missing").isEmpty)
  }
}

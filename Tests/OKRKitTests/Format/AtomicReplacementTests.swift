import Testing

@testable import OKRKit

@Suite struct AtomicReplacementTests {
  /// A file system in memory that can fail at any step of a replacement.
  final class FakeDisk: ReplacementFileSystem {
    enum Step: CaseIterable { case permissions, create, write, synchronize, setPermissions, close, rename }

    struct File: Equatable {
      var bytes: [UInt8]
      var mode: UInt32
    }

    var files: [String: File] = [:]
    /// Symbolic links: path → the path they name.
    var links: [String: String] = [:]
    /// Folders that exist (for creating new files).
    var folders: Set<String> = []
    var failing: Step?
    private var handles: [Int: String] = [:]

    func canonicalPath(_ path: String) -> String? {
      if folders.contains(path) { return path }
      let resolved = links[path] ?? path
      return files[resolved] == nil ? nil : resolved
    }

    func permissions(of path: String) throws(FileWriteError) -> UInt32 {
      try check(.permissions)
      guard let file = files[path] else { throw FileWriteError("no such file") }
      return file.mode
    }

    func makeTemporaryFile(
      in folder: String, namedAfter name: String
    ) throws(FileWriteError) -> (handle: Int, path: String) {
      try check(.create)
      let handle = handles.count + 1
      let path = "\(folder)/.\(name).tmp\(handle)"
      files[path] = File(bytes: [], mode: 0o600)
      handles[handle] = path
      return (handle, path)
    }

    func write(_ bytes: [UInt8], to handle: Int) throws(FileWriteError) {
      guard let path = handles[handle] else { throw FileWriteError("closed") }
      // A failing write gets half the bytes out first, like a full disk.
      files[path]?.bytes = failing == .write ? Array(bytes.prefix(bytes.count / 2)) : bytes
      try check(.write)
    }

    func synchronize(_ handle: Int) throws(FileWriteError) { try check(.synchronize) }

    func setPermissions(_ mode: UInt32, of handle: Int) throws(FileWriteError) {
      try check(.setPermissions)
      guard let path = handles[handle] else { throw FileWriteError("closed") }
      files[path]?.mode = mode
    }

    func close(_ handle: Int) throws(FileWriteError) {
      guard handles[handle] != nil else { throw FileWriteError("closed twice") }
      handles[handle] = nil
      try check(.close)
    }

    func rename(_ source: String, to destination: String) throws(FileWriteError) {
      try check(.rename)
      files[destination] = files[source]
      files[source] = nil
    }

    func remove(_ path: String) { files[path] = nil }

    var openHandles: Int { handles.count }

    private func check(_ step: Step) throws(FileWriteError) {
      if failing == step { throw FileWriteError("\(step) failed") }
    }
  }

  private let original = FakeDisk.File(bytes: Array("team cs {}\n".utf8), mode: 0o640)
  private let formatted = Array("team cs {}\n# new\n".utf8)

  @Test func replacesTheContentsAndKeepsThePermissions() throws {
    let disk = FakeDisk()
    disk.files["/plan/cs.okr"] = original
    try AtomicReplacement.replace("/plan/cs.okr", with: formatted, inside: "/plan", using: disk)
    #expect(disk.files == ["/plan/cs.okr": FakeDisk.File(bytes: formatted, mode: 0o640)])
    #expect(disk.openHandles == 0)
  }

  @Test(arguments: FakeDisk.Step.allCases) func aFailureLeavesTheOriginalAndNoTemporaryFile(_ step: FakeDisk.Step) {
    let disk = FakeDisk()
    disk.files["/plan/cs.okr"] = original
    disk.failing = step
    #expect(throws: FileWriteError("\(step) failed")) {
      try AtomicReplacement.replace("/plan/cs.okr", with: formatted, inside: "/plan", using: disk)
    }
    #expect(disk.files == ["/plan/cs.okr": original])
    #expect(disk.openHandles == 0)
  }

  @Test func writesThroughALinkInsideTheFolder() throws {
    let disk = FakeDisk()
    disk.files["/plan/teams/cs.okr"] = original
    disk.links["/plan/cs.okr"] = "/plan/teams/cs.okr"
    try AtomicReplacement.replace("/plan/cs.okr", with: formatted, inside: "/plan", using: disk)
    #expect(disk.files == ["/plan/teams/cs.okr": FakeDisk.File(bytes: formatted, mode: 0o640)])
    #expect(disk.links == ["/plan/cs.okr": "/plan/teams/cs.okr"])
  }

  @Test func refusesALinkThatLeadsOutOfTheFolder() {
    let disk = FakeDisk()
    disk.files["/elsewhere/cs.okr"] = original
    disk.links["/plan/cs.okr"] = "/elsewhere/cs.okr"
    #expect(throws: FileWriteError.self) {
      try AtomicReplacement.replace("/plan/cs.okr", with: formatted, inside: "/plan", using: disk)
    }
    #expect(disk.files == ["/elsewhere/cs.okr": original])
  }

  @Test func aVanishedFileIsAnError() {
    let disk = FakeDisk()
    #expect(throws: FileWriteError("the file no longer exists")) {
      try AtomicReplacement.replace("/plan/cs.okr", with: formatted, inside: "/plan", using: disk)
    }
    #expect(disk.files.isEmpty)
  }
}

import Testing

@testable import OKRKit

/// ``AtomicReplacement/write(_:with:newFileMode:using:)``: what `okr export --output` writes with.
@Suite struct AtomicCreationTests {
  typealias FakeDisk = AtomicReplacementTests.FakeDisk

  private let report = Array("# OKRs\n".utf8)

  @Test func createsANewFileWithTheGivenMode() throws {
    let disk = FakeDisk()
    disk.folders = ["/out"]
    try AtomicReplacement.write("/out/report.md", with: report, newFileMode: 0o644, using: disk)
    #expect(disk.files == ["/out/report.md": FakeDisk.File(bytes: report, mode: 0o644)])
    #expect(disk.openHandles == 0)
  }

  @Test func replacesAnExistingFileAndKeepsItsMode() throws {
    let disk = FakeDisk()
    disk.files["/out/report.md"] = FakeDisk.File(bytes: Array("old".utf8), mode: 0o600)
    try AtomicReplacement.write("/out/report.md", with: report, newFileMode: 0o644, using: disk)
    #expect(disk.files == ["/out/report.md": FakeDisk.File(bytes: report, mode: 0o600)])
  }

  @Test func writesThroughALinkWhereverItLeads() throws {
    let disk = FakeDisk()
    disk.files["/elsewhere/report.md"] = FakeDisk.File(bytes: [], mode: 0o640)
    disk.links["/out/report.md"] = "/elsewhere/report.md"
    try AtomicReplacement.write("/out/report.md", with: report, newFileMode: 0o644, using: disk)
    #expect(disk.files == ["/elsewhere/report.md": FakeDisk.File(bytes: report, mode: 0o640)])
  }

  @Test func aMissingFolderIsAnError() {
    let disk = FakeDisk()
    #expect(throws: FileWriteError("the folder /nowhere does not exist")) {
      try AtomicReplacement.write("/nowhere/report.md", with: report, newFileMode: 0o644, using: disk)
    }
    #expect(disk.files.isEmpty)
  }

  @Test(arguments: FakeDisk.Step.allCases.filter { $0 != .permissions })
  func aFailedCreationLeavesNothing(_ step: FakeDisk.Step) {
    let disk = FakeDisk()
    disk.folders = ["/out"]
    disk.failing = step
    #expect(throws: FileWriteError("\(step) failed")) {
      try AtomicReplacement.write("/out/report.md", with: report, newFileMode: 0o644, using: disk)
    }
    #expect(disk.files.isEmpty)
    #expect(disk.openHandles == 0)
  }
}

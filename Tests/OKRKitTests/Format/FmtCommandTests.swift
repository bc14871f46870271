import Foundation
import Testing

@testable import OKRKit

/// `okr fmt` end to end: runs the built binary on files in a temporary folder.
@Suite struct FmtCommandTests {
  static let messy = "team cs \"CS\"{ lead alice\n  objective o \"O\" { cycle 2026-Q1 ;kr k \"K\" from 1 to 2 }\n}\n"
  static let canonical = """
    team cs "CS" {
      lead alice
      objective o "O" {
        cycle 2026-Q1
        kr k "K" from 1 to 2
      }
    }

    """

  @Test func printsTheFormattedTextAndChangesNothing() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("cs.okr", Self.messy)
    let result = try OKRBinary.run(["fmt", path])
    #expect(result.status == 0)
    #expect(result.output == Self.canonical)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.messy)
  }

  @Test func checkPrintsADiffAndExitsWithOneWhenAFileIsNotFormatted() throws {
    let folder = try ScratchFolder()
    let messy = try folder.write("plans/cs.okr", Self.messy)
    _ = try folder.write("plans/ops.okr", Self.canonical.replacingOccurrences(of: "cs", with: "ops"))
    let result = try OKRBinary.run(["fmt", "--check", folder.path("plans")])
    #expect(result.status == 1)
    let expected = UnifiedDiff.diff(
      old: Self.messy, new: Self.canonical, oldLabel: "\(messy)\t(original)", newLabel: "\(messy)\t(formatted)")
    #expect(result.output == expected)
    #expect(result.output.hasPrefix("--- \(messy)\t(original)\n+++ \(messy)\t(formatted)\n@@ -1,3 +1,7 @@\n"))
    #expect(!result.output.contains("ops.okr"))
    #expect(try String(contentsOfFile: messy, encoding: .utf8) == Self.messy)
  }

  @Test func checkExitsWithZeroWhenEverythingIsFormatted() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("cs.okr", Self.canonical)
    let result = try OKRBinary.run(["fmt", "--check", path])
    #expect(result.status == 0)
    #expect(result.output.isEmpty)
    #expect(result.errors.isEmpty)
  }

  @Test func writeRewritesOnlyWhatChangedAndKeepsPermissions() throws {
    let folder = try ScratchFolder()
    let messy = try folder.write("cs.okr", Self.messy)
    let clean = try folder.write("ops.okr", Self.canonical)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: messy)
    let cleanInode = try inode(clean)
    let result = try OKRBinary.run(["fmt", "--write", folder.path("")])
    #expect(result.status == 0)
    #expect(result.output == "formatted \(messy)\n")
    #expect(try String(contentsOfFile: messy, encoding: .utf8) == Self.canonical)
    #expect(try FileManager.default.attributesOfItem(atPath: messy)[.posixPermissions] as? Int == 0o640)
    #expect(try inode(clean) == cleanInode)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("")).sorted() == ["cs.okr", "ops.okr"])
    #expect(try OKRBinary.run(["fmt", "--check", folder.path("")]).status == 0)
  }

  @Test func aFileNamedTwiceIsRewrittenOnce() throws {
    let folder = try ScratchFolder()
    let messy = try folder.write("plans/cs.okr", Self.messy)
    let result = try OKRBinary.run(["fmt", "--write", messy, messy, folder.path("plans")])
    #expect(result.status == 0)
    #expect(result.output == "formatted \(messy)\n")
    #expect(try String(contentsOfFile: messy, encoding: .utf8) == Self.canonical)
  }

  @Test func filesWithSyntaxErrorsAreReportedAndNeverRewritten() throws {
    let folder = try ScratchFolder()
    let broken = "team cs {\n  objective o \"O\" { cycle }\n"
    let path = try folder.write("cs.okr", broken)
    let printed = try OKRBinary.run(["fmt", path])
    #expect(printed.status == 1)
    #expect(printed.output.isEmpty)
    #expect(printed.errors.contains("error[syntax]"))
    #expect(printed.errors.contains("not formatted"))
    let written = try OKRBinary.run(["fmt", "--write", path])
    #expect(written.status == 1)
    #expect(written.output.isEmpty)
    #expect(written.errors.contains("error[syntax]"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
  }

  @Test func includesAreNotFollowed() throws {
    let folder = try ScratchFolder()
    let main = try folder.write("main.okr", "include \"cs.okr\"\n")
    _ = try folder.write("cs.okr", Self.messy)
    let result = try OKRBinary.run(["fmt", "--check", main])
    #expect(result.status == 0)
  }

  /// Files are formatted in batches on all cores; what is printed must still come in the order
  /// the files are named, across batches, with unreadable paths among them.
  @Test func manyFilesAreReportedInTheOrderTheyAreNamed() throws {
    let folder = try ScratchFolder()
    let broken = "team cs {\n  objective o \"O\" { cycle }\n"
    var diffs = ""
    var notFormatted: [String] = []
    for index in 0..<600 {
      let name = "t" + String(1000 + index)
      let text: String
      switch index % 4 {
      case 0, 1: text = Self.messy.replacingOccurrences(of: "cs", with: name)
      case 2: text = Self.canonical.replacingOccurrences(of: "cs", with: name)
      default: text = index % 40 == 3 ? broken : Self.canonical.replacingOccurrences(of: "cs", with: name)
      }
      let path = try folder.write("plans/\(name).okr", text)
      if index % 4 < 2 {
        let formatted = Self.canonical.replacingOccurrences(of: "cs", with: name)
        diffs += UnifiedDiff.diff(
          old: text, new: formatted, oldLabel: "\(path)\t(original)", newLabel: "\(path)\t(formatted)")
      }
      if text == broken { notFormatted.append(path) }
    }
    let last = try folder.write("last.okr", Self.messy)
    diffs += UnifiedDiff.diff(
      old: Self.messy, new: Self.canonical, oldLabel: "\(last)\t(original)", newLabel: "\(last)\t(formatted)")
    let missing = folder.path("missing.okr")
    let result = try OKRBinary.run(["fmt", "--check", folder.path("plans"), missing, last])
    #expect(result.status == 2)
    #expect(result.output == diffs)
    // Each file with errors ends its report with "PATH: not formatted: …".
    let reported = result.errors.split(separator: "\n").compactMap { line -> String? in
      if line.hasPrefix("okr: cannot read") { return String(line) }
      return line.range(of: ": not formatted: ").map { String(line[..<$0.lowerBound]) }
    }
    #expect(reported == notFormatted + ["okr: cannot read \(missing): no such file or folder"])
  }

  @Test func unreadableInputAndBadUsageExitWithTwo() throws {
    let folder = try ScratchFolder()
    let missing = try OKRBinary.run(["fmt", folder.path("missing.okr")])
    #expect(missing.status == 2)
    #expect(missing.errors.contains("no such file or folder"))
    let path = try folder.write("cs.okr", Self.canonical)
    #expect(try OKRBinary.run(["fmt", "--check", "--write", path]).status == 2)
  }

  @Test func writeRefusesALinkThatLeadsOutOfTheFolder() throws {
    let folder = try ScratchFolder()
    let outside = try folder.write("outside/cs.okr", Self.messy)
    try FileManager.default.createDirectory(atPath: folder.path("plans"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: folder.path("plans/cs.okr"), withDestinationPath: outside)
    let result = try OKRBinary.run(["fmt", "--write", folder.path("plans")])
    #expect(result.status == 2)
    #expect(result.errors.contains("symbolic link"))
    #expect(try String(contentsOfFile: outside, encoding: .utf8) == Self.messy)
  }

  @Test func writeGoesThroughALinkInsideTheFolder() throws {
    let folder = try ScratchFolder()
    let target = try folder.write("plans/teams/cs.okr", Self.messy)
    try FileManager.default.createSymbolicLink(atPath: folder.path("plans/cs.okr"), withDestinationPath: target)
    let result = try OKRBinary.run(["fmt", "--write", folder.path("plans/cs.okr")])
    #expect(result.status == 0)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == Self.canonical)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("plans/cs.okr")) == target)
  }

  private func inode(_ path: String) throws -> Int? {
    try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
  }
}

import Foundation
import Testing

/// Command lines with many paths (`okr check teams/*.okr`): the binary hands long runs of paths
/// to swift-argument-parser joined (see ArgumentBundling in the okr target), and every command
/// must see each path as written, with options anywhere among them.
@Suite struct LongArgumentListTests {
  /// Forty teams, one file each, and the company: what a shell glob gives.
  static func teams(count: Int = 40) throws -> (folder: ScratchFolder, paths: [String]) {
    let folder = try ScratchFolder()
    try folder.write("acme.okr", "company acme\n")
    var paths = ["acme.okr"]
    for index in 0..<count {
      let path = "teams/t\(index).okr"
      try folder.write(path, "team t\(index) in acme\n")
      paths.append(path)
    }
    return (folder, paths)
  }

  static func run(_ arguments: [String], in folder: ScratchFolder) throws -> OKRBinary.Finished {
    let finished = try OKRBinary.run(arguments, in: folder.url)
    #expect(finished.exitedNormally, "okr \(arguments.prefix(3).joined(separator: " ")) … crashed or hung")
    return finished
  }

  @Test func everyPathOfALongListIsChecked() throws {
    let (folder, paths) = try Self.teams()
    let result = try Self.run(["check"] + paths, in: folder)
    #expect(result.status == 0)
    #expect(result.output == "ok: 41 files checked, no problems\n")
  }

  @Test func optionsAmongThePathsStillApply() throws {
    let (folder, paths) = try Self.teams()
    try folder.write("teams/broken.okr", "team broken in acmee\n")
    let arguments = ["check"] + paths[..<20] + ["--format", "json"] + paths[20...] + ["teams/broken.okr"]
    let result = try Self.run(arguments, in: folder)
    #expect(result.status == 1)
    #expect(result.output.hasPrefix("{"))
    #expect(result.output.contains("\"file\": \"teams/broken.okr\""))
    #expect(result.output.contains("unknown entity 'acmee'"))
  }

  @Test func anEmptyOrMissingPathInALongListIsReportedAsWritten() throws {
    let (folder, paths) = try Self.teams()
    let arguments = ["check"] + paths[..<10] + ["", "teams/missing file.okr"] + paths[10...]
    let result = try Self.run(arguments, in: folder)
    #expect(result.status == 2)
    #expect(result.errors.contains("okr: cannot read teams/missing file.okr"))
    #expect(result.errors.components(separatedBy: "okr: cannot read").count == 3)
    #expect(result.output.contains("41 files checked"))
  }

  @Test func aQueryAfterManyPathsIsStillTheQuery() throws {
    let (folder, paths) = try Self.teams()
    let result = try Self.run(["query", "--format", "json"] + paths + ["entities where level = team"], in: folder)
    #expect(result.status == 0)
    #expect(result.output.components(separatedBy: "\"level\": \"team\"").count - 1 == 40)
  }

  @Test func formattingChecksEveryListedFile() throws {
    let (folder, paths) = try Self.teams()
    try folder.write("teams/untidy.okr", "team   untidy in acme\n")
    let result = try Self.run(["fmt", "--check"] + paths + ["teams/untidy.okr"], in: folder)
    #expect(result.status == 1)
    #expect(result.output.contains("teams/untidy.okr"))
    #expect(!result.output.contains("teams/t7.okr"))
  }
}

import Foundation
import Testing

@testable import OKRKit

/// `okr export` end to end: runs the built binary.
@Suite struct ExportCommandTests {
  static let sample = ExportFixtures.samples.appendingPathComponent("product-launch.okr").path

  private func export(_ arguments: [String]) throws -> OKRBinary.Finished {
    try OKRBinary.run(["export"] + arguments)
  }

  @Test(arguments: ExportFormat.allCases) func writesEachFormatToStandardOutput(_ format: ExportFormat) throws {
    let result = try export([Self.sample, "--format", format.rawValue, "--as-of", "2026-05-01"])
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    let golden = ExportFixtures.folder.appendingPathComponent(ExportFixtures.goldenName("product-launch", format))
    #expect(result.output == (try String(contentsOf: golden, encoding: .utf8)))
  }

  @Test func outputCreatesANewFileReadableAsTheUmaskAllows() throws {
    let folder = try ScratchFolder()
    let target = folder.path("report.md")
    let result = try export([Self.sample, "--format", "markdown", "--as-of", "2026-05-01", "--output", target])
    #expect(result.status == 0)
    #expect(result.output.isEmpty)
    #expect(result.errors.isEmpty)
    #expect(
      try String(contentsOfFile: target, encoding: .utf8) == (try ExportFixtures.export("product-launch").markdown()))
    if let mask = Self.umask() {
      #expect(try Self.mode(of: target) == 0o666 & ~mask)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report.md"])
  }

  @Test func outputReplacesAnExistingFileAndKeepsItsPermissions() throws {
    let folder = try ScratchFolder()
    let target = try folder.write("graph.dot", "old text that is longer than nothing\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
    let result = try export([Self.sample, "--format", "dot", "--as-of", "2026-05-01", "-o", target])
    #expect(result.status == 0)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == (try ExportFixtures.export("product-launch").dot()))
    #expect(try Self.mode(of: target) == 0o640)
  }

  @Test func anUnwritableOutputIsBadInputAndLeavesNothing() throws {
    let folder = try ScratchFolder()
    let intoFolder = try export([Self.sample, "--format", "json", "--output", folder.url.path])
    #expect(intoFolder.status == 2)
    #expect(intoFolder.errors.contains("it is a folder"))
    let missing = folder.path("missing/report.json")
    let intoNowhere = try export([Self.sample, "--format", "json", "--output", missing])
    #expect(intoNowhere.status == 2)
    #expect(intoNowhere.errors.contains("cannot write \(missing)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
  }

  @Test func aPlanWithErrorsIsExportedAnyway() throws {
    let varied = ExportFixtures.folder.appendingPathComponent("varied.okr").path
    let result = try export([varied, "--format", "mermaid", "--as-of", "2026-05-01"])
    #expect(result.status == 0)
    #expect(result.errors == "okr: the plan has 1 error (okr check lists them); exporting anyway\n")
    #expect(result.output == (try ExportFixtures.export("varied").mermaid()))
  }

  @Test func aFolderIsExportedWhole() throws {
    let result = try export([ExportFixtures.samples.appendingPathComponent("acme").path, "--format", "json"])
    #expect(result.status == 0)
    let document = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    #expect((document?["objectives"] as? [Any])?.isEmpty == false)
  }

  @Test func badUsageAndUnreadableInputExitWithTwo() throws {
    let cases: [([String], String)] = [
      ([Self.sample], "--format"),
      ([Self.sample, "--format", "svg"], "svg"),
      ([Self.sample, "--format", "json", "--as-of", "2026-13-01"], "--as-of"),
      ([Self.sample, "--format", "json", "--output", ""], "--output"),
      (["/no/such/plan.okr", "--format", "json"], "cannot read /no/such/plan.okr"),
    ]
    for (arguments, mention) in cases {
      let result = try export(arguments)
      #expect(result.status == 2, "okr export \(arguments)")
      #expect(result.output.isEmpty)
      #expect(result.errors.contains(mention), "okr export \(arguments) said: \(result.errors)")
    }
  }

  /// A file's permission bits.
  private static func mode(of path: String) throws -> UInt32 {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return ((attributes[.posixPermissions] as? NSNumber)?.uint32Value ?? 0) & 0o777
  }

  /// The process's umask, read from `/proc` (changing it to read it would race with other tests).
  private static func umask() -> UInt32? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") })
    else { return nil }
    return UInt32(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
  }
}

import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `okr check` as users and CI jobs run it: the built binary, real files, exit codes and output.
@Suite struct CheckCommandTests {
  static let cleanPlan = """
    company acme "Acme Corp" {
      admin ceo
      objective growth "Grow revenue" {
        cycle 2026
        owner ceo
        kr revenue "Revenue to 10M" from 5 to 10
      }
    }
    person ceo "Casey Ortiz" in acme

    """

  static let brokenPlan = """
    company acme "Acme Corp" {
      objectiv growth "Grow revenue"
    }
    cycle FY26 2026-Q9

    """

  @Test func aCleanPlanExitsZero() throws {
    let folder = try ScratchFolder(["acme.okr": Self.cleanPlan])
    let result = try OKRProcess.run(["check", "acme.okr"], in: folder)
    #expect(result.status == 0)
    #expect(result.stdout == "ok: 1 file checked, no problems\n")
    #expect(result.stderr == "")
  }

  @Test func errorsExitOne() throws {
    let folder = try ScratchFolder(["acme.okr": Self.brokenPlan])
    let result = try OKRProcess.run(["check", "--color", "never", "acme.okr"], in: folder)
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("error[syntax]: expected 'objective', 'admin' or 'lead' in a company block, found 'objectiv'\n --> acme.okr:2:3\n"))
    #expect(result.stdout.contains("error[invalid-literal]: '2026-Q9' is not a period\n --> acme.okr:4:12\n"))
    #expect(result.stdout.hasSuffix("\n\n2 errors, 0 warnings in 1 file\n"))
  }

  @Test func unreadableInputExitsTwo() throws {
    let folder = try ScratchFolder(["acme.okr": Self.cleanPlan])
    let missing = try OKRProcess.run(["check", "acme.okr", "missing.okr"], in: folder)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("okr: cannot read missing.okr: no such file or folder"))

    #expect(mkfifo(folder.url.appendingPathComponent("pipe.okr").path, 0o600) == 0)
    let fifo = try OKRProcess.run(["check", "pipe.okr"], in: folder)
    #expect(fifo.status == 2)
    #expect(fifo.stderr.contains("okr: cannot read pipe.okr: not a regular file"))

    let empty = try ScratchFolder(["notes.txt": "no plans here"])
    let noPlans = try OKRProcess.run(["check", "."], in: empty)
    #expect(noPlans.status == 2)
  }

  @Test(arguments: [
    ["check", "--bogus", "acme.okr"],
    ["check", "--format", "xml", "acme.okr"],
    ["check", "--color", "sometimes", "acme.okr"],
    ["check", "--max-diagnostics=-1", "acme.okr"],
    ["check"],
    ["chekc", "acme.okr"],
  ])
  func badUsageExitsTwo(_ arguments: [String]) throws {
    let folder = try ScratchFolder(["acme.okr": Self.cleanPlan])
    let result = try OKRProcess.run(arguments, in: folder)
    #expect(result.status == 2)
    #expect(result.stderr.contains("Error") || result.stderr.contains("error"))
  }

  @Test func jsonHasExactlyTheDocumentedKeys() throws {
    let folder = try ScratchFolder(["acme.okr": Self.brokenPlan])
    let result = try OKRProcess.run(["check", "--format", "json", "acme.okr"], in: folder)
    #expect(result.status == 1)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(Set(document.keys) == ["diagnostics", "errors", "warnings"])
    #expect(document["errors"] as? Int == 2)
    #expect(document["warnings"] as? Int == 0)
    let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.count == 2)
    for diagnostic in diagnostics {
      #expect(Set(diagnostic.keys) == ["rule", "severity", "file", "line", "column", "message"])
      #expect(diagnostic["file"] as? String == "acme.okr")
      #expect(diagnostic["severity"] as? String == "error")
      #expect(diagnostic["message"] is String)
    }
    #expect(diagnostics.map { $0["rule"] as? String } == ["syntax", "invalid-literal"])
    #expect(diagnostics.map { $0["line"] as? Int } == [2, 4])
    #expect(diagnostics.map { $0["column"] as? Int } == [3, 12])
  }

  @Test func jsonOfACleanPlanHasNoDiagnostics() throws {
    let folder = try ScratchFolder(["acme.okr": Self.cleanPlan])
    let result = try OKRProcess.run(["check", "--format", "json", "acme.okr"], in: folder)
    #expect(result.status == 0)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect((document["diagnostics"] as? [Any])?.isEmpty == true)
    #expect(document["errors"] as? Int == 0)
  }

  @Test func aFolderLoadsEveryPlanFileBelowItSorted() throws {
    let folder = try ScratchFolder([
      "plan/b.okr": "team b {\n  bogus\n}\n",
      "plan/a.okr": "team a {\n  bogus\n}\n",
      "plan/teams/c.okr": "team c {\n  bogus\n}\n",
      "plan/.hidden/d.okr": "team d {\n  bogus\n}\n",
      "plan/notes.md": "# not a plan",
    ])
    for argument in ["plan", "plan/"] {
      let result = try OKRProcess.run(["check", "--format", "json", argument], in: folder)
      #expect(result.status == 1)
      let document = try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let files = (document["diagnostics"] as? [[String: Any]])?.map { $0["file"] as? String }
      #expect(files == ["plan/a.okr", "plan/b.okr", "plan/teams/c.okr"])
    }
  }

  @Test func includedFilesAreShownRelativeToTheIncludingFile() throws {
    let folder = try ScratchFolder([
      "plan/root.okr": "include \"teams/*.okr\"\n",
      "plan/teams/cs.okr": "team cs {\n  bogus\n}\n",
    ])
    let result = try OKRProcess.run(["check", "--color", "never", "plan/root.okr"], in: folder)
    #expect(result.status == 1)
    #expect(result.stdout.contains(" --> plan/teams/cs.okr:2:3\n"))
  }

  @Test func colourFollowsTheOptionAndNoColor() throws {
    let folder = try ScratchFolder(["acme.okr": Self.brokenPlan])
    let always = try OKRProcess.run(["check", "--color", "always", "acme.okr"], in: folder)
    #expect(always.stdout.contains("\u{1B}[31;1merror[syntax]\u{1B}[0m"))
    let never = try OKRProcess.run(["check", "--color", "never", "acme.okr"], in: folder)
    #expect(!never.stdout.contains("\u{1B}"))
    // Output to a pipe is not coloured by default, and NO_COLOR keeps it so.
    let auto = try OKRProcess.run(["check", "acme.okr"], in: folder)
    #expect(!auto.stdout.contains("\u{1B}"))
    let noColor = try OKRProcess.run(["check", "--color", "auto", "acme.okr"], in: folder, environment: ["NO_COLOR": "1"])
    #expect(!noColor.stdout.contains("\u{1B}"))
    // JSON is never coloured.
    let json = try OKRProcess.run(["check", "--color", "always", "--format", "json", "acme.okr"], in: folder)
    #expect(!json.stdout.contains("\u{1B}"))
  }

  @Test func maxDiagnosticsLimitsTheTextOutput() throws {
    let folder = try ScratchFolder(["acme.okr": "team a {\n  one\n  two\n  three\n}\n"])
    let one = try OKRProcess.run(["check", "--max-diagnostics", "1", "acme.okr"], in: folder)
    #expect(one.status == 1)
    #expect(one.stdout.components(separatedBy: "error[syntax]").count == 2)
    #expect(one.stdout.hasSuffix("… and 2 more (--max-diagnostics or --format json shows all)\n3 errors, 0 warnings in 1 file\n"))
    let none = try OKRProcess.run(["check", "--max-diagnostics", "0", "acme.okr"], in: folder)
    #expect(none.stdout == "… and 3 more (--max-diagnostics or --format json shows all)\n3 errors, 0 warnings in 1 file\n")
    let all = try OKRProcess.run(["check", "--max-diagnostics", "3", "acme.okr"], in: folder)
    #expect(all.stdout.components(separatedBy: "error[syntax]").count == 4)
    #expect(!all.stdout.contains("more (--max-diagnostics"))
    // JSON always has every diagnostic.
    let json = try OKRProcess.run(["check", "--max-diagnostics", "1", "--format", "json", "acme.okr"], in: folder)
    #expect(json.stdout.components(separatedBy: "\"rule\"").count == 4)
  }

  @Test func controlCharactersInTheSourceAreShownEscaped() throws {
    let folder = try ScratchFolder(["evil.okr": "team cs \"Evil \u{1B}[2J title\" {\n  bogus\n}\nteam x \"\u{1B}]0;pwned\u{7}\" { bogus }\n"])
    let result = try OKRProcess.run(["check", "--color", "never", "evil.okr"], in: folder)
    #expect(result.status == 1)
    #expect(result.stdout.contains("4 | team x \"\\u{1B}]0;pwned\\u{7}\" { bogus }"))
    #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
  }

  @Test func aPathWithAnEscapeCharacterIsShownEscaped() throws {
    let name = "bad\u{1B}[31m.okr"
    let folder = try ScratchFolder([name: "bogus\n"])
    let result = try OKRProcess.run(["check", "--color", "never", name, "gone\u{1B}.okr"], in: folder)
    #expect(result.status == 2)
    #expect(result.stdout.contains(" --> bad\\u{1B}[31m.okr:1:1"))
    #expect(result.stderr.contains("okr: cannot read gone\\u{1B}.okr"))
    #expect(!(result.stdout + result.stderr).unicodeScalars.contains { $0.value == 0x1B })
  }
}

/// A temporary folder with files, removed when the value goes away.
final class ScratchFolder {
  let url: URL

  init(_ files: [String: String]) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("okr-cli-\(UUID().uuidString)")
    for (path, text) in files {
      let file = url.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs the `okr` executable that `swift build` / `swift test` put next to the test bundle.
enum OKRProcess {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  struct Timeout: Error, CustomStringConvertible {
    var arguments: [String]
    var description: String { "okr \(arguments.joined(separator: " ")) did not finish within 60 seconds" }
  }

  /// The built binary: in the build folder that holds this test bundle's resources.
  static let executable: URL = {
    let buildFolder = Bundle.module.bundleURL.deletingLastPathComponent()
    let beside = buildFolder.appendingPathComponent("okr")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug/okr")
  }()

  /// Runs `okr arguments` in `folder` with a plain environment (no NO_COLOR unless given).
  static func run(_ arguments: [String], in folder: ScratchFolder, environment: [String: String] = [:]) throws
    -> Result
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder.url
    var variables = ProcessInfo.processInfo.environment
    variables["NO_COLOR"] = nil
    variables["TERM"] = "xterm-256color"
    process.environment = variables.merging(environment) { $1 }
    // Files, not pipes: no deadlock however much the command prints.
    let outURL = folder.url.appendingPathComponent(".stdout-\(UUID().uuidString)")
    let errURL = folder.url.appendingPathComponent(".stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outURL)
      try? FileManager.default.removeItem(at: errURL)
    }
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw Timeout(arguments: arguments)
    }
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}

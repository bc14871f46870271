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

  /// A scratch folder holding `files` (relative path → text).
  static func folder(_ files: [String: String]) throws -> ScratchFolder {
    let folder = try ScratchFolder()
    for (path, text) in files { try folder.write(path, text) }
    return folder
  }

  /// Runs `okr` in `folder` with NO_COLOR unset unless given, as in an ordinary shell.
  static func run(_ arguments: [String], in folder: ScratchFolder, noColor: String = "") throws -> OKRBinary.Finished {
    let finished = try OKRBinary.run(
      arguments, in: folder.url, environment: ["NO_COLOR": noColor, "TERM": "xterm-256color"])
    #expect(finished.exitedNormally, "okr \(arguments.joined(separator: " ")) crashed or hung")
    return finished
  }

  @Test func aCleanPlanExitsZero() throws {
    let folder = try Self.folder(["acme.okr": Self.cleanPlan])
    let result = try Self.run(["check", "acme.okr"], in: folder)
    #expect(result.status == 0)
    #expect(result.output == "ok: 1 file checked, no problems\n")
    #expect(result.errors == "")
  }

  @Test func errorsExitOne() throws {
    let folder = try Self.folder(["acme.okr": Self.brokenPlan])
    let result = try Self.run(["check", "--color", "never", "acme.okr"], in: folder)
    #expect(result.status == 1)
    #expect(
      result.output.hasPrefix(
        "error[syntax]: expected 'objective', 'admin' or 'lead' in a company block, found 'objectiv'\n --> acme.okr:2:3\n"
      ))
    #expect(result.output.contains("error[invalid-literal]: '2026-Q9' is not a period\n --> acme.okr:4:12\n"))
    #expect(result.output.hasSuffix("\n\n2 errors, 0 warnings in 1 file\n"))
  }

  @Test func unreadableInputExitsTwo() throws {
    let folder = try Self.folder(["acme.okr": Self.cleanPlan])
    let missing = try Self.run(["check", "acme.okr", "missing.okr"], in: folder)
    #expect(missing.status == 2)
    #expect(missing.errors.contains("okr: cannot read missing.okr: no such file or folder"))

    #expect(mkfifo(folder.path("pipe.okr"), 0o600) == 0)
    let fifo = try Self.run(["check", "pipe.okr"], in: folder)
    #expect(fifo.status == 2)
    #expect(fifo.errors.contains("okr: cannot read pipe.okr: not a regular file"))

    let empty = try Self.folder(["notes.txt": "no plans here"])
    let noPlans = try Self.run(["check", "."], in: empty)
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
    let folder = try Self.folder(["acme.okr": Self.cleanPlan])
    let result = try Self.run(arguments, in: folder)
    #expect(result.status == 2)
    #expect(result.errors.contains("Error") || result.errors.contains("error"))
  }

  @Test func jsonHasExactlyTheDocumentedKeys() throws {
    let folder = try Self.folder(["acme.okr": Self.brokenPlan])
    let result = try Self.run(["check", "--format", "json", "acme.okr"], in: folder)
    #expect(result.status == 1)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
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
    let folder = try Self.folder(["acme.okr": Self.cleanPlan])
    let result = try Self.run(["check", "--format", "json", "acme.okr"], in: folder)
    #expect(result.status == 0)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect((document["diagnostics"] as? [Any])?.isEmpty == true)
    #expect(document["errors"] as? Int == 0)
  }

  @Test func aFolderLoadsEveryPlanFileBelowItSorted() throws {
    let folder = try Self.folder([
      "plan/b.okr": "team b {\n  bogus\n}\n",
      "plan/a.okr": "team a {\n  bogus\n}\n",
      "plan/teams/c.okr": "team c {\n  bogus\n}\n",
      "plan/.hidden/d.okr": "team d {\n  bogus\n}\n",
      "plan/notes.md": "# not a plan",
    ])
    for argument in ["plan", "plan/"] {
      let result = try Self.run(["check", "--format", "json", argument], in: folder)
      #expect(result.status == 1)
      let document = try #require(
        try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
      let files = (document["diagnostics"] as? [[String: Any]])?.map { $0["file"] as? String }
      #expect(files == ["plan/a.okr", "plan/b.okr", "plan/teams/c.okr"])
    }
  }

  @Test func includedFilesAreShownRelativeToTheIncludingFile() throws {
    let folder = try Self.folder([
      "plan/root.okr": "include \"teams/*.okr\"\n",
      "plan/teams/cs.okr": "team cs {\n  bogus\n}\n",
    ])
    let result = try Self.run(["check", "--color", "never", "plan/root.okr"], in: folder)
    #expect(result.status == 1)
    #expect(result.output.contains(" --> plan/teams/cs.okr:2:3\n"))
  }

  @Test func colourFollowsTheOptionAndNoColor() throws {
    let folder = try Self.folder(["acme.okr": Self.brokenPlan])
    let always = try Self.run(["check", "--color", "always", "acme.okr"], in: folder)
    #expect(always.output.contains("\u{1B}[31;1merror[syntax]\u{1B}[0m"))
    let never = try Self.run(["check", "--color", "never", "acme.okr"], in: folder)
    #expect(!never.output.contains("\u{1B}"))
    // Output to a pipe is not coloured by default, and NO_COLOR keeps it so.
    let auto = try Self.run(["check", "acme.okr"], in: folder)
    #expect(!auto.output.contains("\u{1B}"))
    let noColor = try Self.run(["check", "--color", "auto", "acme.okr"], in: folder, noColor: "1")
    #expect(!noColor.output.contains("\u{1B}"))
    // JSON is never coloured.
    let json = try Self.run(["check", "--color", "always", "--format", "json", "acme.okr"], in: folder)
    #expect(!json.output.contains("\u{1B}"))
  }

  @Test func maxDiagnosticsLimitsTheTextOutput() throws {
    let folder = try Self.folder(["acme.okr": "team a {\n  one\n  two\n  three\n}\n"])
    let one = try Self.run(["check", "--max-diagnostics", "1", "acme.okr"], in: folder)
    #expect(one.status == 1)
    #expect(one.output.components(separatedBy: "error[syntax]").count == 2)
    #expect(
      one.output.hasSuffix(
        "… and 2 more (--max-diagnostics or --format json shows all)\n3 errors, 0 warnings in 1 file\n"))
    let none = try Self.run(["check", "--max-diagnostics", "0", "acme.okr"], in: folder)
    #expect(
      none.output == "… and 3 more (--max-diagnostics or --format json shows all)\n3 errors, 0 warnings in 1 file\n")
    let all = try Self.run(["check", "--max-diagnostics", "3", "acme.okr"], in: folder)
    #expect(all.output.components(separatedBy: "error[syntax]").count == 4)
    #expect(!all.output.contains("more (--max-diagnostics"))
    // JSON always has every diagnostic.
    let json = try Self.run(["check", "--max-diagnostics", "1", "--format", "json", "acme.okr"], in: folder)
    #expect(json.output.components(separatedBy: "\"rule\"").count == 4)
  }

  @Test func controlCharactersInTheSourceAreShownEscaped() throws {
    let folder = try Self.folder([
      "evil.okr": "team cs \"Evil \u{1B}[2J title\" {\n  bogus\n}\nteam x \"\u{1B}]0;pwned\u{7}\" { bogus }\n"
    ])
    let result = try Self.run(["check", "--color", "never", "evil.okr"], in: folder)
    #expect(result.status == 1)
    #expect(result.output.contains("4 | team x \"\\u{1B}]0;pwned\\u{7}\" { bogus }"))
    #expect(!result.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
  }

  @Test func aPathWithAnEscapeCharacterIsShownEscaped() throws {
    let name = "bad\u{1B}[31m.okr"
    let folder = try Self.folder([name: "bogus\n"])
    let result = try Self.run(["check", "--color", "never", name, "gone\u{1B}.okr"], in: folder)
    #expect(result.status == 2)
    #expect(result.output.contains(" --> bad\\u{1B}[31m.okr:1:1"))
    #expect(result.errors.contains("okr: cannot read gone\\u{1B}.okr"))
    #expect(!(result.output + result.errors).unicodeScalars.contains { $0.value == 0x1B })
  }
}

/// Commands on a plan large enough that the process leaves its memory to be freed after it ends.
@Suite struct LargePlanCommandTests {
  @Test func checkAndQueryEndWithTheirOutputAndExitCode() throws {
    var text = "company c \"C\" {\n"
    for index in 0..<100_000 {
      text += "  objective o\(index) \"Goal \(index)\" {\n    cycle 2026\n    kr k1 \"Ship\" progress 40%\n  }\n"
    }
    text += "}\ncompany d \"D\" {\n  objective x \"Broken\" { bogus }\n}\n"
    let folder = try CheckCommandTests.folder(["large.okr": text])

    let checked = try CheckCommandTests.run(["check", "--max-diagnostics", "0", "large.okr"], in: folder)
    #expect(checked.status == 1)
    #expect(
      checked.output.hasSuffix(
        "… and 3 more (--max-diagnostics or --format json shows all)\n1 error, 2 warnings in 1 file\n"))

    let answered = try CheckCommandTests.run(["query", "large.okr", "progress c.o99999"], in: folder)
    #expect(answered.status == 0)
    #expect(answered.output.hasPrefix("c.o99999  ████░░░░░░ 40.0%"))
    #expect(answered.errors.contains("the plan has 1 error"))
  }
}

/// The `okr` command itself.
@Suite struct RootCommandTests {
  @Test func aMistypedCommandGetsASuggestionAndExitCodeTwo() throws {
    let finished = try OKRBinary.run(["chek", "samples"])
    #expect(finished.status == 2)
    #expect(finished.errors.contains("did you mean `check`?"))
  }
}

import Foundation
import OKRDisk
import OKRKit
import OKRLineEditing
import Testing

@testable import OKRRepl

/// Golden transcripts: scripted lines go into a REPL session; prompts, input and answers are
/// recorded together and compared with `Transcripts/NAME.transcript` (`OKR_RECORD=1` rewrites).
@Suite struct ReplTranscriptTests {
  /// A reader that plays a script and writes each prompt and line into the transcript.
  final class TranscriptReader: LineReader {
    var lines: [LineReadResult]
    let transcript: Transcript

    init(_ lines: [LineReadResult], transcript: Transcript) {
      self.lines = lines
      self.transcript = transcript
    }

    func readLine(prompt: String) -> LineReadResult {
      guard !lines.isEmpty else {
        transcript.text += prompt + "^D\n"
        return .endOfInput
      }
      let next = lines.removeFirst()
      switch next {
      case .line(let line): transcript.text += prompt + line + "\n"
      case .interrupted: transcript.text += prompt + "^C\n"
      case .endOfInput: transcript.text += prompt + "^D\n"
      }
      return next
    }
  }

  final class Transcript {
    var text = ""
  }

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Transcripts")

  /// Runs `script` against a copy of the fixture plan in a scratch folder; `edit` may change files mid-way.
  func transcript(_ script: [LineReadResult], interactive: Bool = true) throws -> (String, ReplSession) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okr-repl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("acme.okr")
    try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("acme.okr"), to: plan)
    let session = OKRSession(asOf: Day(year: 2026, month: 2, day: 20)!)
    let fileSystem = DiskFileSystem()
    session.load(paths: [plan.path], fileSystem: fileSystem)
    let transcript = Transcript()
    let reader = TranscriptReader(script, transcript: transcript)
    let repl = ReplSession(session: session, reader: reader, fileSystem: fileSystem, interactive: interactive) {
      transcript.text += $0
    }
    repl.run()
    return (transcript.text.replacingOccurrences(of: folder.path, with: "$TMP"), repl)
  }

  func expectGolden(_ name: String, _ actual: String) throws {
    let url = Self.fixtures.appendingPathComponent(name + ".transcript")
    if ProcessInfo.processInfo.environment["OKR_RECORD"] != nil {
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "transcript \(name) differs; rerun with OKR_RECORD=1 to rewrite it")
  }

  @Test func questionsAndAnswers() throws {
    let (text, repl) = try transcript([
      .line("progress cs.csat95"), .line("tree acme"), .line("objectives where level = team sort progress"),
      .line("impact bob.rating on acme.csat"), .line("check"), .line("stats"),
    ])
    try expectGolden("questions", text)
    #expect(!repl.hadErrors)
  }

  @Test func mistakesGetSuggestionsAndTheSessionGoesOn() throws {
    let (text, repl) = try transcript([
      .line("progres cs.csat95"), .line("progress cs.csat59"), .line("objectives where progres > 50%"),
      .line("objectives where progress > 2026-01-01"), .line(":frmat json"), .line(":lo"), .line(":x"),
      .line(":as-of 2026-02-30"), .line("progress cs.csat95"),
    ])
    try expectGolden("mistakes", text)
    #expect(repl.hadErrors)
  }

  @Test func multiLineInputContinuesUntilBalanced() throws {
    let (text, _) = try transcript([
      .line("objectives where (level = team"), .line("  or level = person) sort progress"),
      .line("objectives where title contains \"Reach"), .line("\""),
    ])
    try expectGolden("multiline", text)
  }

  @Test func whatIfShowsInThePromptUntilReset() throws {
    let (text, _) = try transcript([
      .line("set cs.csat95.score current 95"), .line("progress acme.csat"), .line("reset"),
      .line("progress acme.csat"),
    ])
    try expectGolden("whatif", text)
    #expect(text.contains("okr*> progress acme.csat"))
  }

  @Test func metaCommandsChangeDateAndFormat() throws {
    let (text, _) = try transcript([
      .line(":as-of"), .line(":as-of 2026-03-31"), .line("progress cs.csat95"), .line(":format json"),
      .line("progress cs.csat95"), .line(":f text"), .line(":help"), .line(":help tree"), .line(":h listings"),
      .line(":help sett"), .interrupted, .line(":q"), .line("never read"),
    ])
    try expectGolden("meta", text)
    #expect(!text.contains("never read"))
  }

  @Test func aChangedFileIsReloadedBeforeTheNextQuery() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okr-reload-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("acme.okr")
    try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("acme.okr"), to: plan)
    let session = OKRSession(asOf: Day(year: 2026, month: 2, day: 20)!)
    let fileSystem = DiskFileSystem()
    session.load(paths: [plan.path], fileSystem: fileSystem)
    var output = ""
    final class EditingReader: LineReader {
      var step = 0
      let plan: URL
      init(plan: URL) { self.plan = plan }
      func readLine(prompt: String) -> LineReadResult {
        step += 1
        switch step {
        case 1: return .line("progress cs.csat95")
        case 2:
          // Edit the plan between two queries: the score moves from 91% to 95%.
          let text = try! String(contentsOf: plan, encoding: .utf8)
          try! text.replacingOccurrences(of: "current 91%", with: "current 95%").write(
            to: plan, atomically: true, encoding: .utf8)
          return .line("progress cs.csat95")
        default: return .endOfInput
        }
      }
    }
    let repl = ReplSession(
      session: session, reader: EditingReader(plan: plan), fileSystem: fileSystem,
      interactive: false
    ) { output += $0 }
    repl.run()
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.count == 3, "\(output)")
    #expect(lines[0].contains("38.1%"))
    #expect(lines[1].hasPrefix("okr: reloaded ("))
    #expect(lines[2].contains("66.7%"))
  }
}

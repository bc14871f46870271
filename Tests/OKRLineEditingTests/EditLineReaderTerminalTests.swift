#if os(Linux)
  import Foundation
  import Testing

  /// Real libedit editing, proved by typing at `LineEditProbe` in a pseudo-terminal.
  @Suite struct EditLineReaderTerminalTests {
    @Test func editingCompletionInterruptAndEndOfInput() throws {
      try withTemporaryHome { home in
        let terminal = try PseudoTerminal(
          executable: probePath, environment: probeEnvironment(home: home))
        try terminal.expect("probe> ")

        // Tab fills in a unique completion, followed by a space.
        try terminal.send("cs.c\t\r")
        try terminal.expectLine("got: cs.csat95 ")

        // After other words too; an ambiguous prefix lists its candidates on the second Tab.
        try terminal.send("show nova.la\t\t")
        try terminal.expect("nova.landing")
        try terminal.expect("nova.launch")
        try terminal.send("u\t\r")
        try terminal.expectLine("got: show nova.launch ")

        // Emacs keys: Ctrl-A goes to the start of the line, Ctrl-E to its end.
        try terminal.send("world\u{01}hello \u{05}!\r")
        try terminal.expectLine("got: hello world!")

        // Non-ASCII input survives, even with no locale in the environment, and
        // completion still finds the word before the cursor.
        try terminal.send("café ✓😀 cs.c\t\r")
        try terminal.expectLine("got: café ✓😀 cs.csat95 ")

        // Ctrl-C abandons the line; the program lives on and prompts again.
        try terminal.send("abandon me")
        try terminal.expect("abandon me")
        try terminal.send("\u{03}")
        try terminal.expectLine("interrupted")
        try terminal.expect("probe> ")
        try terminal.send("after\r")
        try terminal.expectLine("got: after")

        // Ctrl-C right behind other keys (so it often comes while libedit is still busy
        // with them rather than waiting for the next one) ends the line just the same.
        for _ in 0..<20 {
          try terminal.send("typed ahead")
          try terminal.send("\u{03}", whenReading: false)
          try terminal.expectLine("interrupted")
          try terminal.expect("probe> ")
        }

        // Up recalls history, newest first; the abandoned line is not in it.
        try terminal.send("\u{1B}[A\u{1B}[A\u{1B}[A\r")
        try terminal.expectLine("got: hello world!")

        // Ctrl-D on an empty line ends input, and the program exits normally.
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)

        let history = try String(contentsOfFile: home + "/state/okr/history", encoding: .utf8)
        #expect(history.split(separator: "\n").contains("after"))
      }
    }

    @Test func historySurvivesARestart() throws {
      try withTemporaryHome { home in
        let environment = probeEnvironment(home: home)

        let first = try PseudoTerminal(executable: probePath, environment: environment)
        try first.expect("probe> ")
        try first.send("première\r")
        try first.expectLine("got: première")
        try first.send("second\r")
        try first.expectLine("got: second")
        try first.send("\u{04}")
        #expect(try first.waitForExit() == 0)

        let second = try PseudoTerminal(executable: probePath, environment: environment)
        try second.expect("probe> ")
        try second.send("\u{1B}[A\u{1B}[A\r")
        try second.expectLine("got: première")
        try second.send("\u{04}")
        #expect(try second.waitForExit() == 0)
      }
    }
  }

  /// The LineEditProbe executable: `$OKR_LINE_EDIT_PROBE` when set, otherwise the
  /// one next to the running test binary. SwiftPM builds all of the package's
  /// executables into the folder that holds the test binary (`.build/debug/`, or
  /// under whatever `--scratch-path` names), and `swift test` builds them too.
  private let probePath: String = {
    if let path = ProcessInfo.processInfo.environment["OKR_LINE_EDIT_PROBE"] {
      return path
    }
    let testBinary =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
    return (testBinary as NSString).deletingLastPathComponent + "/LineEditProbe"
  }()

  /// A predictable environment: a known terminal type, no user ~/.editrc, history
  /// under `home`, and deliberately no LANG or LC_*, as in many CI jobs.
  private func probeEnvironment(home: String) -> [String: String] {
    ["TERM": "xterm", "HOME": home, "XDG_STATE_HOME": home + "/state"]
  }

  /// Runs `body` with the path of a fresh folder, removed afterwards.
  private func withTemporaryHome(_ body: (String) throws -> Void) throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent(
      "okr-lineedit-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: home) }
    try body(home)
  }
#endif

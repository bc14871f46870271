#if os(Linux)
  import Foundation
  import Testing

  /// `okr repl` in a real pseudo-terminal: libedit editing, Tab completion of plan names,
  /// Ctrl-C that does not exit, history recalled in the next session.
  @Suite struct OKRReplTerminalTests {
    /// `okr`, built next to the running test binary.
    private let okrPath: String = {
      let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
      return (testBinary as NSString).deletingLastPathComponent + "/okr"
    }()

    /// The repository's product-launch sample.
    private let samplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("samples/product-launch.okr").path

    @Test func completionInterruptAndHistoryInARealTerminal() throws {
      let home = FileManager.default.temporaryDirectory.appendingPathComponent("okr-repl-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(atPath: home) }
      let environment = ["TERM": "xterm", "HOME": home, "XDG_STATE_HOME": home + "/state", "NO_COLOR": "1"]
      let arguments = ["repl", samplePath, "--as-of", "2026-05-01"]

      let terminal = try PseudoTerminal(executable: okrPath, arguments: arguments, environment: environment)
      // A debug build on a busy machine may take a while to start and load the plan.
      try terminal.expect("Type a query", within: .seconds(60))
      try terminal.expect("okr> ", within: .seconds(30))

      // Tab completes a command, then a qualified name from the plan: `progr lumen.launch-a`
      // alone would be an error, so the answer proves both completions (libedit redraws with
      // cursor motions, so the completed words never appear whole in the raw output).
      try terminal.send("progr\t")
      try terminal.send("lumen.launch-a\t")
      try terminal.send("\r")
      try terminal.expect("lumen.launch-aria  ", within: .seconds(30))
      try terminal.expect("expected 32.9%", within: .seconds(30))
      try terminal.expect("okr> ", within: .seconds(30))

      // A typo gets a suggestion; the session goes on.
      try terminal.send("tre lumen\r")
      try terminal.expect("did you mean `tree`", within: .seconds(30))
      try terminal.expect("okr> ", within: .seconds(30))

      // Ctrl-C abandons the line and gives a fresh prompt; the REPL keeps running.
      try terminal.send("objectives where")
      try terminal.send("\u{03}")
      try terminal.expect("okr> ", within: .seconds(30))
      try terminal.send("orphans\r")
      try terminal.expect("okr> ", within: .seconds(30))

      // Again and again, Ctrl-C right behind typed keys: it often comes while libedit is busy
      // with them, not waiting for the next one, and must end the line all the same.
      for _ in 0..<30 {
        try terminal.send("objectives where le")
        try terminal.send("\t", whenReading: false)
        try terminal.send("\u{03}", whenReading: false)
        try terminal.expect("okr> ", within: .seconds(10))
      }

      // Ctrl-D exits cleanly.
      try terminal.send("\u{04}")
      #expect(try terminal.waitForExit() == 0)

      // The next session recalls the earlier query with Up.
      let again = try PseudoTerminal(executable: okrPath, arguments: arguments, environment: environment)
      try again.expect("okr> ", within: .seconds(60))
      try again.send("\u{1B}[A\u{1B}[A\r")
      try again.expect("did you mean `tree`", within: .seconds(30))
      try again.send(":q\r")
      #expect(try again.waitForExit() == 0)
    }
  }
#endif

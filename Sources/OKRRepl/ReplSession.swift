import OKRDisk
import OKRKit
import OKRLineEditing

/// The read–evaluate–print loop of `okr repl`, independent of the terminal: lines come from a
/// ``LineReader`` and answers go to `write`, so tests can drive it with scripted lines.
public final class ReplSession {
  private let session: OKRSession
  private var reader: any LineReader
  private let write: (String) -> Void
  private let fileSystem: any PlanFileSystem
  private let interactive: Bool
  private var watcher: FileChangeWatcher
  /// Whether any query or command failed (the exit status of a script).
  public private(set) var hadErrors = false

  /// - Parameters:
  ///   - session: the plan, loaded or not yet.
  ///   - reader: where lines come from.
  ///   - fileSystem: what `:load` and `:reload` read.
  ///   - interactive: show the welcome line and prompts' hints (a terminal), or only answers (a pipe).
  ///   - write: where output goes.
  public init(
    session: OKRSession, reader: any LineReader, fileSystem: any PlanFileSystem, interactive: Bool,
    write: @escaping (String) -> Void
  ) {
    self.session = session
    self.reader = reader
    self.fileSystem = fileSystem
    self.interactive = interactive
    self.write = write
    self.watcher = FileChangeWatcher(paths: session.plan.sources.files.map(\.path))
  }

  /// The completion function for a line editor over this session's plan.
  public static func completer(for session: OKRSession) -> Completer {
    { line, cursor in
      ReplCompleter(plan: session.plan, commands: QueryParser.commands, setFields: QueryParser.settableFields)
        .complete(line: line, cursor: cursor)
    }
  }

  /// Reads and answers lines until end of input or `:quit`.
  public func run() {
    if interactive {
      write("okr: \(session.summary)\n")
      for failure in session.analysis.failures {
        write("okr: cannot read \(TerminalText.escaped(failure.path)): \(failure.message)\n")
      }
      write("Type a query (e.g. tree, orphans, objectives where status = at-risk), :help for help, :quit to leave.\n")
    }
    var pending = ""
    while true {
      let prompt = pending.isEmpty ? (session.whatIf.isEmpty ? "okr> " : "okr*> ") : "...> "
      switch reader.readLine(prompt: prompt) {
      case .interrupted:
        pending = ""
      case .endOfInput:
        if !pending.isEmpty { _ = handle(pending) }
        return
      case .line(let line):
        // A query is one line to the parser: continuation lines join with a space.
        pending += pending.isEmpty ? line : " " + line
        if InputContinuation.needsMore(pending) { continue }
        let input = pending
        pending = ""
        if !handle(input) { return }
      }
    }
  }

  /// Answers one complete input; false when the session should end.
  func handle(_ input: String) -> Bool {
    let text = input.trimmingWhitespace
    guard !text.isEmpty, !text.hasPrefix("#") else { return true }
    if text.hasPrefix(":") { return runMetaCommand(text) }
    reloadIfChanged()
    InterruptFlag.clear()
    let answer = session.answer(text)
    if InterruptFlag.clear() {
      write("interrupted\n")
      return true
    }
    write(answer.output)
    if let error = answer.error {
      hadErrors = true
      write(error.hasSuffix("\n") ? error : error + "\n")
    }
    return true
  }

  // MARK: - Meta-commands

  private func runMetaCommand(_ text: String) -> Bool {
    let command: MetaCommand
    switch MetaCommand.parse(text) {
    case .failure(let error):
      hadErrors = true
      write(error.message + "\n")
      return true
    case .success(let parsed):
      command = parsed
    }
    switch command {
    case .quit:
      return false
    case .help(let topic):
      write(ReplHelp.text(topic: topic))
    case .load(let paths):
      session.load(paths: paths, fileSystem: fileSystem)
      watcher = FileChangeWatcher(paths: session.plan.sources.files.map(\.path))
      reportLoad()
    case .reload:
      reload(notice: "reloaded")
    case .asOf(let argument):
      guard let argument else {
        write("as of \(session.asOf)\n")
        break
      }
      guard let day = argument == "today" ? SystemClock.today() : Day(argument) else {
        hadErrors = true
        write("error: '\(TerminalText.escaped(argument))' is not a date; write YYYY-MM-DD or today\n")
        break
      }
      session.asOf = day
      write("as of \(day)\n")
    case .format(let argument):
      guard let argument else {
        write("format \(session.format.rawValue)\n")
        break
      }
      guard let format = QueryOutputFormat(rawValue: argument) else {
        hadErrors = true
        write("error: unknown format '\(TerminalText.escaped(argument))'; write :format text or :format json\n")
        break
      }
      session.format = format
      write("format \(format.rawValue)\n")
    }
    return true
  }

  private func reportLoad() {
    write("okr: \(session.summary)\n")
    for failure in session.analysis.failures {
      hadErrors = true
      write("okr: cannot read \(TerminalText.escaped(failure.path)): \(failure.message)\n")
    }
  }

  /// Reloads the plan before a query when one of its files changed on disk.
  private func reloadIfChanged() {
    let changed = watcher.changedPaths()
    guard !changed.isEmpty, !session.paths.isEmpty else { return }
    let names = changed.prefix(3).map(TerminalText.escaped).joined(separator: ", ")
    reload(notice: "reloaded (\(names)\(changed.count > 3 ? ", …" : "") changed)")
  }

  private func reload(notice: String) {
    guard !session.paths.isEmpty else {
      write("nothing to reload: no plan files are loaded (:load PATH)\n")
      return
    }
    let whatIfWasActive = !session.whatIf.isEmpty
    session.load(paths: session.paths, fileSystem: fileSystem)
    watcher = FileChangeWatcher(paths: session.plan.sources.files.map(\.path))
    write("okr: \(notice): \(session.summary)\(whatIfWasActive ? " (what-if changes cleared)" : "")\n")
  }
}

extension String {
  var trimmingWhitespace: String {
    let characters = Array(self)
    var start = 0
    var end = characters.count
    while start < end, characters[start].isWhitespace { start += 1 }
    while end > start, characters[end - 1].isWhitespace { end -= 1 }
    return String(characters[start..<end])
  }
}

/// Where the REPL's input comes from: a terminal with line editing, a pipe, or a test script.
public protocol LineReader {
  /// Reads the next line, showing `prompt` where the reader has a place to show it.
  mutating func readLine(prompt: String) -> LineReadResult
}

/// What a ``LineReader`` got.
public enum LineReadResult: Equatable, Sendable {
  /// A line, without its line terminator.
  case line(String)
  /// Input ended: Ctrl-D on an empty line, or the end of a pipe or script.
  case endOfInput
  /// Ctrl-C abandoned the line being typed; the caller shows a fresh prompt.
  case interrupted
}

/// Choosing the reader that suits how the program was started.
public enum LineReaders {
  /// An ``EditLineReader`` when standard input and output are a terminal and libedit
  /// loads, otherwise a ``PlainLineReader``.
  ///
  /// - Parameters:
  ///   - historyFile: Where the edit reader keeps its history; `nil` keeps none.
  ///     Defaults to ``HistoryFile/defaultPath(environment:)`` for this process.
  ///   - completion: What Tab offers; see ``Completer``.
  public static func makeDefault(
    historyFile: String? = HistoryFile.defaultPath(environment: HistoryFile.processEnvironment),
    completion: @escaping Completer = { _, _ in .none }
  ) -> any LineReader {
    EditLineReader(historyFile: historyFile, completion: completion) ?? PlainLineReader()
  }
}

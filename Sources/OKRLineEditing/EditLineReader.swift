import CLineEdit

#if canImport(Glibc)
  import Glibc
#endif

/// Reads lines from a terminal through libedit: emacs-style editing keys, history
/// recalled with Up and Down and kept between sessions, Tab completion, and Ctrl-C
/// that abandons the line instead of ending the process.
///
/// libedit is loaded when the first reader is created (see `CLineEdit`), so
/// nothing beyond the system's libedit runtime is needed. Its readline emulation
/// is one per process, and so is this reader: create one, and read from one thread.
///
/// Creating the reader installs ``InterruptFlag``. Each line that is not blank and
/// differs from the previous one joins the history, which is saved to the history
/// file at once, so it survives however the session ends.
public final class EditLineReader: LineReader {
  /// The most lines the history keeps; older ones are dropped.
  public static let historyLimit = 1000

  private let historyFile: String?
  private var lastHistoryLine: String?

  /// Creates the reader, or returns `nil` when standard input or output is not a
  /// terminal or libedit cannot be loaded.
  ///
  /// - Parameters:
  ///   - historyFile: Where history is loaded from now and saved to as lines are
  ///     entered; its folder is created if missing. `nil` keeps no history file.
  ///   - completion: What Tab offers; see ``Completer``.
  public init?(historyFile: String?, completion: @escaping Completer = { _, _ in .none }) {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, okr_le_load() == 1 else {
      return nil
    }
    okr_le_start("okr")
    InterruptFlag.install()
    activeCompleter = completion
    okr_le_set_completer(completeLine)
    okr_le_limit_history(Int32(Self.historyLimit))
    self.historyFile = historyFile
    if let historyFile {
      HistoryFile.createFolder(of: historyFile)
      _ = okr_le_read_history(historyFile)
    }
  }

  /// Shows `prompt` and lets the user edit a line until Return, Ctrl-C or Ctrl-D.
  public func readLine(prompt: String) -> LineReadResult {
    var status = OKR_LE_LINE
    guard let buffer = okr_le_readline(prompt, &status) else {
      return status == OKR_LE_INTERRUPTED ? .interrupted : .endOfInput
    }
    defer { free(buffer) }
    let line = String(cString: buffer)
    remember(line)
    return .line(line)
  }

  private func remember(_ line: String) {
    guard !line.allSatisfy(\.isWhitespace), line != lastHistoryLine else { return }
    lastHistoryLine = line
    okr_le_add_history(line)
    if let historyFile {
      _ = okr_le_write_history(historyFile)
    }
  }
}

/// The completer of the reader, for `completeLine` to call.
///
/// libedit calls back through a plain C function pointer that carries no context,
/// so the closure has to live in a global. `nonisolated(unsafe)` is sound here:
/// it is written when the (single, per-process) reader is created and read only
/// from inside `okr_le_readline`, on the thread that reads lines.
nonisolated(unsafe) private var activeCompleter: Completer?

/// The C completion hook: turns libedit's UTF-8 line and byte cursor into a call
/// to the Swift completer, hands the candidates back, and returns the byte offset
/// where the word being completed starts (-1 for no completion).
private func completeLine(_ line: UnsafePointer<CChar>?, _ cursor: Int) -> Int {
  guard let line, let completer = activeCompleter else { return -1 }
  let bytes = UnsafeBufferPointer(
    start: UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self), count: strlen(line))
  guard cursor <= bytes.count else { return -1 }
  let beforeCursor = String(decoding: bytes[..<cursor], as: UTF8.self)
  let result = completer(String(decoding: bytes, as: UTF8.self), beforeCursor.count)
  let wordStart = cursor - result.word.utf8.count
  guard wordStart >= 0, bytes[wordStart..<cursor].elementsEqual(result.word.utf8) else {
    return -1
  }
  for candidate in result.candidates {
    candidate.withCString(okr_le_add_candidate)
  }
  return wordStart
}

/// Reads standard input line by line, with no prompt and no editing: for pipes and scripts.
///
/// Ctrl-C keeps its default meaning here and ends the process, so this reader
/// never returns ``LineReadResult/interrupted``.
public struct PlainLineReader: LineReader {
  /// Creates a reader of standard input.
  public init() {}

  /// Reads the next line of standard input; the prompt is not shown.
  public func readLine(prompt: String) -> LineReadResult {
    Swift.readLine(strippingNewline: true).map(LineReadResult.line) ?? .endOfInput
  }
}

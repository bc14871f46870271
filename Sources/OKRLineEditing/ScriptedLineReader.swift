/// Plays back a fixed script of results, then reports the end of input: for tests.
public struct ScriptedLineReader: LineReader {
  private var remaining: ArraySlice<LineReadResult>

  /// Every prompt shown so far, oldest first.
  public private(set) var prompts: [String] = []

  /// Creates a reader that returns `results` in order.
  public init(_ results: [LineReadResult]) {
    remaining = results[...]
  }

  /// Creates a reader that returns `lines` in order.
  public init(lines: [String]) {
    self.init(lines.map(LineReadResult.line))
  }

  /// Records the prompt and returns the next scripted result, or
  /// ``LineReadResult/endOfInput`` once the script is used up.
  public mutating func readLine(prompt: String) -> LineReadResult {
    prompts.append(prompt)
    return remaining.popFirst() ?? .endOfInput
  }
}

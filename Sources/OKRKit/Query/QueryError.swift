/// A mistake in a query: what is wrong, where in the query text, and how to fix it.
///
/// Like a ``Diagnostic`` but pointing into the query rather than a plan file; rendered with the
/// query line and a caret under the offending word.
public struct QueryError: Error, Sendable, Equatable {
  /// What is wrong, in one sentence.
  public var message: String
  /// The offending part of the query (UTF-8 byte offsets into the query text).
  public var span: Span
  /// A short label under the carets.
  public var label: String?
  /// How to fix it (often "did you mean …?").
  public var help: String?

  /// An error about the part of the query at `span`, with an optional label under the carets and help.
  public init(_ message: String, at span: Span, label: String? = nil, help: String? = nil) {
    self.message = message
    self.span = span
    self.label = label
    self.help = help
  }

  /// The error for people: the message, the query line with carets under the span, then help.
  public func rendered(in query: String, color: Bool = false) -> String {
    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    let bytes = Array(query.utf8)
    let start = min(Int(span.start), bytes.count)
    let end = min(max(Int(span.end), start), bytes.count)
    let table = LineTable(bytes)
    let range = table.lineRange(table.lineIndex(of: start))
    func shown(_ from: Int, _ to: Int) -> String {
      let lower = min(max(from, range.lowerBound), range.upperBound)
      let upper = min(max(to, lower), range.upperBound)
      return TerminalText.escaped(String(decoding: bytes[lower..<upper], as: UTF8.self))
    }
    let before = shown(range.lowerBound, start)
    let marked = shown(start, end)
    let caretCount = max(1, marked.count)
    var underline =
      String(repeating: " ", count: before.count) + paint(String(repeating: "^", count: caretCount), "31;1")
    if let label { underline += " " + paint(TerminalText.escaped(label), "31;1") }
    var lines = [
      paint("error", "31;1") + paint(": " + TerminalText.escaped(message), "1"),
      " \(paint("|", "34")) " + shown(range.lowerBound, range.upperBound),
      " \(paint("|", "34")) " + underline,
    ]
    if let help { lines.append(" \(paint("=", "34")) \(paint("help", "32;1")): \(TerminalText.escaped(help))") }
    return lines.joined(separator: "\n")
  }

  /// The error for tools: `{"error": {"message", "column", "endColumn", "help"?}}`, columns
  /// counted in characters from 1 on the query's line, plus `"line"`.
  public func json(in query: String) -> JSONValue {
    let bytes = Array(query.utf8)
    let table = LineTable(bytes)
    let start = table.location(of: Int(span.start))
    let end = table.location(of: Int(span.end))
    var members: [(String, JSONValue)] = [
      ("message", .string(message)),
      ("line", .int(start.line)),
      ("column", .int(start.column)),
      ("endColumn", .int(end.column)),
    ]
    if let help { members.append(("help", .string(help))) }
    return .object([("error", .object(members))])
  }
}

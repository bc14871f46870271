/// One word of a statement as the formatter prints it, with the source bytes it stands for.
///
/// Words the formatter adds (a `{` for a key result that had no block) get an empty span
/// at the place they stand for, so comments are never found inside them.
struct Piece {
  var text: String
  var span: Span

  init(_ text: String, _ span: Span) {
    self.text = text
    self.span = span
  }
}

/// Collects the formatted lines of one file and weaves the source's comments back in.
///
/// Statements arrive in source order. Before each line is added, every comment that
/// comes before it in the source is placed: a comment that followed code on its source
/// line stays at the end of the output line that printed that code; any other comment
/// gets a line of its own at the indentation of what follows it. Blank lines are kept
/// (collapsed to one) where the source had at least one between two statements or comments,
/// except right after a `{` and right before a `}`.
struct FormatWriter {
  /// One output line; `blankBefore` puts an empty line in front of it.
  struct Line {
    var indent: Int
    var text: String
    var blankBefore: Bool
    /// The line ends with the `{` of a block.
    var opensBlock: Bool
  }

  /// How many spaces each block level indents.
  static let indentWidth = 2
  /// How much deeper a statement continues when a comment splits it over lines.
  static let continuationIndent = 4

  private let bytes: [UInt8]
  private let comments: [Span]
  private var nextComment = 0
  private(set) var lines: [Line] = []
  /// The end of the furthest source text printed so far (code or comment).
  private var printedEnd: UInt32 = 0

  init(bytes: [UInt8], comments: [Span]) {
    self.bytes = bytes
    self.comments = comments
  }

  /// The source text of `span`.
  func text(_ span: Span) -> String {
    let end = min(Int(span.end), bytes.count)
    let start = min(Int(span.start), end)
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// Whether any comment starts inside `span`.
  func hasComment(in span: Span) -> Bool {
    var low = 0
    var high = comments.count
    while low < high {
      let mid = (low + high) / 2
      if comments[mid].start < span.start { low = mid + 1 } else { high = mid }
    }
    return low < comments.count && comments[low].start < span.end
  }

  /// Adds one statement on one line, or on several when comments sit between its words
  /// (only possible after a comma of a list): the line breaks after each such comment and
  /// continues deeper. `covering` is the statement's whole span: text the pieces skip
  /// (braces of a block printed on one line) still counts as printed.
  mutating func statement(_ pieces: [Piece], indent: Int, covering: Span? = nil, opensBlock: Bool = false) {
    guard let first = pieces.first else { return }
    placeComments(before: first.span.start, indent: indent)
    var line: [Piece] = []
    var lineIndent = indent
    var isFirstLine = true
    for piece in pieces {
      if !line.isEmpty, commentPending(before: piece.span.start) {
        add(line, indent: lineIndent, isStatementStart: isFirstLine, covering: nil, opensBlock: false)
        isFirstLine = false
        lineIndent = indent + FormatWriter.continuationIndent
        placeComments(before: piece.span.start, indent: lineIndent, blankLinesAllowed: false)
        line = []
      }
      line.append(piece)
    }
    add(line, indent: lineIndent, isStatementStart: isFirstLine, covering: covering, opensBlock: opensBlock)
  }

  /// Closes a block opened at `indent` with its `}`, which stands at `brace` in the source
  /// (an empty span where the formatter adds a block the source did not have).
  mutating func closeBlock(_ brace: Span, indent: Int) {
    placeComments(before: brace.start, indent: indent + FormatWriter.indentWidth, blankLinesAllowed: true)
    lines.append(Line(indent: indent, text: "}", blankBefore: false, opensBlock: false))
    printedEnd = max(printedEnd, brace.end)
  }

  /// Places every comment before `position`; own-line comments at `indent`.
  mutating func placeComments(before position: UInt32, indent: Int, blankLinesAllowed: Bool = true) {
    while commentPending(before: position) {
      let comment = comments[nextComment]
      nextComment += 1
      let text = commentText(comment)
      if !lines.isEmpty, newlineCount(from: printedEnd, to: comment.start) == 0 {
        lines[lines.count - 1].text += "  " + text
      } else {
        lines.append(
          Line(
            indent: indent, text: text, blankBefore: blankLinesAllowed && keepsBlankLine(before: comment.start),
            opensBlock: false))
      }
      printedEnd = max(printedEnd, comment.end)
    }
  }

  /// Puts an empty line in front of line `index` (no effect at the top of the file or past the end).
  mutating func requireBlankLine(before index: Int) {
    guard index > 0, index < lines.count else { return }
    lines[index].blankBefore = true
  }

  /// The finished text: the lines, indented, each ending in a newline.
  func rendered() -> String {
    var output = ""
    for (index, line) in lines.enumerated() {
      if line.blankBefore && index > 0 { output += "\n" }
      output += String(repeating: " ", count: line.indent) + line.text + "\n"
    }
    return output
  }

  // MARK: - Pieces

  private func commentPending(before position: UInt32) -> Bool {
    nextComment < comments.count && comments[nextComment].start < position
  }

  private mutating func add(
    _ pieces: [Piece], indent: Int, isStatementStart: Bool, covering: Span?, opensBlock: Bool
  ) {
    guard let first = pieces.first else { return }
    let start = first.span.start
    placeComments(before: start, indent: indent, blankLinesAllowed: isStatementStart)
    var end = pieces.reduce(start) { max($0, $1.span.end) }
    if let covering { end = max(end, covering.end) }
    let blank = isStatementStart && keepsBlankLine(before: start)
    lines.append(
      Line(
        indent: indent, text: pieces.map(\.text).joined(separator: " "), blankBefore: blank,
        opensBlock: opensBlock))
    printedEnd = max(printedEnd, end)
  }

  /// Whether the source has a blank line between what was printed last and `position`
  /// (never at the top of the file or of a block).
  private func keepsBlankLine(before position: UInt32) -> Bool {
    guard let last = lines.last, !last.opensBlock else { return false }
    return newlineCount(from: printedEnd, to: position) >= 2
  }

  /// The number of line breaks between two offsets, counted up to 2 (all the callers need).
  private func newlineCount(from start: UInt32, to end: UInt32) -> Int {
    guard start < end else { return 0 }
    var count = 0
    for index in Int(start)..<min(Int(end), bytes.count) where bytes[index] == UInt8(ascii: "\n") {
      count += 1
      if count == 2 { break }
    }
    return count
  }

  /// A comment without the white space (and carriage return) at its end.
  private func commentText(_ span: Span) -> String {
    var end = Int(span.end)
    while end > Int(span.start),
      bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")
        || bytes[end - 1] == UInt8(ascii: "\r")
    {
      end -= 1
    }
    return text(Span(start: span.start, end: UInt32(end)))
  }
}

/// One word of a statement as the formatter prints it, with the source bytes it stands for.
///
/// Words the formatter adds (a `{` for a key result that had no block) get an empty span
/// at the place they stand for, so comments are never found inside them.
struct Piece {
  /// What a piece prints: held without copying the source, so a piece costs no allocation.
  enum Text {
    /// A keyword or punctuation of the formatter's own.
    case word(StaticString)
    /// Source bytes, exactly as written.
    case source(Span)
    /// Bytes the layout made (a reference or period written with blanks inside), at this range
    /// of what ``FormatWriter/keep(_:)`` keeps.
    case made(Range<Int>)
  }

  var text: Text
  var span: Span
  /// A comma follows the text: every element of a list but the last.
  var comma = false

  init(_ text: Text, _ span: Span) {
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
///
/// Lines are kept as UTF-8 bytes, one after another in ``text``, until they can no longer
/// change; then they are rendered, indented, into the finished file.
struct FormatWriter {
  /// One output line: its bytes are `text[start..<end]`; `blankBefore` puts an empty line in
  /// front of it.
  struct Line {
    var indent: Int
    var start: Int
    var end: Int
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
  /// The text of every line of ``lines``, in order, without indentation or line breaks.
  private var text: [UInt8] = []
  /// The finished text of the lines rendered so far.
  private var output: [UInt8] = []
  private var linesRendered = 0
  /// The bytes of ``Piece/Text/made(_:)`` pieces.
  private var madeBytes: [UInt8] = []
  /// The end of the furthest source text printed so far (code or comment).
  private var printedEnd: UInt32 = 0

  init(bytes: [UInt8], comments: [Span]) {
    self.bytes = bytes
    self.comments = comments
    output.reserveCapacity(bytes.count)
  }

  /// The source bytes of `span`, within the file.
  func sourceBytes(_ span: Span) -> ArraySlice<UInt8> {
    let end = min(Int(span.end), bytes.count)
    let start = min(Int(span.start), end)
    return bytes[start..<end]
  }

  /// Keeps `made` for a piece; returns what the piece prints.
  mutating func keep<Bytes: Sequence<UInt8>>(_ made: Bytes) -> Piece.Text {
    let start = madeBytes.count
    madeBytes.append(contentsOf: made)
    return .made(start..<madeBytes.count)
  }

  /// The bytes `piece` prints, comma excluded, handed to `body`.
  func withBytes<Result>(of piece: Piece, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    switch piece.text {
    case .word(let word): word.withUTF8Buffer(body)
    case .source(let span): sourceBytes(span).withUnsafeBufferPointer(body)
    case .made(let range): madeBytes[range].withUnsafeBufferPointer(body)
    }
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
    var lineStart = 0
    var lineIndent = indent
    var isFirstLine = true
    for index in pieces.indices where index > lineStart && commentPending(before: pieces[index].span.start) {
      add(
        pieces[lineStart..<index], indent: lineIndent, isStatementStart: isFirstLine, covering: nil, opensBlock: false)
      isFirstLine = false
      lineIndent = indent + FormatWriter.continuationIndent
      placeComments(before: pieces[index].span.start, indent: lineIndent, blankLinesAllowed: false)
      lineStart = index
    }
    add(
      pieces[lineStart...], indent: lineIndent, isStatementStart: isFirstLine, covering: covering,
      opensBlock: opensBlock)
  }

  /// Closes a block opened at `indent` with its `}`, which stands at `brace` in the source
  /// (an empty span where the formatter adds a block the source did not have).
  mutating func closeBlock(_ brace: Span, indent: Int) {
    placeComments(before: brace.start, indent: indent + FormatWriter.indentWidth, blankLinesAllowed: true)
    let start = text.count
    text.append(UInt8(ascii: "}"))
    lines.append(Line(indent: indent, start: start, end: text.count, blankBefore: false, opensBlock: false))
    printedEnd = max(printedEnd, brace.end)
  }

  /// Places every comment before `position`; own-line comments at `indent`.
  mutating func placeComments(before position: UInt32, indent: Int, blankLinesAllowed: Bool = true) {
    while commentPending(before: position) {
      let comment = comments[nextComment]
      nextComment += 1
      if !lines.isEmpty, newlineCount(from: printedEnd, to: comment.start) == 0 {
        // The last line's bytes end the text, so the comment follows them there.
        text.append(UInt8(ascii: " "))
        text.append(UInt8(ascii: " "))
        text.append(contentsOf: commentBytes(comment))
        lines[lines.count - 1].end = text.count
      } else {
        let blank = blankLinesAllowed && keepsBlankLine(before: comment.start)
        let start = text.count
        text.append(contentsOf: commentBytes(comment))
        lines.append(Line(indent: indent, start: start, end: text.count, blankBefore: blank, opensBlock: false))
      }
      printedEnd = max(printedEnd, comment.end)
    }
  }

  /// Puts an empty line in front of line `index` (no effect at the top of the file or past the end).
  mutating func requireBlankLine(before index: Int) {
    guard index > 0, index < lines.count else { return }
    lines[index].blankBefore = true
  }

  /// Renders every line but the last (``lines`` keeps it alone) and lets go of them. The layout
  /// calls it between top-level declarations, when only the last line may still change: a
  /// comment that follows it on its source line is appended to it.
  mutating func finishLines() {
    guard lines.count > 1 else { return }
    let last = lines[lines.count - 1]
    render(lines[..<(lines.count - 1)])
    text.replaceSubrange(..<last.start, with: EmptyCollection())
    lines.removeAll(keepingCapacity: true)
    lines.append(
      Line(
        indent: last.indent, start: 0, end: last.end - last.start, blankBefore: last.blankBefore,
        opensBlock: last.opensBlock))
  }

  /// The finished text: the lines, indented, each ending in a newline.
  mutating func rendered() -> [UInt8] {
    render(lines[...])
    lines.removeAll()
    return output
  }

  /// Appends `lines` to ``output``, indented, each ending in a newline; a blank line before one
  /// that asks for it, unless it is the first line of the file.
  private mutating func render(_ lines: ArraySlice<Line>) {
    for line in lines {
      if line.blankBefore && linesRendered > 0 { output.append(UInt8(ascii: "\n")) }
      output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: line.indent))
      output.append(contentsOf: text[line.start..<line.end])
      output.append(UInt8(ascii: "\n"))
      linesRendered += 1
    }
  }

  // MARK: - Pieces

  private func commentPending(before position: UInt32) -> Bool {
    nextComment < comments.count && comments[nextComment].start < position
  }

  private mutating func add(
    _ pieces: ArraySlice<Piece>, indent: Int, isStatementStart: Bool, covering: Span?, opensBlock: Bool
  ) {
    guard let first = pieces.first else { return }
    let start = first.span.start
    placeComments(before: start, indent: indent, blankLinesAllowed: isStatementStart)
    var end = pieces.reduce(start) { max($0, $1.span.end) }
    if let covering { end = max(end, covering.end) }
    let blank = isStatementStart && keepsBlankLine(before: start)
    let lineStart = text.count
    for index in pieces.indices {
      if index > pieces.startIndex { text.append(UInt8(ascii: " ")) }
      let piece = pieces[index]
      switch piece.text {
      case .word(let word): word.withUTF8Buffer { text.append(contentsOf: $0) }
      case .source(let span): text.append(contentsOf: sourceBytes(span))
      case .made(let range): text.append(contentsOf: madeBytes[range])
      }
      if piece.comma { text.append(UInt8(ascii: ",")) }
    }
    lines.append(Line(indent: indent, start: lineStart, end: text.count, blankBefore: blank, opensBlock: opensBlock))
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
  private func commentBytes(_ span: Span) -> ArraySlice<UInt8> {
    var end = Int(span.end)
    while end > Int(span.start),
      bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")
        || bytes[end - 1] == UInt8(ascii: "\r")
    {
      end -= 1
    }
    return sourceBytes(Span(start: span.start, end: UInt32(end)))
  }
}

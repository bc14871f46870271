/// Renders diagnostics as text (for people) or JSON (for tools, LANGUAGE.md §8).
///
/// The only place diagnostics become strings. Line tables are built lazily, per file,
/// the first time a diagnostic in that file is shown.
public final class DiagnosticRenderer {
  private let sources: SourceMap
  private let color: Bool
  private var lineTables: [FileID: LineTable] = [:]
  /// Per file, where the last column count ended, so the next one can go on from there.
  private var columnMarks: [FileID: LineTable.ColumnMark] = [:]

  /// A renderer quoting the plan's files `sources`; `color` adds ANSI colours to text output.
  public init(sources: SourceMap, color: Bool = false) {
    self.sources = sources
    self.color = color
  }

  /// The 1-based line and column where `location` starts.
  public func lineColumn(_ location: SourceLocation) -> LineColumn {
    var mark = columnMarks[location.file]
    let position = lineTable(location.file).location(of: Int(location.span.start), resumingAt: &mark)
    columnMarks[location.file] = mark
    return position
  }

  /// One diagnostic in the compiler style: header, `-->` location, source line with carets, notes, help.
  public func render(_ diagnostic: Diagnostic) -> String {
    var lines: [String] = []
    let start = lineColumn(diagnostic.location)
    var gutterWidth = String(start.line).count
    for label in diagnostic.labels {
      gutterWidth = max(gutterWidth, String(lineColumn(label.location).line).count)
    }
    let pad = String(repeating: " ", count: gutterWidth)
    let header = "\(diagnostic.severity.rawValue)[\(diagnostic.rule.rawValue)]"
    lines.append(
      paint(header, severityColor(diagnostic.severity)) + paint(": " + TerminalText.escaped(diagnostic.message), "1"))
    lines.append("\(pad)\(paint("-->", "34")) \(path(diagnostic.location.file)):\(start.line):\(start.column)")
    lines.append(
      contentsOf: excerpt(
        diagnostic.location, label: diagnostic.primaryLabel, marker: "^",
        markerColor: severityColor(diagnostic.severity), gutterWidth: gutterWidth))
    for label in diagnostic.labels {
      let position = lineColumn(label.location)
      lines.append("\(pad)\(paint(":::", "34")) \(path(label.location.file)):\(position.line):\(position.column)")
      lines.append(
        contentsOf: excerpt(
          label.location, label: label.message, marker: "-", markerColor: "34",
          gutterWidth: gutterWidth))
    }
    for note in diagnostic.notes {
      lines.append("\(pad) \(paint("=", "34")) \(paint("note", "1")): \(TerminalText.escaped(note))")
    }
    if let help = diagnostic.help {
      lines.append("\(pad) \(paint("=", "34")) \(paint("help", "32;1")): \(TerminalText.escaped(help))")
    }
    return lines.joined(separator: "\n")
  }

  /// The JSON object of one diagnostic: exactly the keys of LANGUAGE.md §8, which tools rely on.
  ///
  /// The path is the file's path as written (JSON escapes control characters itself).
  public func json(_ diagnostic: Diagnostic) -> JSONValue {
    let start = lineColumn(diagnostic.location)
    return .object([
      ("rule", .string(diagnostic.rule.rawValue)),
      ("severity", .string(diagnostic.severity.rawValue)),
      ("file", .string(sources[diagnostic.location.file].path)),
      ("line", .int(start.line)),
      ("column", .int(start.column)),
      ("message", .string(diagnostic.message)),
    ])
  }

  /// The `okr check --format json` document: diagnostics plus error and warning counts.
  public func jsonDocument(_ diagnostics: [Diagnostic]) -> JSONValue {
    .object([
      ("diagnostics", .array(diagnostics.map(json))),
      ("errors", .int(diagnostics.errorCount)),
      ("warnings", .int(diagnostics.warningCount)),
    ])
  }

  // MARK: - Pieces

  private func path(_ file: FileID) -> String { TerminalText.escaped(sources[file].path) }

  private func lineTable(_ file: FileID) -> LineTable {
    if let table = lineTables[file] { return table }
    let table = LineTable(sources[file].bytes)
    lineTables[file] = table
    return table
  }

  /// The source line of `location` with a gutter and a marker line underneath.
  private func excerpt(
    _ location: SourceLocation, label: String?, marker: Character, markerColor: String, gutterWidth: Int
  ) -> [String] {
    let source = sources[location.file]
    let table = lineTable(location.file)
    let lineIndex = table.lineIndex(of: Int(location.span.start))
    let range = table.lineRange(lineIndex)
    // Show at most 200 terminal cells of a line; a 10 MiB line must not flood the terminal.
    let visibleEnd = min(range.upperBound, range.lowerBound + 800)
    var shown = ""
    var column = 0
    var caretStart = -1
    var caretEnd = -1
    var offset = range.lowerBound
    let start = Int(location.span.start)
    let end = max(Int(location.span.end), start + 1)
    while offset < visibleEnd, column < 200 {
      let characterEnd = offset + LineTable.characterLength(in: source.bytes, at: offset, end: range.upperBound)
      if caretStart < 0, start < characterEnd { caretStart = column }
      let piece = String(decoding: source.bytes[offset..<characterEnd], as: UTF8.self)
      let display = piece == "\t" ? " " : TerminalText.escaped(piece)
      shown += display
      column += display.unicodeScalars.reduce(0) { $0 + cellWidth($1) }
      offset = characterEnd
      if offset >= end, caretEnd < 0, caretStart >= 0 { caretEnd = column }
    }
    if caretStart < 0 { caretStart = column }
    if caretEnd < 0 { caretEnd = max(column, caretStart + 1) }
    if range.upperBound > offset { shown += " …" }
    let pad = String(repeating: " ", count: gutterWidth)
    let number = String(lineIndex + 1)
    let gutter = String(repeating: " ", count: gutterWidth - number.count) + number
    let markers = String(repeating: marker, count: max(1, caretEnd - caretStart))
    var underline = String(repeating: " ", count: caretStart) + paint(markers, markerColor)
    if let label { underline += " " + paint(TerminalText.escaped(label), markerColor) }
    return [
      "\(pad) \(paint("|", "34"))",
      "\(paint(gutter, "34")) \(paint("|", "34")) \(shown)",
      "\(pad) \(paint("|", "34")) \(underline)",
    ]
  }

  /// How many terminal cells `scalar` takes, so carets line up under wide (CJK, emoji) and
  /// combining characters; an approximation of `wcwidth` for the common ranges.
  private func cellWidth(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x0300...0x036F, 0x200B...0x200F, 0x20D0...0x20FF, 0xFE00...0xFE0F: 0
    case 0x1100...0x115F, 0x2614...0x2615, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF,
      0x20000...0x3FFFD:
      2
    default: 1
    }
  }

  private func severityColor(_ severity: Severity) -> String {
    switch severity {
    case .error: "31;1"
    case .warning: "33;1"
    case .note: "36;1"
    }
  }

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

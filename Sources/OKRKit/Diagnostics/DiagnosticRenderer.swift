/// Renders diagnostics as text (for people) or JSON (for tools, LANGUAGE.md §8).
///
/// The only place diagnostics become strings. Line tables are built lazily, per file,
/// the first time a diagnostic in that file is shown.
public final class DiagnosticRenderer {
  private let sources: SourceMap
  private let color: Bool
  private var lineTables: [FileID: LineTable] = [:]

  public init(sources: SourceMap, color: Bool = false) {
    self.sources = sources
    self.color = color
  }

  /// The 1-based line and column where `location` starts.
  public func lineColumn(_ location: SourceLocation) -> LineColumn {
    lineTable(location.file).location(of: Int(location.span.start))
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
    lines.append(paint(header, severityColor(diagnostic.severity)) + paint(": " + TerminalText.escaped(diagnostic.message), "1"))
    lines.append("\(pad)\(paint("-->", "34")) \(path(diagnostic.location.file)):\(start.line):\(start.column)")
    lines.append(contentsOf: excerpt(diagnostic.location, label: diagnostic.primaryLabel, marker: "^",
      markerColor: severityColor(diagnostic.severity), gutterWidth: gutterWidth))
    for label in diagnostic.labels {
      let position = lineColumn(label.location)
      lines.append("\(pad)\(paint(":::", "34")) \(path(label.location.file)):\(position.line):\(position.column)")
      lines.append(contentsOf: excerpt(label.location, label: label.message, marker: "-", markerColor: "34",
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

  /// The JSON object of one diagnostic.
  public func json(_ diagnostic: Diagnostic) -> JSONValue {
    let start = lineColumn(diagnostic.location)
    let end = lineTable(diagnostic.location.file).location(of: Int(diagnostic.location.span.end))
    var members: [(String, JSONValue)] = [
      ("rule", .string(diagnostic.rule.rawValue)),
      ("severity", .string(diagnostic.severity.rawValue)),
      ("file", .string(path(diagnostic.location.file))),
      ("line", .int(start.line)),
      ("column", .int(start.column)),
      ("endLine", .int(end.line)),
      ("endColumn", .int(end.column)),
      ("message", .string(diagnostic.message)),
    ]
    if let help = diagnostic.help { members.append(("help", .string(help))) }
    if !diagnostic.notes.isEmpty { members.append(("notes", .array(diagnostic.notes.map { .string($0) }))) }
    if !diagnostic.labels.isEmpty {
      members.append(
        ("labels",
          .array(diagnostic.labels.map { label in
            let position = lineColumn(label.location)
            return .object([
              ("file", .string(path(label.location.file))), ("line", .int(position.line)),
              ("column", .int(position.column)), ("message", .string(label.message)),
            ])
          })))
    }
    return .object(members)
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
    // Show at most 200 characters of a line; a 10 MiB line must not flood the terminal.
    let visibleEnd = min(range.upperBound, range.lowerBound + 800)
    var shown = ""
    var column = 0
    var caretStart = -1
    var caretEnd = -1
    var offset = range.lowerBound
    let start = Int(location.span.start)
    let end = max(Int(location.span.end), start + 1)
    while offset < visibleEnd, column < 200 {
      if offset == start { caretStart = column }
      let length = utf8Length(source.bytes[offset])
      let characterEnd = min(offset + length, range.upperBound)
      let piece = String(decoding: source.bytes[offset..<characterEnd], as: UTF8.self)
      let display = piece == "\t" ? " " : TerminalText.escaped(piece)
      shown += display
      column += display.count
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

  private func utf8Length(_ lead: UInt8) -> Int {
    switch lead {
    case 0xC2...0xDF: 2
    case 0xE0...0xEF: 3
    case 0xF0...0xF4: 4
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

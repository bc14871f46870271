/// Renders query results as text (aligned tables, trees with progress bars) or as JSON
/// (LANGUAGE.md §8). Every string that comes from a plan goes through ``TerminalText/escaped(_:)``
/// in text output; JSON escapes control characters itself.
public struct QueryRenderer {
  /// The plan's files (diagnostics of `check` quote them).
  public let sources: SourceMap
  /// Whether text output uses ANSI colours.
  public let color: Bool

  /// The deepest indentation a tree draws; deeper rows are drawn at this depth with their depth written out.
  public static let maximumIndent = 32
  /// The widest a table cell or tree title is drawn (longer text ends in `…`).
  static let maximumCellWidth = 60

  /// A renderer quoting the plan's files `sources`; `color` adds ANSI colours to text output.
  public init(sources: SourceMap, color: Bool = false) {
    self.sources = sources
    self.color = color
  }

  // MARK: - Text

  /// The result for people.
  public func text(_ result: QueryResult) -> String {
    switch result {
    case .table(let table): return text(table)
    case .tree(let tree): return text(tree)
    case .details(let details): return text(details)
    case .progress(let answer):
      var line =
        "\(escaped(answer.node.id))  \(bar(answer.progress, answer.status)) \(QueryRenderer.percent(answer.progress, decimals: 1))"
      if answer.isOverridden { line += " (override)" }
      if let expected = answer.expected { line += "  expected \(QueryRenderer.percent(expected, decimals: 1))" }
      return line + "  \(paint(answer.status))  as of \(answer.date)"
    case .impact(let answer): return text(answer)
    case .history(let answer): return text(answer)
    case .diagnostics(let diagnostics):
      let renderer = DiagnosticRenderer(sources: sources, color: color)
      var lines = diagnostics.map { renderer.render($0) + "\n" }
      let errors = diagnostics.errorCount
      let warnings = diagnostics.warningCount
      lines.append(
        diagnostics.isEmpty
          ? "ok: no problems"
          : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), "
            + "\(diagnostics.count - errors - warnings) note\(diagnostics.count - errors - warnings == 1 ? "" : "s")")
      return lines.joined(separator: "\n")
    case .statistics(let statistics): return text(statistics)
    case .message(let message): return escaped(message)
    }
  }

  /// The line shown after evaluated answers while what-if changes are in effect.
  public func whatIfNote(count: Int) -> String {
    dim("(what-if: \(count) change\(count == 1 ? "" : "s") in effect; `reset` clears them)")
  }

  private func text(_ table: QueryTable) -> String {
    guard !table.rows.isEmpty else {
      return ([escaped(table.emptyMessage)] + table.notes.map { "note: " + escaped($0) }).joined(separator: "\n")
    }
    let cells = table.rows.map { row in row.enumerated().map { cell($0.element, column: table.columns[$0.offset]) } }
    var widths = table.columns.map(\.count)
    for row in cells {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.plain.count) }
    }
    // A column with numbers aligns right, its header and missing values too.
    let alignsRight = table.columns.indices.map { column in cells.contains { $0[column].right } }
    func line(_ row: [(plain: String, shown: String, right: Bool)]) -> String {
      var text = ""
      for (index, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[index] - cell.plain.count)
        let isLastColumn = index == row.count - 1
        text += alignsRight[index] ? pad + cell.shown : cell.shown + (isLastColumn ? "" : pad)
        if !isLastColumn { text += "  " }
      }
      return text
    }
    var lines = [bold(line(table.columns.map { ($0, $0, false) }))]
    lines += cells.map(line)
    lines += table.notes.map { "note: " + escaped($0) }
    return lines.joined(separator: "\n")
  }

  /// A cell as plain text (for widths) and as shown (maybe coloured); numbers align right.
  private func cell(_ value: QueryValue, column: String) -> (plain: String, shown: String, right: Bool) {
    switch value {
    case .fraction(let fraction) where column == "progress":
      let percent = QueryRenderer.percent(fraction, decimals: 0)
      let padded = String(repeating: " ", count: max(0, 4 - percent.count)) + percent
      return (barText(fraction) + " " + padded, bar(fraction, nil) + " " + padded, false)
    case .status(let status):
      return (status.rawValue, paint(status), false)
    case .none:
      return ("-", dim("-"), false)
    case .fraction, .number, .count:
      let text = plainText(value)
      return (text, text, true)
    default:
      let text = truncated(escaped(plainText(value)))
      return (text, text, false)
    }
  }

  private func text(_ tree: QueryTree) -> String {
    guard !tree.rows.isEmpty else { return tree.notes.map(escaped).joined(separator: "\n") }
    var lastAtIndent: [Bool] = []
    var lefts: [String] = []
    lefts.reserveCapacity(tree.rows.count)
    for row in tree.rows {
      if lastAtIndent.count <= row.indent {
        lastAtIndent.append(contentsOf: repeatElement(false, count: row.indent + 1 - lastAtIndent.count))
      }
      lastAtIndent[row.indent] = row.isLast
      var prefix = ""
      if row.indent > 0 {
        let drawn = min(row.indent, QueryRenderer.maximumIndent)
        for level in 1..<drawn { prefix += lastAtIndent[level] ? "   " : "│  " }
        if row.indent > drawn { prefix += "⋯[\(row.indent)] " }
        prefix += row.isLast ? "└─ " : "├─ "
      }
      let isKeyResult = row.node.kind == "key-result"
      let label = isKeyResult ? "kr " + String(row.node.id.split(separator: ".").last ?? "") : row.node.id
      lefts.append(prefix + escaped(label) + "  " + truncated(escaped(row.node.title), to: 48))
    }
    let column = min(lefts.map(\.count).max() ?? 0, 100)
    var lines: [String] = []
    lines.reserveCapacity(tree.rows.count + tree.notes.count)
    for (row, left) in zip(tree.rows, lefts) {
      var line = left + String(repeating: " ", count: max(0, column - left.count)) + "  "
      let progress = row.node.progress ?? 0
      let percent = QueryRenderer.percent(progress, decimals: 0)
      line +=
        bar(progress, row.node.kind == "objective" ? row.node.status : nil) + " "
        + String(repeating: " ", count: max(0, 4 - percent.count)) + percent
      if row.node.kind == "objective", let status = row.node.status { line += "  " + paint(status) }
      if let weight = row.weight { line += "  ×" + QueryRenderer.decimal(weight) }
      if !row.counts { line += dim("  (does not count)") }
      if row.isRepeat { line += "  ↺" }
      if row.hiddenChildren > 0 { line += dim("  (+\(row.hiddenChildren) below)") }
      lines.append(line)
    }
    lines += tree.notes.map { "note: " + escaped($0) }
    return lines.joined(separator: "\n")
  }

  private func text(_ details: QueryDetails) -> String {
    let id = details.fields.first { $0.name == "id" }?.value
    let title = details.fields.first { $0.name == "title" }?.value
    var lines = [bold(escaped(id.map(plainText) ?? "")) + "  " + escaped(title.map(plainText) ?? "")]
    let shown = details.fields.filter { $0.name != "id" && $0.name != "title" }
    let width = shown.map(\.name.count).max() ?? 0
    for (name, value) in shown {
      let pad = String(repeating: " ", count: width - name.count)
      let rendered: String =
        switch value {
        case .fraction(let fraction) where name == "progress":
          bar(fraction, nil) + " " + QueryRenderer.percent(fraction, decimals: 1)
        case .fraction(let fraction): QueryRenderer.percent(fraction, decimals: 1)
        case .status(let status): paint(status)
        case .none: dim("-")
        default: escaped(plainText(value))
        }
      lines.append("  \(name)\(pad)  \(rendered)")
    }
    for (name, table) in details.sections {
      lines.append("")
      lines.append(bold(sectionTitle(name)))
      lines += text(table).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    }
    return lines.joined(separator: "\n")
  }

  private func sectionTitle(_ name: String) -> String {
    switch name {
    case "keyResults": "key results"
    case "checkins": "check-ins"
    default: name
    }
  }

  private func text(_ answer: ImpactAnswer) -> String {
    var lines: [String] = []
    if answer.isSingleTarget, let target = answer.targets.first {
      lines.append(
        "impact of \(escaped(answer.source.id)) on \(escaped(target.node.id)): \(QueryRenderer.decimal(target.impact))")
      if target.impact != 0, target.node.id != answer.source.id {
        lines.append(
          dim(
            "(a 10-point move of \(escaped(answer.source.id)) moves \(escaped(target.node.id)) "
              + "\(QueryRenderer.decimal(target.impact * 10)) points)"))
      }
    } else if !answer.targets.isEmpty {
      lines.append("impact of \(escaped(answer.source.id)) on its top-level objectives:")
      let width = answer.targets.map { escaped($0.node.id).count }.max() ?? 0
      for (node, impact) in answer.targets {
        let id = escaped(node.id)
        lines.append(
          "  \(id)\(String(repeating: " ", count: width - id.count))  \(QueryRenderer.decimal(impact))  "
            + truncated(escaped(node.title)))
      }
    }
    lines += answer.notes.map { "note: " + escaped($0) }
    return lines.joined(separator: "\n")
  }

  private func text(_ answer: HistoryAnswer) -> String {
    guard !answer.points.isEmpty else {
      return "no check-ins below \(escaped(answer.node.id)) on or before \(answer.asOf)"
    }
    let table = QueryTable(
      columns: ["date", "progress", "expected", "status"],
      rows: answer.points.map { point in
        [
          .date(point.date), .fraction(point.progress), point.expected.map { .fraction($0) } ?? .none,
          .status(point.status),
        ]
      }, emptyMessage: "")
    return "history of \(escaped(answer.node.id)) as of \(answer.asOf)\n" + text(table)
  }

  private func text(_ statistics: PlanStatistics) -> String {
    func counts<T>(_ items: [(T, Int)], _ name: (T) -> String) -> String {
      items.map { "\($0.1) \(name($0.0))" }.joined(separator: ", ")
    }
    let rate: (Double?) -> String = { $0.map { QueryRenderer.percent($0, decimals: 1) } ?? "-" }
    let rows: [(String, String)] = [
      ("as of", statistics.asOf.description),
      ("entities", counts(statistics.entitiesPerLevel) { $0.rawValue }),
      ("objectives", "\(statistics.objectives): " + counts(statistics.objectivesPerLevel) { $0.rawValue }),
      ("key results", "\(statistics.keyResults)"),
      (
        "links",
        "\(statistics.links): \(statistics.reuses) reuse, \(statistics.promotions) KR promotion, "
          + "\(statistics.contributions) contribution by design"
      ),
      ("accepted", rate(statistics.acceptanceRate) + " of supports links"),
      ("orphans", "\(statistics.orphans) (\(rate(statistics.orphanRate)) of objectives below company level)"),
      (
        "status",
        statistics.statuses.isEmpty
          ? "-" : statistics.statuses.map { "\($0.count) \(paint($0.status))" }.joined(separator: ", ")
      ),
    ]
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { "\($0.0)\(String(repeating: " ", count: width - $0.0.count))  \($0.1)" }.joined(separator: "\n")
  }

  // MARK: - JSON

  /// The result for tools (LANGUAGE.md §8).
  public func json(_ result: QueryResult) -> JSONValue {
    switch result {
    case .table(let table): return json(table)
    case .tree(let tree):
      return .array(
        tree.rows.map { row in
          .object([
            ("id", .string(row.node.id)), ("kind", .string(row.node.kind)), ("title", .string(row.node.title)),
            ("level", row.node.level.map { .string($0.rawValue) } ?? .null), ("depth", .int(row.indent)),
            ("parent", row.parentID.map { .string($0) } ?? .null), ("progress", number(row.node.progress)),
            ("expected", number(row.node.expected)), ("status", row.node.status.map { .string($0.rawValue) } ?? .null),
            ("weight", number(row.weight)), ("counts", .bool(row.counts)), ("repeated", .bool(row.isRepeat)),
            ("hiddenChildren", .int(row.hiddenChildren)),
          ])
        })
    case .details(let details):
      var members = details.fields.map { ($0.name, json($0.value)) }
      members += details.sections.map { ($0.name, json($0.table)) }
      return .object(members)
    case .progress(let answer):
      return .object([
        ("id", .string(answer.node.id)), ("title", .string(answer.node.title)),
        ("date", .string(answer.date.description)),
        ("progress", .number(answer.progress)), ("expected", number(answer.expected)),
        ("status", .string(answer.status.rawValue)), ("override", .bool(answer.isOverridden)),
      ])
    case .impact(let answer):
      if answer.isSingleTarget, let target = answer.targets.first {
        return .object([
          ("id", .string(answer.source.id)), ("on", .string(target.node.id)), ("impact", .number(target.impact)),
        ])
      }
      return .object([
        ("id", .string(answer.source.id)),
        (
          "impacts",
          .array(
            answer.targets.map {
              .object([("on", .string($0.node.id)), ("title", .string($0.node.title)), ("impact", .number($0.impact))])
            })
        ),
      ])
    case .history(let answer):
      return .object([
        ("id", .string(answer.node.id)), ("title", .string(answer.node.title)),
        ("asOf", .string(answer.asOf.description)),
        (
          "points",
          .array(
            answer.points.map { point in
              .object([
                ("date", .string(point.date.description)), ("progress", .number(point.progress)),
                ("expected", number(point.expected)), ("status", .string(point.status.rawValue)),
              ])
            })
        ),
      ])
    case .diagnostics(let diagnostics):
      return DiagnosticRenderer(sources: sources).jsonDocument(diagnostics)
    case .statistics(let statistics):
      return .object([
        ("asOf", .string(statistics.asOf.description)),
        ("entities", .object(statistics.entitiesPerLevel.map { ($0.level.rawValue, .int($0.count)) })),
        (
          "objectives",
          .object(
            [("total", .int(statistics.objectives))]
              + statistics.objectivesPerLevel.map { ($0.level.rawValue, .int($0.count)) })
        ),
        ("keyResults", .int(statistics.keyResults)),
        (
          "links",
          .object([
            ("total", .int(statistics.links)), ("reuse", .int(statistics.reuses)),
            ("promotion", .int(statistics.promotions)), ("contribution", .int(statistics.contributions)),
          ])
        ),
        ("acceptanceRate", number(statistics.acceptanceRate)),
        ("orphans", .int(statistics.orphans)),
        ("orphanRate", number(statistics.orphanRate)),
        ("statuses", .object(statistics.statuses.map { ($0.status.rawValue, .int($0.count)) })),
      ])
    case .message(let message):
      return .object([("message", .string(message))])
    }
  }

  private func json(_ table: QueryTable) -> JSONValue {
    .array(table.rows.map { row in .object(zip(table.columns, row).map { ($0, json($1)) }) })
  }

  private func json(_ value: QueryValue) -> JSONValue {
    switch value {
    case .none: .null
    case .text(let text), .word(let text): .string(text)
    case .fraction(let number), .number(let number): .number(number)
    case .count(let count): .int(count)
    case .level(let level): .string(level.rawValue)
    case .status(let status): .string(status.rawValue)
    case .cycle(let label, _): .string(label)
    case .date(let day): .string(day.description)
    case .list(let items): .array(items.map { .string($0) })
    }
  }

  private func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }

  // MARK: - Pieces

  /// `41%` (no decimals) or `40.7%` (one decimal).
  public static func percent(_ fraction: Double, decimals: Int) -> String {
    // Fractions outside 0…1 only come from values the checker rejects; never trap on them.
    guard fraction.isFinite, abs(fraction) < 1e12 else { return decimal(fraction) }
    if decimals <= 0 { return "\(Int((fraction * 100).rounded()))%" }
    let tenths = Int((fraction * 1000).rounded())
    return "\(tenths < 0 && tenths > -10 ? "-" : "")\(tenths / 10).\(abs(tenths % 10))%"
  }

  /// A number with at most four decimals, without trailing zeros: `0.25`, `0.3333`, `2`.
  static func decimal(_ value: Double) -> String {
    guard value.isFinite else { return "-" }
    let rounded = (value * 10_000).rounded() / 10_000
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
    return String(rounded)
  }

  private func plainText(_ value: QueryValue) -> String {
    switch value {
    case .none: "-"
    case .text(let text), .word(let text): text
    case .fraction(let fraction): QueryRenderer.percent(fraction, decimals: 0)
    case .number(let number): QueryRenderer.decimal(number)
    case .count(let count): String(count)
    case .level(let level): level.rawValue
    case .status(let status): status.rawValue
    case .cycle(let label, _): label
    case .date(let day): day.description
    case .list(let items): items.isEmpty ? "-" : items.joined(separator: ", ")
    }
  }

  private func escaped(_ text: String) -> String { TerminalText.escaped(text) }

  private func truncated(_ text: String, to width: Int = QueryRenderer.maximumCellWidth) -> String {
    text.count <= width ? text : String(text.prefix(width - 1)) + "…"
  }

  /// Ten cells, one per 10 %: `████░░░░░░`.
  private func barText(_ fraction: Double) -> String {
    let filled = fraction.isNaN ? 0 : Int((min(max(fraction, 0), 1) * 10).rounded())
    return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
  }

  private func bar(_ fraction: Double, _ status: ProgressStatus?) -> String {
    let text = barText(fraction)
    guard color, let status else { return text }
    return "\u{1B}[\(colorCode(status))m\(text)\u{1B}[0m"
  }

  private func paint(_ status: ProgressStatus) -> String {
    color ? "\u{1B}[\(colorCode(status))m\(status.rawValue)\u{1B}[0m" : status.rawValue
  }

  private func colorCode(_ status: ProgressStatus) -> String {
    switch status {
    case .onTrack, .achieved: "32"
    case .atRisk: "33"
    case .offTrack, .missed: "31"
    case .upcoming, .noCycle: "2"
    }
  }

  private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
  private func dim(_ text: String) -> String { color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

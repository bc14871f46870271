extension PlanExport {
  /// The deepest a Markdown list nests: deeper rows are drawn at this depth, marked with their
  /// real depth (`⋯ depth 40`).
  public static let maximumMarkdownDepth = 16

  /// A report for people, in GitHub-flavoured Markdown: a title with the as-of date, a table of
  /// objectives per status and level, the alignment tree as nested lists (progress bar,
  /// percentage, status, owner and cycle for each objective; value and progress for each key
  /// result), the orphans, and what the checker found.
  public func markdown() -> String {
    var out = "# \(reportTitle())\n\n"
    out +=
      "\(counted(plan.objectives.count, "objective")) and \(counted(plan.keyResults.count, "key result")), "
      + "evaluated as of \(asOf). An objective's progress is the weighted mean of its key results and of the "
      + "objectives that support it; its expected progress is the elapsed part of its cycle.\n"
    out += "\n## Summary\n\n" + summaryTable()
    out += "\n## Alignment\n\n"
    let outline = AlignmentOutline(plan)
    if plan.objectives.isEmpty {
      out += "The plan has no objectives.\n"
    } else {
      out +=
        "Each objective lists its key results, then the objectives that support it. A weight other than 1, "
        + "a link no one accepted and a child whose progress does not count are marked on the child.\n\n"
      out += list(outline.rows)
      if !outline.loopRows.isEmpty {
        out +=
          "\n### On a loop of `supports`\n\n"
          + "These objectives support each other in a loop (`okr check` reports it as `supports-cycle`), so "
          + "no top-level objective leads to them.\n\n"
        out += list(outline.loopRows)
      }
      let isTooDeep: (AlignmentOutline.Row) -> Bool = { $0.depth > PlanExport.maximumMarkdownDepth }
      if outline.rows.contains(where: isTooDeep) || outline.loopRows.contains(where: isTooDeep) {
        out +=
          "\nNote: lists nest at most \(PlanExport.maximumMarkdownDepth) levels deep; deeper rows are drawn "
          + "at that depth and marked with their real depth (⋯ depth N).\n"
      }
    }
    out += "\n## Orphans\n\n" + orphans()
    out += "\n## Checks\n\n"
    out +=
      "`okr check` finds \(counted(errors, "error")), \(counted(warnings, "warning")) and \(counted(notes, "note"))"
    out += errors > 0 ? " in this plan; the figures above are computed anyway.\n" : " in this plan.\n"
    return out
  }

  /// `Acme Corp: OKRs as of 2026-05-01` for a plan with one named company, else `OKRs as of …`.
  private func reportTitle() -> String {
    let companies = plan.entities.filter { $0.level == .company }
    if companies.count == 1, let name = companies[0].name {
      return MarkdownText.inline(plan.text(name)) + ": OKRs as of \(asOf)"
    }
    return "OKRs as of \(asOf)"
  }

  /// Objectives per status (rows, only statuses that occur) and level (columns, all four).
  private func summaryTable() -> String {
    let levels = Level.allCases
    var counts = [[Int]](repeating: [Int](repeating: 0, count: levels.count), count: ProgressStatus.allCases.count)
    let statusRow = Dictionary(uniqueKeysWithValues: ProgressStatus.allCases.enumerated().map { ($1, $0) })
    for id in objectiveIDs {
      if let row = statusRow[evaluation.status(of: id)] { counts[row][plan.level(of: id).depth] += 1 }
    }
    var out = "| status | " + levels.map(\.rawValue).joined(separator: " | ") + " | all |\n"
    out += "|:--|" + String(repeating: "--:|", count: levels.count + 1) + "\n"
    for (row, status) in ProgressStatus.allCases.enumerated() where counts[row].contains(where: { $0 > 0 }) {
      let cells = counts[row].map(String.init) + [String(counts[row].reduce(0, +))]
      out += "| \(MarkdownText.emoji(status)) \(status.rawValue) | " + cells.joined(separator: " | ") + " |\n"
    }
    let totals = levels.indices.map { column in counts.reduce(0) { $0 + $1[column] } }
    out += "| **all** | " + (totals + [totals.reduce(0, +)]).map { "**\($0)**" }.joined(separator: " | ") + " |\n"
    return out
  }

  /// Outline rows as nested Markdown lists.
  private func list(_ rows: [AlignmentOutline.Row]) -> String {
    joinedText(count: rows.count) { index in
      let row = rows[index]
      let drawn = min(row.depth, PlanExport.maximumMarkdownDepth)
      var out = String(repeating: "  ", count: drawn) + "- "
      if row.depth > drawn { out += "⋯ depth \(row.depth) · " }
      switch row.item {
      case .objective(let id): out += objectiveLine(id, row: row)
      case .keyResult(let id): out += keyResultLine(id)
      }
      return out + "\n"
    }
  }

  /// `🟢 **Title** `team.id` — `████░░░░░░` 41% · on-track, expected 52% · owner Ann · 2026-Q2`.
  private func objectiveLine(_ id: ObjectiveID, row: AlignmentOutline.Row) -> String {
    let status = evaluation.status(of: id)
    var parts: [String] = []
    if row.isRepeat {
      parts.append(
        "↺ " + MarkdownText.strong(title(of: id)) + " " + MarkdownText.code(plan.qualifiedName(id))
          + " — shown above")
    } else {
      let progress = evaluation.progress(of: id)
      var line =
        MarkdownText.emoji(status) + " " + MarkdownText.strong(title(of: id)) + " "
        + MarkdownText.code(plan.qualifiedName(id)) + " — " + MarkdownText.bar(progress) + " "
        + QueryRenderer.percent(progress, decimals: 0)
      if evaluation.override(of: id) != nil { line += " (override)" }
      parts.append(line)
      var standing = status.rawValue
      if let expected = evaluation.expected(of: id), [.onTrack, .atRisk, .offTrack].contains(status) {
        standing += ", expected " + QueryRenderer.percent(expected, decimals: 0)
      }
      parts.append(standing)
      if let person = plan[id].accountable { parts.append("owner " + MarkdownText.inline(plan.displayName(person))) }
      if let cycle = plan[id].cycle { parts.append("cycle " + MarkdownText.inline(cycle.label)) }
      if !plan[id].tags.isEmpty {
        parts.append("tagged " + plan[id].tags.map(MarkdownText.inline).joined(separator: ", "))
      }
    }
    if let link = row.link { parts += linkNotes(link) }
    return parts.joined(separator: " · ")
  }

  /// What is worth knowing about the link that puts an objective under its parent.
  private func linkNotes(_ id: LinkID) -> [String] {
    let link = plan[id]
    var notes: [String] = []
    if link.isReuse { notes.append("reuses") }
    if link.weight != 1 { notes.append("weight " + MarkdownText.number(link.weight)) }
    if link.acceptedBy == nil { notes.append("not accepted") }
    if !counts(id) { notes.append("does not count") }
    return notes
  }

  /// `kr `nps` Reach an NPS of 60 — `████░░░░░░` 37% · 41 / 60`.
  private func keyResultLine(_ id: KeyResultID) -> String {
    let keyResult = plan[id]
    let progress = evaluation.progress(of: id)
    var parts = [
      "kr " + MarkdownText.code(keyResult.localID) + " " + MarkdownText.inline(plan.text(keyResult.title)) + " — "
        + MarkdownText.bar(progress) + " " + QueryRenderer.percent(progress, decimals: 0),
      valueText(id),
    ]
    if let confidence = evaluation.confidence(of: id) {
      parts.append("confidence " + QueryRenderer.percent(confidence, decimals: 0))
    }
    if keyResult.weight != 1 { parts.append("weight " + MarkdownText.number(keyResult.weight)) }
    if let person = keyResult.owner { parts.append("owner " + MarkdownText.inline(plan.displayName(person))) }
    return parts.joined(separator: " · ")
  }

  /// A key result's value: `41 / 60 EUR` (a metric that rises), `45 → 38 EUR` (one that falls),
  /// `done 2026-02-20`, `not done`, `set to 40%`, or where its progress comes from.
  private func valueText(_ id: KeyResultID) -> String {
    let keyResult = plan[id]
    switch keyResult.measure {
    case .metric(let from, let to, _, let unit):
      let value = evaluation.value(of: id).map(MarkdownText.number) ?? "no value yet"
      let unitText = unit.map { " " + MarkdownText.inline($0) } ?? ""
      return "\(value) \(to >= from ? "/" : "→") \(MarkdownText.number(to))\(unitText)"
    case .milestone(_, let doneOn):
      guard evaluation.progress(of: id) >= 1 else { return "not done" }
      return doneOn.map { "done \($0)" } ?? "done"
    case .manual(let fraction):
      return "set to " + QueryRenderer.percent(fraction, decimals: 0)
    case .none:
      let supporters = plan.childLinks(of: id).count
      return supporters == 0 ? "nothing to measure" : "from \(counted(supporters, "supporting objective"))"
    }
  }

  private func orphans() -> String {
    let orphans = objectiveIDs.filter(isOrphan)
    guard !orphans.isEmpty else {
      return "None: every objective below company level supports another, or is tagged as standing alone.\n"
    }
    var out =
      "Objectives below company level that support nothing and are not tagged `exploratory`, "
      + "`innovation`, `maintenance` or `standalone`:\n\n"
    for id in orphans {
      out += "- " + MarkdownText.strong(title(of: id)) + " " + MarkdownText.code(plan.qualifiedName(id))
      if let person = plan[id].accountable { out += " · owner " + MarkdownText.inline(plan.displayName(person)) }
      out += "\n"
    }
    return out
  }

  /// `1 objective`, `3 objectives`.
  private func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}

/// Plan text in GitHub-flavoured Markdown.
enum MarkdownText {
  /// `text` as inline Markdown that shows exactly that text: characters that start emphasis,
  /// code, links, HTML, tables, headings, strikethrough, maths or entities are backslash-escaped;
  /// a line break becomes `<br>`, a tab a space, and another control character `\u{1B}`.
  static func inline(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "$", "&":
        out += "\\"
        out.unicodeScalars.append(scalar)
      case "\n": out += "<br>"
      case "\t": out += " "
      default:
        TerminalText.appendShowingControls(scalar, to: &out, backslash: "\\\\")
      }
    }
    return out
  }

  /// `text` in bold; plain when it is empty or starts or ends with a space (where `**` would
  /// show as asterisks).
  static func strong(_ text: String) -> String {
    let escaped = inline(text)
    guard let first = escaped.first, let last = escaped.last, !first.isWhitespace, !last.isWhitespace else {
      return escaped
    }
    return "**" + escaped + "**"
  }

  /// `text` as a code span, fenced with more backticks than it holds in a row; control
  /// characters shown as `\u{1B}`.
  static func code(_ text: String) -> String {
    var shown = ""
    var longestRun = 0
    var run = 0
    for scalar in text.unicodeScalars {
      run = scalar == "`" ? run + 1 : 0
      longestRun = max(longestRun, run)
      TerminalText.appendShowingControls(scalar, to: &shown)
    }
    let fence = String(repeating: "`", count: longestRun + 1)
    let padding = shown.hasPrefix("`") || shown.hasSuffix("`") ? " " : ""
    return fence + padding + shown + padding + fence
  }

  /// A number with at most four decimals and its thousands grouped: `40,000`, `4.3`, `-1,250.5`.
  static func number(_ value: Double) -> String {
    let text = QueryRenderer.decimal(value)
    let sign = text.hasPrefix("-") ? "-" : ""
    let unsigned = text.dropFirst(sign.count)
    let whole = unsigned.prefix { $0.isNumber }
    guard whole.count > 3, whole.count == unsigned.prefix(while: { $0 != "." }).count else { return text }
    var grouped = ""
    for (offset, digit) in whole.enumerated() {
      if offset > 0, (whole.count - offset) % 3 == 0 { grouped += "," }
      grouped.append(digit)
    }
    return sign + grouped + unsigned.dropFirst(whole.count)
  }

  /// Ten cells, one per 10 %, as a code span: `` `████░░░░░░` ``.
  static func bar(_ fraction: Double) -> String {
    let filled = fraction.isNaN ? 0 : Int((min(max(fraction, 0), 1) * 10).rounded())
    return "`" + String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled) + "`"
  }

  /// A coloured sign for a status, so the list can be scanned at a glance.
  static func emoji(_ status: ProgressStatus) -> String {
    switch status {
    case .onTrack: "🟢"
    case .atRisk: "🟡"
    case .offTrack: "🔴"
    case .achieved: "✅"
    case .missed: "❌"
    case .upcoming: "⏳"
    case .noCycle: "⚪"
    }
  }
}

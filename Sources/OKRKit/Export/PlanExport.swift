/// The formats `okr export` writes (LANGUAGE.md §7).
public enum ExportFormat: String, CaseIterable, Sendable {
  /// The whole resolved plan with computed progress, for other tools (see docs/export.md).
  case json
  /// The alignment graph for Graphviz.
  case dot
  /// The alignment graph as a Mermaid flowchart, which code-hosting sites draw.
  case mermaid
  /// A report for people: a status summary and the alignment tree with progress bars.
  case markdown
}

/// A plan with its progress as of one day, written out as JSON, Graphviz DOT, Mermaid or
/// Markdown.
///
/// Every string taken from the plan (titles, names, notes, ids) is escaped for the format it
/// goes into, so any text a plan may hold yields well-formed output. Each format is one linear,
/// iterative pass over the plan's flat arrays: a 100,000-long `supports` chain exports like a
/// wide plan does.
public struct PlanExport: Sendable {
  /// The plan exported.
  public let plan: Plan
  /// Its progress, expected progress and status as of ``asOf``.
  public let evaluation: Evaluation
  /// How many errors the checker reported.
  public let errors: Int
  /// How many warnings the checker reported.
  public let warnings: Int
  /// How many notes the checker reported.
  public let notes: Int
  /// Every objective's effective title (a `reuses` objective's is the reused one's).
  let titles: [String]

  /// Evaluates an analysed plan as of `asOf`.
  public init(analysis: PlanAnalysis, asOf: Day) {
    self.init(
      plan: analysis.plan, evaluation: PlanEvaluator(analysis.plan).evaluate(asOf: asOf),
      diagnostics: analysis.diagnostics)
  }

  /// Exports `evaluation` of `plan`; `diagnostics` are only counted.
  public init(plan: Plan, evaluation: Evaluation, diagnostics: [Diagnostic]) {
    self.plan = plan
    self.evaluation = evaluation
    errors = diagnostics.errorCount
    warnings = diagnostics.warningCount
    notes = diagnostics.count - errors - warnings
    titles = effectiveTitles(plan)
  }

  /// The day progress is evaluated as of.
  public var asOf: Day { evaluation.asOf }

  /// The export in `format`, ending with a line break.
  public func text(_ format: ExportFormat) -> String {
    switch format {
    case .json:
      var bytes: [UInt8] = []
      writeJSON { bytes.append(contentsOf: $0) }
      return String(decoding: bytes, as: UTF8.self)
    case .dot: return dot()
    case .mermaid: return mermaid()
    case .markdown: return markdown()
    }
  }

  /// Writes ``text(_:)`` as UTF-8 to `sink`, in pieces: JSON about a megabyte at a time, never
  /// held whole (a million objectives make gigabytes of it), the other formats in one piece.
  public func write(_ format: ExportFormat, to sink: (UnsafeRawBufferPointer) -> Void) {
    guard format != .json else { return writeJSON(to: sink) }
    var written = text(format)
    written.withUTF8 { sink(UnsafeRawBufferPointer($0)) }
  }

  // MARK: - Facts shared by the formats

  /// An objective's effective title.
  func title(of id: ObjectiveID) -> String { titles[Int(id.index)] }

  /// The texts `text` gives for `0..<count`, joined in order; made in pieces of
  /// ``itemsPerTextPiece`` on all cores.
  func joinedText(count: Int, _ text: (Int) -> String) -> String {
    ParallelWork.map(ParallelWork.pieces(of: count, size: Self.itemsPerTextPiece)) { piece in
      var out = ""
      for index in piece { out += text(index) }
      return out
    }.joined()
  }

  /// How many rows, nodes or edges one piece of ``joinedText(count:_:)`` makes.
  static let itemsPerTextPiece = 1_024

  /// Every objective's id, in declaration order.
  var objectiveIDs: [ObjectiveID] { plan.objectives.indices.map { ObjectiveID($0) } }

  /// The objectives of each level, highest level first, each in declaration order; levels
  /// without objectives are left out.
  func objectivesByLevel() -> [(level: Level, objectives: [ObjectiveID])] {
    var byLevel = [[ObjectiveID]](repeating: [], count: Level.allCases.count)
    for id in objectiveIDs { byLevel[plan.level(of: id).depth].append(id) }
    return Level.allCases.compactMap { level in
      byLevel[level.depth].isEmpty ? nil : (level, byLevel[level.depth])
    }
  }

  /// Whether the child's progress moves what the link points at: false for a link on a loop or
  /// with a weight that is not positive, for a parent whose progress is overridden, and for a
  /// key result with a measure of its own (`measured-and-supported`).
  func counts(_ id: LinkID) -> Bool {
    guard evaluation.weight(of: id) > 0 else { return false }
    switch plan[id].target {
    case .objective(let parent): return evaluation.override(of: parent) == nil
    case .keyResult(let parent): return evaluation.isSupporterDerived(parent)
    }
  }

  /// Whether an objective is an orphan (LANGUAGE.md §5 `orphan`): below company level, supporting
  /// nothing, and not tagged as standing alone on purpose.
  func isOrphan(_ id: ObjectiveID) -> Bool {
    let objective = plan[id]
    return plan.level(of: id) != .company && plan.parentLinks(of: id).isEmpty && !objective.hasUnresolvedParent
      && !objective.tags.contains(where: HygieneRules.standaloneTags.contains)
  }

  /// `41% · on-track`, with `(override)` when the progress is set by hand: the progress line of a
  /// graph node.
  func progressSummary(of id: ObjectiveID) -> String {
    let override = evaluation.override(of: id) == nil ? "" : " (override)"
    return
      "\(QueryRenderer.percent(evaluation.progress(of: id), decimals: 0))\(override) · \(evaluation.status(of: id).rawValue)"
  }

  /// What a graph edge says about its link: the key result a promotion points at, `reuses`, and
  /// the weight when it is not 1; nil when there is nothing to say.
  func edgeLabel(of id: LinkID) -> String? {
    let link = plan[id]
    var parts: [String] = []
    if case .keyResult(let keyResult) = link.target { parts.append("kr " + plan[keyResult].localID) }
    if link.isReuse { parts.append("reuses") }
    if link.weight != 1 { parts.append("×" + QueryRenderer.decimal(link.weight)) }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }

  /// The width, in characters, at which graph labels wrap titles.
  static let labelWidth = 30

  /// `text` split into lines at its line breaks, and at spaces so that no line is longer than
  /// `width` characters unless a single word is.
  static func wrapped(_ text: String, width: Int = labelWidth) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        if !line.isEmpty, line.count + 1 + word.count > width {
          lines.append(line)
          line = ""
        }
        line += line.isEmpty ? String(word) : " " + word
      }
      lines.append(line)
    }
    return lines
  }

  /// The fill and border colours a status is drawn with in the graphs.
  static func colors(of status: ProgressStatus) -> (fill: String, stroke: String) {
    switch status {
    case .onTrack: ("#c6efce", "#2e7d32")
    case .atRisk: ("#ffeb9c", "#9c6500")
    case .offTrack: ("#ffc7ce", "#c0392b")
    case .achieved: ("#8fd19e", "#1e6b30")
    case .missed: ("#e6b0aa", "#7b241c")
    case .upcoming: ("#dbe9f6", "#3d6a99")
    case .noCycle: ("#eeeeee", "#808080")
    }
  }
}

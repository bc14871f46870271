/// The answer to one query: typed values that ``QueryRenderer`` turns into text or JSON.
public enum QueryResult: Sendable {
  /// Listings and node sets (`orphans`, `parents`, `children`, `ancestors`, `descendants`, `path`).
  case table(QueryTable)
  /// `tree`.
  case tree(QueryTree)
  /// `show`.
  case details(QueryDetails)
  /// `progress`.
  case progress(ProgressAnswer)
  /// `impact`.
  case impact(ImpactAnswer)
  /// `history`.
  case history(HistoryAnswer)
  /// `check`.
  case diagnostics([Diagnostic])
  /// `stats`.
  case statistics(PlanStatistics)
  /// `set` and `reset`: what changed.
  case message(String)
}

/// Rows of typed values under named columns; every row has an `id` column first.
public struct QueryTable: Sendable {
  public var columns: [String]
  public var rows: [[QueryValue]]
  /// Sentences shown under the table in text (e.g. where a path forks).
  public var notes: [String]
  /// What text output says when there are no rows.
  public var emptyMessage: String

  public init(columns: [String], rows: [[QueryValue]], notes: [String] = [], emptyMessage: String) {
    self.columns = columns
    self.rows = rows
    self.notes = notes
    self.emptyMessage = emptyMessage
  }
}

/// The alignment tree below one or more roots, in display order (depth first).
public struct QueryTree: Sendable {
  /// One line of the tree: an objective or a key result.
  public struct Row: Sendable {
    /// How many levels below a root the row is drawn.
    public var indent: Int
    /// Whether the row is the last among its siblings (decides `└─` or `├─`).
    public var isLast: Bool
    public var node: NodeSummary
    /// The id of the row above it in the tree; nil for a root.
    public var parentID: String?
    /// The link's weight, when the row is a supporting objective.
    public var weight: Double?
    /// False for an objective linked to a key result with its own measure, or on a loop: shown
    /// for traceability, it does not move the row above.
    public var counts: Bool
    /// True when the objective was already drawn above: its subtree is not repeated.
    public var isRepeat: Bool
    /// Supporting objectives below this row left out by the depth limit.
    public var hiddenChildren: Int
  }

  public var rows: [Row]
  public var notes: [String]
}

/// What a node-set row or tree row says about a node.
public struct NodeSummary: Sendable {
  public var id: String
  /// `objective`, `key-result`, `entity` or `link`.
  public var kind: String
  public var title: String
  public var level: Level?
  public var progress: Double?
  public var expected: Double?
  public var status: ProgressStatus?

  /// The node-set table's columns and this node's values for them.
  static let columns = ["id", "kind", "level", "progress", "status", "title"]
  var row: [QueryValue] {
    [.text(id), .word(kind), level.map { .level($0) } ?? .none, progress.map { .fraction($0) } ?? .none,
      status.map { .status($0) } ?? .none, .text(title)]
  }
}

/// Everything about one node, as named fields, plus tables (key results, check-ins, objectives).
public struct QueryDetails: Sendable {
  public var fields: [(name: String, value: QueryValue)]
  public var sections: [(name: String, table: QueryTable)]
}

/// `progress REF [at DATE]`.
public struct ProgressAnswer: Sendable {
  public var node: NodeSummary
  public var date: Day
  public var progress: Double
  public var expected: Double?
  public var status: ProgressStatus
  /// True when a progress override (the plan's or a what-if's) decides the value.
  public var isOverridden: Bool
}

/// `impact REF [on REF]`.
public struct ImpactAnswer: Sendable {
  public var source: NodeSummary
  /// Each ancestor asked about (or each top-level ancestor) with the impact on it.
  public var targets: [(node: NodeSummary, impact: Double)]
  /// True for `impact X on Y`: one target, named by the query.
  public var isSingleTarget: Bool
  public var notes: [String]
}

/// `history REF`.
public struct HistoryAnswer: Sendable {
  public var node: NodeSummary
  public var asOf: Day
  public var points: [HistoryPoint]
}

/// `stats`: the shape of the plan.
public struct PlanStatistics: Sendable {
  public var asOf: Day
  public var entitiesPerLevel: [(level: Level, count: Int)]
  public var objectivesPerLevel: [(level: Level, count: Int)]
  public var objectives: Int
  public var keyResults: Int
  public var links: Int
  /// Links written `objective X reuses REF`.
  public var reuses: Int
  /// Links to a parent's key result (a KR promoted to an objective).
  public var promotions: Int
  /// Links to a parent objective (a contribution by design).
  public var contributions: Int
  /// Accepted `supports` links ÷ `supports` links (reuses are never accepted, so they do not count); nil without any.
  public var acceptanceRate: Double?
  public var orphans: Int
  /// Orphans ÷ objectives below company level; nil without any.
  public var orphanRate: Double?
  public var statuses: [(status: ProgressStatus, count: Int)]
}

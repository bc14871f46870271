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

/// Rows of typed values under named columns. Listings and node sets have an `id` column first; the
/// tables of `show` (e.g. a key result's check-ins) need not.
public struct QueryTable: Sendable {
  /// The column names, e.g. `id`, `progress`, `title`: for a listing, its fields.
  public var columns: [String]
  /// The rows, each with one value per column, in column order.
  public var rows: [[QueryValue]]
  /// Sentences shown under the table in text (e.g. where a path forks).
  public var notes: [String]
  /// What text output says when there are no rows.
  public var emptyMessage: String

  /// A table; `emptyMessage` is what text output says when `rows` is empty.
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
    /// The objective or key result on the row, with its progress and status.
    public var node: NodeSummary
    /// The id of the row above it in the tree; nil for a root.
    public var parentID: String?
    /// The link's weight, when the row is a supporting objective linked with a weight other than 1.
    public var weight: Double?
    /// False when the row, shown for traceability, does not move the row above: it supports an overridden
    /// objective or a key result with its own measure, or its link counts as 0 (on a loop, or a weight ≤ 0).
    public var counts: Bool
    /// True when the objective was already drawn above: its subtree is not repeated.
    public var isRepeat: Bool
    /// Supporting objectives below this row left out by the depth limit.
    public var hiddenChildren: Int
  }

  /// The rows in drawing order: depth first, each node above its key results and supporting objectives.
  public var rows: [Row]
  /// Sentences shown under the tree: rows hidden by the depth, repeated objectives, or why there are no rows.
  public var notes: [String]
}

/// What a node-set row or tree row says about a node.
public struct NodeSummary: Sendable {
  /// The qualified id: `acme`, `acme.csat` or `acme.csat.nps`.
  public var id: String
  /// `objective`, `key-result` or `entity`.
  public var kind: String
  /// The title; for an entity, its name (its id when it has none).
  public var title: String
  /// The level: an entity's own, or that of the entity owning the objective.
  public var level: Level?
  /// Progress, 0…1; nil for an entity.
  public var progress: Double?
  /// The elapsed fraction of the cycle (for a key result, its objective's); nil for an entity or without a cycle.
  public var expected: Double?
  /// The status; nil for an entity.
  public var status: ProgressStatus?

  /// The node-set table's columns and this node's values for them.
  static let columns = ["id", "kind", "level", "progress", "status", "title"]
  var row: [QueryValue] {
    [
      .text(id), .word(kind), level.map { .level($0) } ?? .none, progress.map { .fraction($0) } ?? .none,
      status.map { .status($0) } ?? .none, .text(title),
    ]
  }
}

/// Everything about one node, as named fields, plus tables (key results, check-ins, objectives).
public struct QueryDetails: Sendable {
  /// The named fields in display order, from `id`, `kind` and `title` on; `.none` where one does not apply.
  public var fields: [(name: String, value: QueryValue)]
  /// Tables shown after the fields: an objective's `keyResults`, a key result's `checkins`, an entity's `objectives`.
  public var sections: [(name: String, table: QueryTable)]
}

/// `progress REF [at DATE]`.
public struct ProgressAnswer: Sendable {
  /// The objective or key result asked about, evaluated as of ``date``.
  public var node: NodeSummary
  /// The date of the answer: the query's `at DATE`, else the engine's as-of date.
  public var date: Day
  /// Progress, 0…1.
  public var progress: Double
  /// The elapsed fraction of the cycle (for a key result, its objective's); nil without a cycle.
  public var expected: Double?
  /// The status on ``date``.
  public var status: ProgressStatus
  /// True when a progress override (the plan's or a what-if's) decides the value.
  public var isOverridden: Bool
}

/// `impact REF [on REF]`.
public struct ImpactAnswer: Sendable {
  /// The objective or key result whose impact is measured: the REF of `impact REF`.
  public var source: NodeSummary
  /// Each ancestor asked about (or each top-level ancestor) with the impact on it.
  public var targets: [(node: NodeSummary, impact: Double)]
  /// True for `impact X on Y`: one target, named by the query.
  public var isSingleTarget: Bool
  /// Why an impact is 0, or why there are no targets; shown under the answer.
  public var notes: [String]
}

/// `history REF`.
public struct HistoryAnswer: Sendable {
  /// The objective or key result whose history this is.
  public var node: NodeSummary
  /// The last date the history covers: the engine's as-of date.
  public var asOf: Day
  /// Progress on each check-in or `done` date in the node's subtree up to ``asOf``, oldest first.
  public var points: [HistoryPoint]
}

/// `stats`: the shape of the plan.
public struct PlanStatistics: Sendable {
  /// The date the statuses are evaluated as of.
  public var asOf: Day
  /// How many entities each level has, company first (every level, zeros included).
  public var entitiesPerLevel: [(level: Level, count: Int)]
  /// How many objectives are owned at each level, company first (every level, zeros included).
  public var objectivesPerLevel: [(level: Level, count: Int)]
  /// The number of objectives in the plan.
  public var objectives: Int
  /// The number of key results in the plan.
  public var keyResults: Int
  /// The number of links, `supports` and `reuses` alike.
  public var links: Int
  /// Links written `objective X reuses REF`.
  public var reuses: Int
  /// Links to a parent's key result (a KR promoted to an objective).
  public var promotions: Int
  /// Links to a parent objective (a contribution by design).
  public var contributions: Int
  /// Accepted links ÷ all links, reuse links included (a `supports REF accepted by P` inside the reusing
  /// objective accepts one); nil when the plan has no links.
  public var acceptanceRate: Double?
  /// How many objectives `orphans` lists: below company level, supporting nothing,
  /// not tagged as knowingly unlinked.
  public var orphans: Int
  /// Orphans ÷ objectives below company level; nil without any.
  public var orphanRate: Double?
  /// How many objectives have each status, `upcoming` first; statuses no objective has are left out.
  public var statuses: [(status: ProgressStatus, count: Int)]
}

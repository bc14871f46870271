/// A problem found in a plan: a structured value, rendered by ``DiagnosticRenderer``.
public struct Diagnostic: Sendable, Hashable {
  /// A secondary place involved in the problem, with a short label.
  public struct Label: Sendable, Hashable {
    /// Where the other place is.
    public var location: SourceLocation
    /// The label shown under it, e.g. "first link".
    public var message: String

    /// A label `message` at `location`.
    public init(_ location: SourceLocation, _ message: String) {
      self.location = location
      self.message = message
    }
  }

  /// The rule that found the problem; its name is stable (`okr explain RULE` describes it).
  public var rule: Rule
  /// How serious the problem is: the rule's default, or what the plan's `policy` sets.
  public var severity: Severity
  /// What is wrong, in one sentence.
  public var message: String
  /// Where it is wrong.
  public var location: SourceLocation
  /// A short label under the primary span's carets.
  public var primaryLabel: String?
  /// Other places involved (e.g. the parent's declaration).
  public var labels: [Label]
  /// Extra facts worth knowing.
  public var notes: [String]
  /// How to fix it.
  public var help: String?

  /// A diagnostic of `rule` at `location`; `severity` defaults to the rule's default severity.
  public init(
    _ rule: Rule,
    _ message: String,
    at location: SourceLocation,
    label: String? = nil,
    severity: Severity? = nil,
    labels: [Label] = [],
    notes: [String] = [],
    help: String? = nil
  ) {
    self.rule = rule
    self.severity = severity ?? rule.defaultSeverity
    self.message = message
    self.location = location
    self.primaryLabel = label
    self.labels = labels
    self.notes = notes
    self.help = help
  }
}

extension Array where Element == Diagnostic {
  /// The number of diagnostics with severity `error`.
  public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
  /// The number of diagnostics with severity `warning`.
  public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }

  /// Sorted by file, then position, then rule: the order users read them in.
  public func sortedByLocation() -> [Diagnostic] {
    sorted {
      if $0.location.file != $1.location.file { return $0.location.file < $1.location.file }
      if $0.location.span.start != $1.location.span.start {
        return $0.location.span.start < $1.location.span.start
      }
      return $0.rule.rawValue < $1.rule.rawValue
    }
  }
}

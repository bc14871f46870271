/// A problem found in a plan: a structured value, rendered by ``DiagnosticRenderer``.
public struct Diagnostic: Sendable, Hashable {
  /// A secondary place involved in the problem, with a short label.
  public struct Label: Sendable, Hashable {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
      self.location = location
      self.message = message
    }
  }

  public var rule: Rule
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

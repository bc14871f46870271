/// A stable, kebab-case rule name (LANGUAGE.md §5).
///
/// Every diagnostic carries exactly one rule. The raw value is the spelling users
/// write in `policy { rule NAME … }` and pass to `okr explain`.
public enum Rule: String, CaseIterable, Sendable, Codable {
  case syntax
  case invalidLiteral = "invalid-literal"
  case unknownReference = "unknown-reference"
  case duplicateDefinition = "duplicate-definition"
  case wrongKind = "wrong-kind"
  case includeError = "include-error"
  case companyTopLevel = "company-top-level"
  case levelNotAllowed = "level-not-allowed"
  case supportsCycle = "supports-cycle"
  case tooManyParents = "too-many-parents"
  case unsharedSecondParent = "unshared-second-parent"
  case periodTooLong = "period-too-long"
  case backwardLink = "backward-link"
  case closedCycle = "closed-cycle"
  case orphan
  case unacceptedLink = "unaccepted-link"
  case acceptorWithoutAuthority = "acceptor-without-authority"
  case ownerNotMember = "owner-not-member"
  case nonpositiveWeight = "nonpositive-weight"
  case emptyRange = "empty-range"
  case valueOutOfRange = "value-out-of-range"
  case duplicateCheckin = "duplicate-checkin"
  case checkinOutsideCycle = "checkin-outside-cycle"
  case nothingToMeasure = "nothing-to-measure"
  case measuredAndSupported = "measured-and-supported"
  case overrideIgnores = "override-ignores"
  case tooManyObjectives = "too-many-objectives"

  /// The severity a diagnostic of this rule has unless the plan's policy changes it.
  public var defaultSeverity: Severity {
    switch self {
    case .unsharedSecondParent, .orphan, .unacceptedLink, .checkinOutsideCycle,
      .nothingToMeasure, .tooManyObjectives:
      return .warning
    case .measuredAndSupported, .overrideIgnores:
      return .note
    default:
      return .error
    }
  }

  /// Whether a policy may change this rule's severity or turn it off.
  ///
  /// Rules that make a plan meaningless (it does not parse, a name does not
  /// resolve) cannot be relaxed.
  public var isConfigurable: Bool {
    switch self {
    case .syntax, .invalidLiteral, .unknownReference, .duplicateDefinition, .wrongKind, .includeError:
      return false
    default:
      return true
    }
  }
}

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
  case error, warning, note

  private var rank: Int {
    switch self {
    case .error: 2
    case .warning: 1
    case .note: 0
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable, kebab-case rule name (LANGUAGE.md §5).
///
/// Every diagnostic carries exactly one rule. The raw value is the spelling users
/// write in `policy { rule NAME … }` and pass to `okr explain`.
public enum Rule: String, CaseIterable, Sendable, Codable {
  /// The text does not parse.
  case syntax
  /// A date, period, number or escape with no valid value, or invalid UTF-8.
  case invalidLiteral = "invalid-literal"
  /// A name that the plan does not declare.
  case unknownReference = "unknown-reference"
  /// The same id, or the same single setting, twice in one scope.
  case duplicateDefinition = "duplicate-definition"
  /// A name of the wrong kind for its place, e.g. `supports` names a person.
  case wrongKind = "wrong-kind"
  /// An `include` that is missing, outside the plan's folder, or in a loop.
  case includeError = "include-error"
  /// A company objective supports something below company level.
  case companyTopLevel = "company-top-level"
  /// A link joins two levels that the policy does not allow to be linked.
  case levelNotAllowed = "level-not-allowed"
  /// Objectives support each other in a loop.
  case supportsCycle = "supports-cycle"
  /// An objective has more parents than the policy's `max-parents`.
  case tooManyParents = "too-many-parents"
  /// An objective has two parents but is not `shared`.
  case unsharedSecondParent = "unshared-second-parent"
  /// The child's cycle is longer than its parent's.
  case periodTooLong = "period-too-long"
  /// The parent's cycle ends before the child's begins.
  case backwardLink = "backward-link"
  /// An objective in an open cycle supports one whose cycle is closed.
  case closedCycle = "closed-cycle"
  /// An objective below company level supports nothing and is not tagged as knowingly unlinked.
  case orphan
  /// A link has no `accepted by`.
  case unacceptedLink = "unaccepted-link"
  /// The person who accepted a link has no authority over the parent.
  case acceptorWithoutAuthority = "acceptor-without-authority"
  /// An objective's `owner` is not a member or lead of the entity that owns it.
  case ownerNotMember = "owner-not-member"
  /// A weight is zero or negative.
  case nonpositiveWeight = "nonpositive-weight"
  /// A metric's `from` equals its `to`.
  case emptyRange = "empty-range"
  /// A confidence outside 0…1, or a progress outside 0%…100%.
  case valueOutOfRange = "value-out-of-range"
  /// A key result has two check-ins on one date.
  case duplicateCheckin = "duplicate-checkin"
  /// A check-in is dated outside its objective's cycle.
  case checkinOutsideCycle = "checkin-outside-cycle"
  /// An objective has no key results, no supporters and no progress override.
  case nothingToMeasure = "nothing-to-measure"
  /// A key result with its own measure also has supporters, which do not move it.
  case measuredAndSupported = "measured-and-supported"
  /// A progress override hides the computed progress.
  case overrideIgnores = "override-ignores"
  /// An entity owns more objectives in one cycle than the policy allows.
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
  /// An `error` makes `okr check` fail (exit 1); a `warning` or a `note` is only reported.
  case error, warning, note

  private var rank: Int {
    switch self {
    case .error: 2
    case .warning: 1
    case .note: 0
    }
  }

  /// Orders by seriousness: `note` < `warning` < `error`.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

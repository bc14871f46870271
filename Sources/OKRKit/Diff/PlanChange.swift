/// One difference in meaning between two plans: a thing added, removed, moved, or one of its
/// settings changed.
///
/// Things are identified by their qualified ids, never by where they are written: a key result
/// change carries the key result's id (`owner.objective.kr`), a link change the child
/// objective's id with the parent in the `parent` detail, a policy change the setting's name.
public struct PlanChange: Sendable, Hashable {
  /// What kind of change it is, which decides what ``before``, ``after`` and ``details`` hold.
  public var kind: Kind
  /// The qualified id of the changed thing (its id in the new plan when it exists there).
  public var id: String
  /// Extra facts that identify or describe the change (a link's `parent`, a check-in's `date`,
  /// a new entity's `level`, a new key result's `target`), in a fixed order.
  public var details: [ChangeDetail]
  /// The value before; nil when the kind has no "before" (something added).
  public var before: ChangeValue?
  /// The value after; nil when the kind has no "after" (something removed).
  public var after: ChangeValue?

  /// A change of `kind` to the thing whose qualified id is `id`.
  public init(
    _ kind: Kind, _ id: String, details: [ChangeDetail] = [], before: ChangeValue? = nil,
    after: ChangeValue? = nil
  ) {
    self.kind = kind
    self.id = id
    self.details = details
    self.before = before
    self.after = after
  }

  /// The detail named `name`, if the change has one.
  public func detail(_ name: String) -> ChangeValue? {
    details.first { $0.name == name }?.value
  }

  /// What changed; the raw value is the stable kebab-case `kind` of the JSON output.
  public enum Kind: String, Sendable, CaseIterable {
    // Plan-wide settings.
    /// A `policy` setting's effective value; the id names the setting, e.g. `max-parents`, `rule orphan`.
    case policyChanged = "policy-changed"
    /// A new `cycle NAME PERIOD`; `after` is the period, the `closed` detail whether it is closed.
    case namedCycleAdded = "named-cycle-added"
    /// A named cycle no longer declared; `before` is its period.
    case namedCycleRemoved = "named-cycle-removed"
    /// A named cycle's period.
    case namedCycleChanged = "named-cycle-changed"
    /// A named cycle or a period is now `closed`.
    case cycleClosed = "cycle-closed"
    /// A named cycle or a period is no longer `closed`.
    case cycleReopened = "cycle-reopened"
    // Entities.
    /// A new entity; `after` is its name, the `level` detail its level.
    case entityAdded = "entity-added"
    /// An entity gone; `before` is its name, the `level` detail its level.
    case entityRemoved = "entity-removed"
    /// An entity's display name.
    case entityRenamed = "entity-renamed"
    /// An entity's level, e.g. `team` to `unit`.
    case entityLevelChanged = "entity-level-changed"
    /// The entities an entity is `in`.
    case entityParentsChanged = "entity-parents-changed"
    /// A unit's or team's `lead` list.
    case entityLeadsChanged = "entity-leads-changed"
    /// A company's `admin` list.
    case entityAdminsChanged = "entity-admins-changed"
    // Objectives.
    /// A new objective; `after` is its title.
    case objectiveAdded = "objective-added"
    /// An objective gone; `before` is its title.
    case objectiveRemoved = "objective-removed"
    /// An objective now under another owner (same id and title); `before` and `after` are its qualified ids.
    case objectiveMoved = "objective-moved"
    /// An objective's title (for `reuses`, the title it shows).
    case objectiveRenamed = "objective-renamed"
    /// An objective's `cycle`; the values are cycle labels (a declared cycle's name, or a period).
    case cycleChanged = "cycle-changed"
    /// An objective's `owner`, the accountable person.
    case objectiveOwnerChanged = "objective-owner-changed"
    /// An objective's `shared` flag.
    case objectiveSharedChanged = "objective-shared-changed"
    /// An objective's `progress N% override`, as a fraction.
    case objectiveOverrideChanged = "objective-override-changed"
    /// An objective's tags.
    case objectiveTagsChanged = "objective-tags-changed"
    /// An objective's `note`.
    case objectiveNoteChanged = "objective-note-changed"
    // Links (`supports` and `reuses`).
    /// A new link from the objective to the `parent` detail; `after` holds its terms.
    case linkAdded = "link-added"
    /// A link gone; `before` holds its terms.
    case linkRemoved = "link-removed"
    /// A link's `weight`.
    case linkReweighted = "link-reweighted"
    /// A link that gained an `accepted by`.
    case linkAccepted = "link-accepted"
    /// A link that lost its `accepted by`.
    case linkUnaccepted = "link-unaccepted"
    /// A link's acceptor or acceptance date.
    case linkAcceptanceChanged = "link-acceptance-changed"
    // Key results.
    /// A new key result; `after` is its title, the `target` detail what it measures.
    case keyResultAdded = "kr-added"
    /// A key result gone; `before` is its title, the `target` detail what it measured.
    case keyResultRemoved = "kr-removed"
    /// A key result now under another objective of the same owner; `before` and `after` are its qualified ids.
    case keyResultMoved = "kr-moved"
    /// A key result's title.
    case keyResultRenamed = "kr-renamed"
    /// What a key result measures: its kind of measure, or a metric's `from`, `to` or `unit`.
    case keyResultTargetChanged = "kr-target-changed"
    /// A metric's `current` value.
    case keyResultCurrentChanged = "kr-current-changed"
    /// A milestone's `done [DATE]`.
    case keyResultDoneChanged = "kr-done-changed"
    /// A manual key result's `progress N%`, as a fraction.
    case keyResultProgressChanged = "kr-progress-changed"
    /// A key result's `weight`.
    case keyResultWeightChanged = "kr-weight-changed"
    /// A key result's `owner`.
    case keyResultOwnerChanged = "kr-owner-changed"
    /// A key result's `note`.
    case keyResultNoteChanged = "kr-note-changed"
    /// A key result's host `source` name.
    case keyResultSourceChanged = "kr-source-changed"
    // Check-ins of a key result that is in both plans.
    /// A check-in added on the day of the `date` detail; `after` holds it.
    case checkinAdded = "checkin-added"
    /// A check-in removed from the day of the `date` detail; `before` holds it.
    case checkinRemoved = "checkin-removed"
    /// A check-in's value, confidence or note on the day of the `date` detail.
    case checkinChanged = "checkin-changed"

    /// Whether the change adds something (`+`), removes something (`-`) or changes it in place (`~`).
    public var marker: ChangeMarker {
      switch self {
      case .namedCycleAdded, .entityAdded, .objectiveAdded, .linkAdded, .keyResultAdded, .checkinAdded:
        .added
      case .namedCycleRemoved, .entityRemoved, .objectiveRemoved, .linkRemoved, .keyResultRemoved,
        .checkinRemoved:
        .removed
      default:
        .changed
      }
    }
  }
}

/// The `+`, `-` or `~` in front of a change.
public enum ChangeMarker: String, Sendable {
  /// `+`: something new.
  case added = "+"
  /// `-`: something gone.
  case removed = "-"
  /// `~`: something changed in place.
  case changed = "~"
}

/// A named fact attached to a change.
public struct ChangeDetail: Sendable, Hashable {
  /// The JSON key, e.g. `parent`, `date`, `level`, `target`.
  public var name: String
  /// The fact, e.g. the parent's qualified id for `parent`.
  public var value: ChangeValue

  /// A detail named `name` (its JSON key) holding `value`.
  public init(_ name: String, _ value: ChangeValue) {
    self.name = name
    self.value = value
  }
}

/// A value before or after a change, typed so that text and JSON can each show it well.
public enum ChangeValue: Sendable, Hashable {
  /// Not set (an optional setting that is absent): JSON `null`.
  case absent
  /// Text from the plan (a title, name or note): quoted in text output.
  case text(String)
  /// An id, level, cycle label or setting: shown as is.
  case word(String)
  /// A plain number: a weight, a metric's `current`, a numeric policy setting.
  case number(Double)
  /// A fraction shown as a percentage in text (JSON keeps the fraction).
  case fraction(Double)
  /// Yes or no: `shared`, or a named cycle's `closed` detail.
  case flag(Bool)
  /// A date: a check-in's `date` detail.
  case day(Day)
  /// A set of ids or words, sorted.
  case words([String])
  /// What a key result measures.
  case target(KeyResultTarget)
  /// Whether a milestone is done, and when.
  case completion(isDone: Bool, on: Day?)
  /// Who accepted a link, and when.
  case acceptance(Acceptance)
  /// A link's weight and acceptance.
  case link(LinkTerms)
  /// A check-in's value, confidence and note.
  case checkin(CheckinValue)
}

/// What a key result measures, without its current value.
public enum KeyResultTarget: Sendable, Hashable {
  /// `from A to B [unit WORD]`.
  case metric(from: Double, to: Double, unit: String?)
  /// `milestone`: done or not.
  case milestone
  /// `progress N%`.
  case manual
  /// No measure of its own: progress comes from supporters.
  case unmeasured

  /// The target of a measure.
  public init(_ measure: Measure) {
    switch measure {
    case .metric(let from, let to, _, let unit): self = .metric(from: from, to: to, unit: unit)
    case .milestone: self = .milestone
    case .manual: self = .manual
    case .none: self = .unmeasured
    }
  }
}

/// `accepted by PERSON [on DATE]`; `by` is nil only when the person's name did not resolve.
public struct Acceptance: Sendable, Hashable {
  /// The acceptor's entity id; nil when the name did not resolve.
  public var by: String?
  /// The `on DATE` of the acceptance, when written.
  public var on: Day?

  /// An acceptance by the person `by` on the day `on`.
  public init(by: String?, on: Day?) {
    self.by = by
    self.on = on
  }
}

/// How a link is written, apart from its ends: weight, acceptance, and whether it is a `reuses`.
public struct LinkTerms: Sendable, Hashable {
  /// The link's `weight` (1 when not written).
  public var weight: Double
  /// Who accepted the link, and when; nil for an unaccepted link.
  public var acceptance: Acceptance?
  /// True for the link implied by `objective X reuses REF`.
  public var isReuse: Bool

  /// The terms of one link.
  public init(weight: Double, acceptance: Acceptance?, isReuse: Bool) {
    self.weight = weight
    self.acceptance = acceptance
    self.isReuse = isReuse
  }
}

/// A check-in's value, confidence and note (its date identifies it).
public struct CheckinValue: Sendable, Hashable {
  /// The checked-in value, in the key result's unit.
  public var value: Double
  /// The `confidence C` (0…1), when written.
  public var confidence: Double?
  /// The check-in's note, when written.
  public var note: String?

  /// One check-in's value, confidence and note.
  public init(value: Double, confidence: Double?, note: String?) {
    self.value = value
    self.confidence = confidence
    self.note = note
  }
}

/// What a group of changes is about: the header the text output shows above them.
public enum ChangeSubject: Sendable, Hashable {
  /// The plan's `policy` block.
  case policy
  /// A named cycle or a closed period.
  case cycle(String)
  /// An entity, with its level and display name (new plan's, else old's).
  case entity(id: String, level: Level, name: String?)
  /// An objective, with its title (new plan's, else old's).
  case objective(id: String, title: String)
}

/// The changes about one subject, in a fixed order.
public struct ChangeSection: Sendable, Hashable {
  /// What the changes are about: the header above them.
  public var subject: ChangeSubject
  /// The changes, in the order described at ``PlanChanges``.
  public var changes: [PlanChange]

  /// A section of `changes` about `subject`.
  public init(subject: ChangeSubject, changes: [PlanChange]) {
    self.subject = subject
    self.changes = changes
  }

  /// `+` when the subject is new, `-` when it is gone, `~` when it changed.
  public var marker: ChangeMarker {
    guard let first = changes.first else { return .changed }
    switch first.kind {
    case .entityAdded, .objectiveAdded, .namedCycleAdded: return .added
    case .entityRemoved, .objectiveRemoved, .namedCycleRemoved: return .removed
    default: return .changed
    }
  }
}

/// How far an objective's progress and status moved between the two plans, as of one date.
public struct ProgressEffect: Sendable, Hashable {
  /// The objective's qualified id in the new plan.
  public var id: String
  /// The objective's progress and status in the old plan.
  public var before: Standing
  /// The objective's progress and status in the new plan.
  public var after: Standing

  /// The effect on the objective `id` (its qualified id in the new plan).
  public init(id: String, before: Standing, after: Standing) {
    self.id = id
    self.before = before
    self.after = after
  }

  /// Progress (0…1) and status of one objective.
  public struct Standing: Sendable, Hashable {
    /// Progress, 0…1.
    public var progress: Double
    /// The status's name, e.g. `on-track`.
    public var status: String

    /// A standing: `progress` (0…1) and the name of the status.
    public init(progress: Double, status: String) {
      self.progress = progress
      self.status = status
    }
  }
}

/// Everything that differs in meaning between two plans, grouped by subject, plus the effect on
/// objectives' progress when an evaluator was supplied.
///
/// Sections come in a fixed order: the policy, cycles (by name), entities (by id), objectives
/// (by owner id, then objective id). Within an objective: the objective's own changes, then its
/// links (by parent id), then its key results (by id), each followed by its check-ins (by date).
public struct PlanChanges: Sendable, Hashable {
  /// The changes grouped by subject, in the order described above; empty when the plans mean the same.
  public var sections: [ChangeSection]
  /// Objectives in both plans whose progress or status moved, in section order.
  public var effects: [ProgressEffect]
  /// The date the effects were computed for; nil when no evaluator was supplied.
  public var asOf: Day?

  /// Changes in `sections`; `effects` and `asOf` only when an evaluator compared the plans.
  public init(sections: [ChangeSection], effects: [ProgressEffect] = [], asOf: Day? = nil) {
    self.sections = sections
    self.effects = effects
    self.asOf = asOf
  }

  /// Every change, in order.
  public var changes: [PlanChange] { sections.flatMap(\.changes) }

  /// True when the plans mean the same.
  public var isEmpty: Bool { sections.isEmpty }
}

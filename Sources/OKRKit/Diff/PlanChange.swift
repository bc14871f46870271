/// One difference in meaning between two plans: a thing added, removed, moved, or one of its
/// settings changed.
///
/// Things are identified by their qualified ids, never by where they are written: a key result
/// change carries the key result's id (`owner.objective.kr`), a link change the child
/// objective's id with the parent in the `parent` detail, a policy change the setting's name.
public struct PlanChange: Sendable, Hashable {
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
    case policyChanged = "policy-changed"
    case namedCycleAdded = "named-cycle-added"
    case namedCycleRemoved = "named-cycle-removed"
    case namedCycleChanged = "named-cycle-changed"
    case cycleClosed = "cycle-closed"
    case cycleReopened = "cycle-reopened"
    // Entities.
    case entityAdded = "entity-added"
    case entityRemoved = "entity-removed"
    case entityRenamed = "entity-renamed"
    case entityLevelChanged = "entity-level-changed"
    case entityParentsChanged = "entity-parents-changed"
    case entityLeadsChanged = "entity-leads-changed"
    case entityAdminsChanged = "entity-admins-changed"
    // Objectives.
    case objectiveAdded = "objective-added"
    case objectiveRemoved = "objective-removed"
    case objectiveMoved = "objective-moved"
    case objectiveRenamed = "objective-renamed"
    case cycleChanged = "cycle-changed"
    case objectiveOwnerChanged = "objective-owner-changed"
    case objectiveSharedChanged = "objective-shared-changed"
    case objectiveOverrideChanged = "objective-override-changed"
    case objectiveTagsChanged = "objective-tags-changed"
    case objectiveNoteChanged = "objective-note-changed"
    // Links (`supports` and `reuses`).
    case linkAdded = "link-added"
    case linkRemoved = "link-removed"
    case linkReweighted = "link-reweighted"
    case linkAccepted = "link-accepted"
    case linkUnaccepted = "link-unaccepted"
    case linkAcceptanceChanged = "link-acceptance-changed"
    // Key results.
    case keyResultAdded = "kr-added"
    case keyResultRemoved = "kr-removed"
    case keyResultMoved = "kr-moved"
    case keyResultRenamed = "kr-renamed"
    case keyResultTargetChanged = "kr-target-changed"
    case keyResultCurrentChanged = "kr-current-changed"
    case keyResultDoneChanged = "kr-done-changed"
    case keyResultProgressChanged = "kr-progress-changed"
    case keyResultWeightChanged = "kr-weight-changed"
    case keyResultOwnerChanged = "kr-owner-changed"
    case keyResultNoteChanged = "kr-note-changed"
    case keyResultSourceChanged = "kr-source-changed"
    // Check-ins of a key result that is in both plans.
    case checkinAdded = "checkin-added"
    case checkinRemoved = "checkin-removed"
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
  case added = "+"
  case removed = "-"
  case changed = "~"
}

/// A named fact attached to a change.
public struct ChangeDetail: Sendable, Hashable {
  /// The JSON key, e.g. `parent`, `date`, `level`, `target`.
  public var name: String
  public var value: ChangeValue

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
  case number(Double)
  /// A fraction shown as a percentage in text (JSON keeps the fraction).
  case fraction(Double)
  case flag(Bool)
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
  public var by: String?
  public var on: Day?

  public init(by: String?, on: Day?) {
    self.by = by
    self.on = on
  }
}

/// How a link is written, apart from its ends: weight, acceptance, and whether it is a `reuses`.
public struct LinkTerms: Sendable, Hashable {
  public var weight: Double
  public var acceptance: Acceptance?
  /// True for the link implied by `objective X reuses REF`.
  public var isReuse: Bool

  public init(weight: Double, acceptance: Acceptance?, isReuse: Bool) {
    self.weight = weight
    self.acceptance = acceptance
    self.isReuse = isReuse
  }
}

/// A check-in's value, confidence and note (its date identifies it).
public struct CheckinValue: Sendable, Hashable {
  public var value: Double
  public var confidence: Double?
  public var note: String?

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
  public var subject: ChangeSubject
  public var changes: [PlanChange]

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
  public var before: Standing
  public var after: Standing

  public init(id: String, before: Standing, after: Standing) {
    self.id = id
    self.before = before
    self.after = after
  }

  /// Progress (0…1) and status of one objective.
  public struct Standing: Sendable, Hashable {
    public var progress: Double
    public var status: String

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
  public var sections: [ChangeSection]
  /// Objectives in both plans whose progress or status moved, in section order.
  public var effects: [ProgressEffect]
  /// The date the effects were computed for; nil when no evaluator was supplied.
  public var asOf: Day?

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

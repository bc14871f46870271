/// Index of an entity (company, unit, team or person) in ``Plan/entities``.
public struct EntityID: Hashable, Sendable, Comparable {
  public let index: Int32
  public init(_ index: Int32) { self.index = index }
  public init(_ index: Int) { self.index = Int32(index) }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// Index of an objective in ``Plan/objectives``.
public struct ObjectiveID: Hashable, Sendable, Comparable {
  public let index: Int32
  public init(_ index: Int32) { self.index = index }
  public init(_ index: Int) { self.index = Int32(index) }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// Index of a key result in ``Plan/keyResults``.
public struct KeyResultID: Hashable, Sendable, Comparable {
  public let index: Int32
  public init(_ index: Int32) { self.index = index }
  public init(_ index: Int) { self.index = Int32(index) }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// Index of a `supports` link in ``Plan/links``.
public struct LinkID: Hashable, Sendable, Comparable {
  public let index: Int32
  public init(_ index: Int32) { self.index = index }
  public init(_ index: Int) { self.index = Int32(index) }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// Text that stays in the source buffer until shown: a string literal in a file.
public struct TextRef: Hashable, Sendable {
  public var file: FileID
  public var literal: StringLiteral
}

/// A company, unit, team or person.
public struct Entity: Sendable {
  /// The plan-wide id, e.g. `acme`.
  public var id: String
  public var level: Level
  /// The display name from the declaration that has one.
  public var name: TextRef?
  /// The enclosing entities (`in A, B`).
  public var parents: [EntityID]
  /// Persons named by `lead` (units and teams).
  public var leads: [EntityID]
  /// Persons named by `admin` (companies).
  public var admins: [EntityID]
  /// Objectives owned by this entity, in declaration order.
  public var objectives: [ObjectiveID]
  /// Where the entity is declared (its id in the naming declaration, else the first).
  public var location: SourceLocation
}

/// The cycle an objective belongs to.
public struct CycleAssignment: Sendable, Hashable {
  public var period: Period
  /// The cycle's name when the objective names a declared cycle.
  public var name: String?
  /// Whether the period (or the named cycle) is declared `closed`.
  public var isClosed: Bool
  /// Where the objective's `cycle` statement is.
  public var location: SourceLocation

  /// How the cycle reads: its name, or the period.
  public var label: String { name ?? period.description }
}

/// An objective, owned by an entity.
///
/// Stored compactly (a plan may have a million, 96 bytes each): positions in the objective's own
/// file are kept as spans, its cycle's terms in a ``CycleTerms`` shared with the objectives of the
/// same cycle, and what few objectives have (tags, a note, a progress override) in an
/// ``ObjectiveExtras`` of its own; the properties below rebuild them.
public struct Objective: Sendable {
  /// The id within its owner, e.g. `csat`.
  public var localID: String
  private var cycleTerms: CycleTerms?
  private var extras: ObjectiveExtras?
  /// Where the objective's id is written.
  public var location: SourceLocation
  /// This objective's key results: a contiguous range of ``Plan/keyResults``.
  public var keyResults: Range<Int32>
  public var owner: EntityID
  /// Where the `cycle` statement is, when ``cycleTerms`` is set.
  private var cycleLocation: SourceLocation
  private var titleSpan: PackedSpan
  private var accountableSpan = PackedSpan(nil)
  /// The ``EntityID/index`` of ``accountable`` and the ``ObjectiveID/index`` of ``reuses``; -1 for none.
  private var accountableIndex: Int32 = -1
  private var reusesIndex: Int32 = -1
  public var isShared: Bool
  /// True when a `supports` or `reuses` did not resolve: rules about parents stay quiet
  /// rather than adding a second complaint about the same line.
  public var hasUnresolvedParent: Bool

  init(
    owner: EntityID, localID: String, title: StringLiteral?, keyResults: Range<Int32>, location: SourceLocation
  ) {
    self.localID = localID
    self.location = location
    self.keyResults = keyResults
    self.owner = owner
    self.cycleLocation = location
    self.titleSpan = PackedSpan(title?.span)
    self.isShared = false
    self.hasUnresolvedParent = false
  }

  /// The title, or nil for `reuses` (see ``Plan/title(of:)``).
  public var title: TextRef? { titleSpan.span.map { TextRef(file: location.file, literal: StringLiteral(span: $0)) } }

  public var tags: [String] {
    get { extras?.values.tags ?? [] }
    set { change { $0.tags = newValue } }
  }

  public var cycle: CycleAssignment? {
    get {
      cycleTerms.map {
        CycleAssignment(period: $0.period, name: $0.name, isClosed: $0.isClosed, location: cycleLocation)
      }
    }
    set {
      cycleTerms = newValue.map { CycleTerms(period: $0.period, name: $0.name, isClosed: $0.isClosed) }
      cycleLocation = newValue?.location ?? location
    }
  }

  /// Whether this objective and `other` both have a cycle, of the same period and both closed or
  /// both open: read without rebuilding either ``cycle``.
  func hasTheSameCycleTerms(as other: Objective) -> Bool {
    guard let mine = cycleTerms, let theirs = other.cycleTerms else { return false }
    return mine === theirs || (mine.period == theirs.period && mine.isClosed == theirs.isClosed)
  }

  /// The first and last day of the cycle, when there is one, read from its shared terms.
  var cycleDays: CycleDays? { cycleTerms?.days }

  /// Sets the cycle to `terms`, written at `location`.
  mutating func setCycle(_ terms: CycleTerms, at location: SourceLocation) {
    (cycleTerms, cycleLocation) = (terms, location)
  }

  /// The accountable person (`owner P`).
  public var accountable: EntityID? {
    get { accountableIndex < 0 ? nil : EntityID(accountableIndex) }
    set { accountableIndex = newValue?.index ?? -1 }
  }

  /// The objective named by `reuses`, when resolved.
  public var reuses: ObjectiveID? {
    get { reusesIndex < 0 ? nil : ObjectiveID(reusesIndex) }
    set { reusesIndex = newValue?.index ?? -1 }
  }

  public internal(set) var note: TextRef? {
    get { extras?.values.noteSpan.span.map { TextRef(file: location.file, literal: StringLiteral(span: $0)) } }
    set { change { $0.noteSpan = PackedSpan(newValue?.literal.span) } }
  }

  /// `progress N% override`, as a fraction.
  public internal(set) var progressOverride: Double? {
    get { extras?.values.progressOverride }
    set { change { $0.progressOverride = newValue } }
  }

  /// The `owner P` statement, when written.
  public internal(set) var accountableLocation: SourceLocation? {
    get { accountableSpan.span.map { SourceLocation(file: location.file, span: $0) } }
    set { accountableSpan = PackedSpan(newValue?.span) }
  }

  /// The `progress N% override` statement, when written.
  public internal(set) var overrideLocation: SourceLocation? {
    get { extras?.values.overrideSpan.span.map { SourceLocation(file: location.file, span: $0) } }
    set { change { $0.overrideSpan = PackedSpan(newValue?.span) } }
  }

  /// Replaces ``extras`` with a copy changed by `change` (none when it holds nothing).
  private mutating func change(_ change: (inout ObjectiveExtras.Values) -> Void) {
    var values = extras?.values ?? ObjectiveExtras.Values()
    change(&values)
    extras = values.isEmpty ? nil : ObjectiveExtras(values)
  }
}

/// The terms of an objective's cycle: its period, its name when it names a declared cycle, and
/// whether it is closed. Objectives of the same cycle share one.
final class CycleTerms: Sendable {
  let period: Period
  let name: String?
  let isClosed: Bool
  /// The period's first and last day, worked out once for all the objectives that share it.
  let days: CycleDays

  init(period: Period, name: String?, isClosed: Bool) {
    (self.period, self.name, self.isClosed) = (period, name, isClosed)
    days = CycleDays(first: period.first, last: period.last)
  }
}

/// A cycle's first and last day (a range a host sets may end before it starts, so not a
/// `ClosedRange`).
struct CycleDays: Hashable {
  var first: Day
  var last: Day

  /// Whether `day` is in the cycle.
  func contains(_ day: Day) -> Bool { first <= day && day <= last }
}

/// What few objectives have: tags, a note, a progress override. Kept out of ``Objective`` so that
/// the many without them take no room for them.
final class ObjectiveExtras: Sendable {
  struct Values: Equatable {
    var tags: [String] = []
    var noteSpan = PackedSpan(nil)
    var progressOverride: Double?
    var overrideSpan = PackedSpan(nil)

    var isEmpty: Bool { self == Values() }
  }

  let values: Values

  init(_ values: Values) { self.values = values }
}

/// A span or none in the room of a span (none is a start of `UInt32.max`, past any file).
struct PackedSpan: Sendable, Hashable {
  private var start: UInt32
  private var end: UInt32

  init(_ span: Span?) {
    (start, end) = span.map { ($0.start, $0.end) } ?? (.max, .max)
  }

  var span: Span? { start == .max ? nil : Span(start: start, end: end) }
}

/// How a key result measures progress.
public enum Measure: Sendable, Hashable {
  /// `from A to B [unit W] [current V]`; B < A means a decrease.
  case metric(from: Double, to: Double, current: Double?, unit: String?)
  /// `milestone [done [DATE]]`; `doneOn` nil with `isDone` means done with no date.
  case milestone(isDone: Bool, doneOn: Day?)
  /// `progress N%`, as a fraction.
  case manual(Double)
  /// None of the above: progress comes from supporters, if any.
  case none
}

/// A key result.
///
/// Stored compactly (a plan may have millions, 96 bytes each): positions in the key result's own
/// file are kept as spans, the measure as its numbers and kind, and what few key results have (a
/// unit, a source, a note, a weight other than 1) in a ``KeyResultExtras`` of its own; the
/// properties below rebuild them.
public struct KeyResult: Sendable {
  /// The id within its objective, e.g. `nps`.
  public var localID: String
  private var extras: KeyResultExtras?
  /// The measure's numbers: a range's `from`, `to` and `current`; the fraction of `progress N%`
  /// in `first`; the `done` date's ordinal in `first`.
  private var first: Double
  private var second: Double
  private var third: Double
  /// Where the key result's id is written.
  public var location: SourceLocation
  /// Check-ins sorted by date: a contiguous range of ``Plan/checkins``.
  public var checkins: Range<Int32>
  public var objective: ObjectiveID
  private var titleSpan: Span
  private var measureSpan: PackedSpan
  /// The owner's ``EntityID/index``; -1 when there is none.
  private var ownerIndex: Int32
  private var measureKind: MeasureKind

  /// The cases of ``Measure``, with whether a range has `current`, and whether a milestone is
  /// done and has a date (its ordinal in ``first``).
  private enum MeasureKind: UInt8 {
    case none, range, rangeWithCurrent, milestone, milestoneOn, done, doneOn, manual
  }

  public var measure: Measure {
    get { measure(unit: extras?.values.unit) }
    set {
      storeNumbers(of: newValue)
      var unit: String?
      if case .metric(_, _, _, let newUnit) = newValue { unit = newUnit }
      change { $0.unit = unit }
    }
  }

  /// The name of a value a host program supplies (`source "NAME"`).
  public var source: String? {
    get { extras?.values.source }
    set { change { $0.source = newValue } }
  }

  /// The weight in its objective's mean: 1 unless written.
  public var weight: Double {
    get { extras?.values.weight ?? 1 }
    set { change { $0.weight = newValue } }
  }

  public var owner: EntityID? {
    get { ownerIndex < 0 ? nil : EntityID(ownerIndex) }
    set { ownerIndex = newValue?.index ?? -1 }
  }

  public var title: TextRef { TextRef(file: location.file, literal: StringLiteral(span: titleSpan)) }
  public var note: TextRef? {
    extras?.values.noteSpan.span.map { TextRef(file: location.file, literal: StringLiteral(span: $0)) }
  }
  /// The weight literal, when written.
  public var weightLocation: SourceLocation? {
    extras?.values.weightSpan.span.map { SourceLocation(file: location.file, span: $0) }
  }
  /// The clause that sets the measure: `from … to …`, `milestone`/`done`, or the `progress N%` literal.
  public var measureLocation: SourceLocation? {
    measureSpan.span.map { SourceLocation(file: location.file, span: $0) }
  }

  /// ``measure`` without its unit: what the checker and the evaluator read, with no `String` to
  /// copy and release.
  var measureValues: MeasureValues {
    switch measureKind {
    case .none: .none
    case .range: .metric(from: first, to: second, current: nil)
    case .rangeWithCurrent: .metric(from: first, to: second, current: third)
    case .milestone: .milestone(isDone: false, doneOn: nil)
    case .milestoneOn: .milestone(isDone: false, doneOn: Day(ordinal: Int32(first)))
    case .done: .milestone(isDone: true, doneOn: nil)
    case .doneOn: .milestone(isDone: true, doneOn: Day(ordinal: Int32(first)))
    case .manual: .manual(first)
    }
  }

  private func measure(unit: String?) -> Measure {
    switch measureValues {
    case .none: .none
    case .metric(let from, let to, let current): .metric(from: from, to: to, current: current, unit: unit)
    case .milestone(let isDone, let doneOn): .milestone(isDone: isDone, doneOn: doneOn)
    case .manual(let fraction): .manual(fraction)
    }
  }

  private mutating func storeNumbers(of measure: Measure) {
    (first, second, third) = (0, 0, 0)
    switch measure {
    case .none: measureKind = .none
    case .metric(let from, let to, let current, _):
      (first, second, third) = (from, to, current ?? 0)
      measureKind = current == nil ? .range : .rangeWithCurrent
    case .milestone(let isDone, let doneOn):
      if let doneOn {
        (measureKind, first) = (isDone ? .doneOn : .milestoneOn, Double(doneOn.ordinal))
      } else {
        measureKind = isDone ? .done : .milestone
      }
    case .manual(let fraction): (measureKind, first) = (.manual, fraction)
    }
  }

  /// Replaces ``extras`` with a copy changed by `change` (none when it holds nothing).
  private mutating func change(_ change: (inout KeyResultExtras.Values) -> Void) {
    var values = extras?.values ?? KeyResultExtras.Values()
    change(&values)
    extras = values.isEmpty ? nil : KeyResultExtras(values)
  }
}

extension KeyResult {
  /// The key result whose id is written at `location` and the rest as the parser read it
  /// (`facts`), with `extras` (its unit, source, note, weight and weight literal, if any).
  ///
  /// In an extension, handing its values to the memberwise initializer: an initializer written
  /// in the type made the compiler copy each new record into its place, retaining and releasing
  /// its references (a million key results are made this way at a time).
  init(
    objective: ObjectiveID, localID: String, facts: KeyResultFacts, extras: KeyResultExtras?,
    checkins: Range<Int32>, owner: EntityID?, location: SourceLocation
  ) {
    var first = facts.from
    let measureKind: MeasureKind
    switch facts.kind {
    case .none: measureKind = .none
    case .metric: measureKind = facts.current.isNaN ? .range : .rangeWithCurrent
    case .milestone:
      // A date `done` on is in `from` (NaN for none).
      if !facts.isDone {
        measureKind = .milestone
      } else if facts.from.isNaN {
        (measureKind, first) = (.done, 0)
      } else {
        measureKind = .doneOn
      }
    case .manual: measureKind = .manual
    }
    self.init(
      localID: localID, extras: extras, first: first, second: facts.to,
      third: facts.current.isNaN ? 0 : facts.current, location: location, checkins: checkins,
      objective: objective, titleSpan: facts.titleSpan, measureSpan: facts.measureSpan,
      ownerIndex: owner?.index ?? -1, measureKind: measureKind)
  }
}

/// A ``Measure`` without the unit of a range.
enum MeasureValues {
  case metric(from: Double, to: Double, current: Double?)
  case milestone(isDone: Bool, doneOn: Day?)
  case manual(Double)
  case none
}

/// What few key results have: a unit, a source, a note, a weight other than 1, a written weight.
/// Kept out of ``KeyResult`` so that the many without them take no room for them; key results
/// with the same unit and nothing else share one.
final class KeyResultExtras: Sendable {
  struct Values: Hashable {
    var unit: String?
    var source: String?
    var noteSpan = PackedSpan(nil)
    var weightSpan = PackedSpan(nil)
    var weight = 1.0

    var isEmpty: Bool { self == Values() }
  }

  let values: Values

  init(_ values: Values) { self.values = values }
}

/// A dated value of a key result.
public struct CheckinRecord: Sendable {
  public var keyResult: KeyResultID
  public var date: Day
  public var value: Double
  public var confidence: Double?
  public var note: TextRef?
  public var location: SourceLocation
  /// The confidence literal, when written.
  public var confidenceLocation: SourceLocation? = nil
}

/// What a `supports` link points at: an objective, or one of its key results (a promotion).
public enum LinkTarget: Hashable, Sendable {
  case objective(ObjectiveID)
  case keyResult(KeyResultID)
}

/// A resolved `supports` (or `reuses`) link from a child objective to its parent.
///
/// Stored compactly: positions in the clause's file are kept as spans, and the properties
/// below rebuild them.
public struct Link: Sendable {
  public var weight: Double
  /// The `supports` clause (or the `reuses` reference).
  public var location: SourceLocation
  public var child: ObjectiveID
  private var targetSpan: Span
  private var acceptorSpan: PackedSpan
  private var weightSpan: PackedSpan
  public var target: LinkTarget
  public var acceptedBy: EntityID?
  public var acceptedOn: Day?
  /// True for the link implied by `objective X reuses REF`; a `supports REF` inside X restates it,
  /// giving it a weight and an acceptance rather than adding a second link.
  public var isReuse: Bool

  /// A link written at `location`; every other position is in the same file.
  init(
    child: ObjectiveID, target: LinkTarget, weight: Double, acceptedBy: EntityID?, acceptedOn: Day?,
    isReuse: Bool, location: SourceLocation, targetSpan: Span, acceptorSpan: Span?, weightSpan: Span?
  ) {
    self.weight = weight
    self.location = location
    self.child = child
    self.targetSpan = targetSpan
    self.acceptorSpan = PackedSpan(acceptorSpan)
    self.weightSpan = PackedSpan(weightSpan)
    self.target = target
    self.acceptedBy = acceptedBy
    self.acceptedOn = acceptedOn
    self.isReuse = isReuse
  }

  /// The reference to the parent within the clause.
  public var targetLocation: SourceLocation { SourceLocation(file: location.file, span: targetSpan) }

  /// The `accepted by` person's name, when written.
  public internal(set) var acceptorLocation: SourceLocation? {
    get { acceptorSpan.span.map { SourceLocation(file: location.file, span: $0) } }
    set { acceptorSpan = PackedSpan(newValue?.span) }
  }

  /// The weight literal, when written.
  public internal(set) var weightLocation: SourceLocation? {
    get { weightSpan.span.map { SourceLocation(file: location.file, span: $0) } }
    set { weightSpan = PackedSpan(newValue?.span) }
  }
}

/// A named cycle (`cycle FY26 2025-07-01..2026-06-30`).
public struct NamedCycle: Sendable {
  public var name: String
  public var period: Period
  public var isClosed: Bool
  public var location: SourceLocation
}

/// A resolved plan: every entity, objective, key result and link in flat arrays with
/// integer ids, plus the adjacency of the alignment graph. Built once by ``PlanResolver``.
public struct Plan: Sendable {
  public internal(set) var sources: SourceMap
  public internal(set) var entities: [Entity] = []
  public internal(set) var objectives: [Objective] = []
  public internal(set) var keyResults: [KeyResult] = []
  public internal(set) var checkins: [CheckinRecord] = []
  public internal(set) var links: [Link] = []
  public internal(set) var cycles: [NamedCycle] = []
  /// Literal periods declared `closed` (`cycle 2025-Q4 closed`).
  public internal(set) var closedPeriods: Set<Period> = []
  public internal(set) var policy = Policy()

  var entityIndex: [String: EntityID] = [:]
  /// The same ids as bytes, for names read from the sources (see ``entity(writtenAt:in:)``).
  var entityNames = EntityNameTable()
  /// (owner, local id) → objective, for owners with more objectives than a linear search suits
  /// (see ``objective(owner:localID:)``).
  var largeOwnerIndex: [ObjectiveKey: ObjectiveID] = [:]
  /// Owners with more objectives than this are looked up in ``largeOwnerIndex``.
  static let linearObjectiveLookup = 16

  /// Links by child objective, parent objective and parent key result (CSR-style offsets).
  var parentLinkOffsets: [Int32] = []
  var parentLinkList: [LinkID] = []
  var childLinkOffsets: [Int32] = []
  var childLinkList: [LinkID] = []
  var krChildLinkOffsets: [Int32] = []
  var krChildLinkList: [LinkID] = []

  struct ObjectiveKey: Hashable {
    var owner: EntityID
    var localID: String
  }

  init(sources: SourceMap) { self.sources = sources }

  // MARK: - Lookup

  /// The entity with plan-wide id `id`.
  public func entity(named id: String) -> EntityID? { entityIndex[id] }

  /// The objective `owner.id`: a search through the owner's few objectives, or a hash lookup for
  /// an owner with many.
  public func objective(owner: EntityID, localID: String) -> ObjectiveID? {
    let owned = entities[Int(owner.index)].objectives
    if owned.count > Plan.linearObjectiveLookup { return largeOwnerIndex[ObjectiveKey(owner: owner, localID: localID)] }
    for id in owned where objectives[Int(id.index)].localID == localID { return id }
    return nil
  }

  /// The key result `localID` of `objective`.
  public func keyResult(of objective: ObjectiveID, localID: String) -> KeyResultID? {
    let range = objectives[Int(objective.index)].keyResults
    for index in range where keyResults[Int(index)].localID == localID { return KeyResultID(index) }
    return nil
  }

  // An owner's objectives, and an objective's key results, have ids no two of which are equal
  // (a repeated one is reported and left out); so the one written with the very bytes asked
  // for is the one, and only ids equal in another normalization form need a `String`.

  /// ``objective(owner:localID:)`` for the id written at `span` of `source`, found by its bytes
  /// when the owner has few objectives.
  func objective(owner: EntityID, writtenAt span: Span, in source: SourceFile) -> ObjectiveID? {
    let owned = entities[Int(owner.index)].objectives
    if owned.count <= Plan.linearObjectiveLookup {
      // The closure is given the arrays it reads, not the plan: capturing the plan copied it.
      let objectives = self.objectives
      let found = source.withBytes(of: span) { bytes in
        owned.first { WrittenName.same(objectives[Int($0.index)].localID, bytes) }
      }
      if let found { return found }
    }
    return objective(owner: owner, localID: source.text(span))
  }

  /// ``keyResult(of:localID:)`` for the id written at `span` of `source`.
  func keyResult(of objective: ObjectiveID, writtenAt span: Span, in source: SourceFile) -> KeyResultID? {
    let (range, keyResults) = (objectives[Int(objective.index)].keyResults, self.keyResults)
    let found = source.withBytes(of: span) { bytes in
      range.first { WrittenName.same(keyResults[Int($0)].localID, bytes) }
    }
    if let found { return KeyResultID(found) }
    return keyResult(of: objective, localID: source.text(span))
  }

  // Read in place (`_read`): `plan[id].level` reads one field without copying the whole record.
  public subscript(id: EntityID) -> Entity {
    _read { yield entities[Int(id.index)] }
  }
  public subscript(id: ObjectiveID) -> Objective {
    _read { yield objectives[Int(id.index)] }
  }
  public subscript(id: KeyResultID) -> KeyResult {
    _read { yield keyResults[Int(id.index)] }
  }
  public subscript(id: LinkID) -> Link {
    _read { yield links[Int(id.index)] }
  }

  // MARK: - Names and text

  /// `acme.csat`.
  public func qualifiedName(_ id: ObjectiveID) -> String {
    let objective = self[id]
    return self[objective.owner].id + "." + objective.localID
  }

  /// `acme.csat.nps`.
  public func qualifiedName(_ id: KeyResultID) -> String {
    qualifiedName(self[id].objective) + "." + self[id].localID
  }

  /// The qualified name of a link's parent.
  public func qualifiedName(_ target: LinkTarget) -> String {
    switch target {
    case .objective(let id): qualifiedName(id)
    case .keyResult(let id): qualifiedName(id)
    }
  }

  /// The decoded text of a title, name or note.
  public func text(_ ref: TextRef) -> String { ref.literal.value(in: sources[ref.file]) }

  /// An objective's title; for `reuses`, the reused objective's (followed iteratively).
  public func title(of id: ObjectiveID) -> String {
    var current = id
    var steps = 0
    while steps <= objectives.count {
      let objective = self[current]
      if let title = objective.title { return text(title) }
      guard let next = objective.reuses else { break }
      current = next
      steps += 1
    }
    return ""
  }

  /// An entity's display name, or its id when it has none.
  public func displayName(_ id: EntityID) -> String {
    self[id].name.map(text) ?? self[id].id
  }

  /// An objective's level: its owner's.
  public func level(of id: ObjectiveID) -> Level { self[self[id].owner].level }

  // MARK: - Graph

  /// The links in which `objective` is the child (its parents), in declaration order.
  public func parentLinks(of objective: ObjectiveID) -> ArraySlice<LinkID> {
    slice(parentLinkList, parentLinkOffsets, Int(objective.index))
  }

  /// The links whose parent is the objective itself (not one of its key results).
  public func childLinks(of objective: ObjectiveID) -> ArraySlice<LinkID> {
    slice(childLinkList, childLinkOffsets, Int(objective.index))
  }

  /// The links whose parent is the key result (objectives promoted from it).
  public func childLinks(of keyResult: KeyResultID) -> ArraySlice<LinkID> {
    slice(krChildLinkList, krChildLinkOffsets, Int(keyResult.index))
  }

  /// Where ``parentLinks(of:)`` are in ``parentLinkList``: for walks that read them one at a time
  /// (a slice holds a reference to the list, taken and given back at each call).
  func parentLinkPositions(of objective: ObjectiveID) -> Range<Int> {
    positions(parentLinkOffsets, Int(objective.index))
  }

  /// Where ``childLinks(of:)`` of an objective are in ``childLinkList`` (see
  /// ``parentLinkPositions(of:)``).
  func childLinkPositions(of objective: ObjectiveID) -> Range<Int> {
    positions(childLinkOffsets, Int(objective.index))
  }

  /// Where ``childLinks(of:)`` of a key result are in ``krChildLinkList`` (see
  /// ``parentLinkPositions(of:)``).
  func childLinkPositions(of keyResult: KeyResultID) -> Range<Int> {
    positions(krChildLinkOffsets, Int(keyResult.index))
  }

  /// Whether any objective is linked to `objective` (``childLinks(of:)`` is not empty).
  func hasChildLinks(of objective: ObjectiveID) -> Bool {
    let index = Int(objective.index)
    return index + 1 < childLinkOffsets.count && childLinkOffsets[index] != childLinkOffsets[index + 1]
  }

  /// Whether any objective is promoted from the key result (``childLinks(of:)`` is not empty).
  func hasChildLinks(of keyResult: KeyResultID) -> Bool {
    let index = Int(keyResult.index)
    return index + 1 < krChildLinkOffsets.count && krChildLinkOffsets[index] != krChildLinkOffsets[index + 1]
  }

  /// The objective a link's parent belongs to (the objective itself, or the key result's objective).
  public func parentObjective(of target: LinkTarget) -> ObjectiveID {
    switch target {
    case .objective(let id): id
    case .keyResult(let id): self[id].objective
    }
  }

  private func slice(_ list: [LinkID], _ offsets: [Int32], _ index: Int) -> ArraySlice<LinkID> {
    list[positions(offsets, index)]
  }

  private func positions(_ offsets: [Int32], _ index: Int) -> Range<Int> {
    guard index + 1 < offsets.count else { return 0..<0 }
    return Int(offsets[index])..<Int(offsets[index + 1])
  }

  /// Builds the adjacency arrays from ``links`` (counting sort: linear time).
  mutating func buildAdjacency() {
    func build(count: Int, key: (Link) -> Int?) -> ([Int32], [LinkID]) {
      var offsets = [Int32](repeating: 0, count: count + 1)
      for link in links { if let k = key(link) { offsets[k + 1] += 1 } }
      for index in 0..<count { offsets[index + 1] += offsets[index] }
      var fill = offsets
      var list = [LinkID](repeating: LinkID(0), count: Int(offsets[count]))
      for (index, link) in links.enumerated() {
        if let k = key(link) {
          list[Int(fill[k])] = LinkID(index)
          fill[k] += 1
        }
      }
      return (offsets, list)
    }
    let (objectiveCount, keyResultCount) = (objectives.count, keyResults.count)
    func index(_ which: Int) -> ([Int32], [LinkID]) {
      switch which {
      case 0: build(count: objectiveCount) { Int($0.child.index) }
      case 1:
        build(count: objectiveCount) {
          if case .objective(let id) = $0.target { Int(id.index) } else { nil }
        }
      default:
        build(count: keyResultCount) {
          if case .keyResult(let id) = $0.target { Int(id.index) } else { nil }
        }
      }
    }
    // The three are independent: a large plan's are built on all cores.
    let built = links.count >= 65_536 ? ParallelWork.map([0, 1, 2], index) : [0, 1, 2].map(index)
    (parentLinkOffsets, parentLinkList) = built[0]
    (childLinkOffsets, childLinkList) = built[1]
    (krChildLinkOffsets, krChildLinkList) = built[2]
  }
}

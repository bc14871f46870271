/// The semantic diff of two resolved plans: what changed in meaning, never which lines changed.
///
/// Objectives, key results and entities are compared by their qualified ids (with the moves
/// described in ``IdentityMatch``), links by child and parent, check-ins by date, the policy
/// setting by setting. So reformatting, comments, reordering declarations or moving them between
/// files produce no changes.
public enum PlanDiff {
  /// How many objectives one piece of the comparison compares.
  static let objectivesPerPiece = 1_024

  /// The changes from `old` to `new`; with `progress`, also the objectives whose progress or
  /// status moved as of its date.
  public static func compare(_ old: Plan, _ new: Plan, progress: ProgressComparison? = nil) -> PlanChanges {
    let comparison = PlanComparison(old: old, new: new)
    var sections = comparison.policySections()
    sections += comparison.cycleSections()
    sections += comparison.entitySections()
    let pairs = comparison.objectivePairs()
    // The objectives are compared in pieces on all cores; the pieces' sections join in order.
    let pieces = ParallelWork.pieces(of: pairs.count, size: objectivesPerPiece)
    for piece in ParallelWork.map(pieces, { comparison.sections(of: pairs[$0]) }) {
      sections += piece
    }
    guard let progress else { return PlanChanges(sections: sections) }
    return PlanChanges(sections: sections, effects: comparison.effects(of: pairs, progress), asOf: progress.asOf)
  }
}

/// One objective in either plan or both: the unit the changes are grouped by.
struct ObjectivePair {
  var old: ObjectiveID?
  var new: ObjectiveID?
  /// The owner's id and the objective's id, in the new plan when it is there.
  var owner: String
  var localID: String
}

/// The comparison of two plans, after their objectives and key results are matched.
struct PlanComparison {
  let old: Plan
  let new: Plan
  let match: IdentityMatch
  /// Every objective's title (for `reuses`, the reused one's), per plan.
  let oldTitles: [String]
  let newTitles: [String]

  init(old: Plan, new: Plan) {
    self.old = old
    self.new = new
    let titles = ParallelWork.map([old, new], effectiveTitles)
    (oldTitles, newTitles) = (titles[0], titles[1])
    match = IdentityMatch(old: old, new: new, oldTitles: oldTitles, newTitles: newTitles)
  }

  // MARK: - Policy and cycles

  /// One section with every policy setting whose effective value differs.
  func policySections() -> [ChangeSection] {
    var changes: [PlanChange] = []
    func compare(_ setting: String, _ value: (Policy) -> ChangeValue) {
      let before = value(old.policy)
      let after = value(new.policy)
      if before != after { changes.append(PlanChange(.policyChanged, setting, before: before, after: after)) }
    }
    compare("max-parents") { .number(Double($0.maxParents)) }
    for child in Level.allCases {
      for parent in Level.allCases {
        compare("\(child.rawValue) -> \(parent.rawValue)") {
          .word($0.allows(child: child, parent: parent) ? "allowed" : "denied")
        }
      }
    }
    for level in Level.allCases {
      compare("objectives-per-owner \(level.rawValue)") { policy in
        policy.objectivesPerOwner[level].map { .number(Double($0)) } ?? .absent
      }
    }
    compare("status at-risk") { .number($0.onTrackRatio) }
    compare("status off-track") { .number($0.atRiskRatio) }
    for rule in Rule.allCases where rule.isConfigurable {
      compare("rule \(rule.rawValue)") { .word($0.severity(of: rule)?.rawValue ?? "off") }
    }
    return changes.isEmpty ? [] : [ChangeSection(subject: .policy, changes: changes)]
  }

  /// A section per named cycle added, removed or changed, and per period closed or reopened.
  func cycleSections() -> [ChangeSection] {
    func byName(_ plan: Plan) -> [String: NamedCycle] {
      Dictionary(plan.cycles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
    let before = byName(old)
    let after = byName(new)
    var sections: [ChangeSection] = []
    for name in Set(before.keys).union(after.keys).sorted() {
      var changes: [PlanChange] = []
      switch (before[name], after[name]) {
      case (nil, let added?):
        changes.append(
          PlanChange(
            .namedCycleAdded, name, details: [ChangeDetail("closed", .flag(added.isClosed))],
            after: .word(added.period.description)))
      case (let removed?, nil):
        changes.append(
          PlanChange(
            .namedCycleRemoved, name,
            details: [ChangeDetail("closed", .flag(removed.isClosed))], before: .word(removed.period.description)))
      case (let was?, let now?):
        if was.period != now.period {
          changes.append(
            PlanChange(
              .namedCycleChanged, name, before: .word(was.period.description),
              after: .word(now.period.description)))
        }
        if was.isClosed != now.isClosed {
          changes.append(PlanChange(now.isClosed ? .cycleClosed : .cycleReopened, name))
        }
      case (nil, nil):
        break
      }
      if !changes.isEmpty { sections.append(ChangeSection(subject: .cycle(name), changes: changes)) }
    }
    let periods = old.closedPeriods.symmetricDifference(new.closedPeriods).sorted {
      $0.first < $1.first || ($0.first == $1.first && $0.last < $1.last)
    }
    for period in periods {
      let kind: PlanChange.Kind = new.closedPeriods.contains(period) ? .cycleClosed : .cycleReopened
      let id = period.description
      sections.append(ChangeSection(subject: .cycle(id), changes: [PlanChange(kind, id)]))
    }
    return sections
  }

  // MARK: - Entities

  /// A section per entity added, removed or changed, by id.
  func entitySections() -> [ChangeSection] {
    var sections: [ChangeSection] = []
    let entityIDs = Set(old.entities.lazy.map(\.id)).union(new.entities.lazy.map(\.id)).sorted()
    for id in entityIDs {
      let was = old.entity(named: id).map { old[$0] }
      let now = new.entity(named: id).map { new[$0] }
      var changes: [PlanChange] = []
      switch (was, now) {
      case (nil, let added?):
        changes.append(
          PlanChange(
            .entityAdded, id, details: [ChangeDetail("level", .word(added.level.rawValue))],
            after: text(added.name, in: new)))
      case (let removed?, nil):
        changes.append(
          PlanChange(
            .entityRemoved, id,
            details: [ChangeDetail("level", .word(removed.level.rawValue))], before: text(removed.name, in: old)))
      case (let was?, let now?):
        func compare(_ kind: PlanChange.Kind, _ before: ChangeValue, _ after: ChangeValue) {
          if before != after { changes.append(PlanChange(kind, id, before: before, after: after)) }
        }
        compare(.entityRenamed, text(was.name, in: old), text(now.name, in: new))
        compare(.entityLevelChanged, .word(was.level.rawValue), .word(now.level.rawValue))
        compare(.entityParentsChanged, ids(was.parents, in: old), ids(now.parents, in: new))
        compare(.entityLeadsChanged, ids(was.leads, in: old), ids(now.leads, in: new))
        compare(.entityAdminsChanged, ids(was.admins, in: old), ids(now.admins, in: new))
      case (nil, nil):
        break
      }
      guard let shown = now ?? was, !changes.isEmpty else { continue }
      let plan = now == nil ? old : new
      sections.append(
        ChangeSection(
          subject: .entity(id: id, level: shown.level, name: shown.name.map(plan.text)),
          changes: changes))
    }
    return sections
  }

  // MARK: - Objectives

  /// Every objective of the new plan with its old counterpart, and every old objective that is
  /// gone, sorted by owner id and objective id.
  func objectivePairs() -> [ObjectivePair] {
    var pairs: [ObjectivePair] = []
    pairs.reserveCapacity(new.objectives.count)
    for (index, objective) in new.objectives.enumerated() {
      pairs.append(
        ObjectivePair(
          old: match.objectiveInOld[index], new: ObjectiveID(index),
          owner: new[objective.owner].id, localID: objective.localID))
    }
    for (index, objective) in old.objectives.enumerated() where match.objectiveInNew[index] == nil {
      pairs.append(
        ObjectivePair(
          old: ObjectiveID(index), new: nil, owner: old[objective.owner].id,
          localID: objective.localID))
    }
    return pairs.sorted { ($0.owner, $0.localID) < ($1.owner, $1.localID) }
  }

  /// A section for each objective of `pairs` with changes, in order.
  func sections(of pairs: ArraySlice<ObjectivePair>) -> [ChangeSection] {
    var sections: [ChangeSection] = []
    for pair in pairs {
      let changes = changes(of: pair)
      if !changes.isEmpty { sections.append(ChangeSection(subject: subject(of: pair), changes: changes)) }
    }
    return sections
  }

  /// The section header of an objective.
  func subject(of pair: ObjectivePair) -> ChangeSubject {
    .objective(
      id: pair.owner + "." + pair.localID,
      title: pair.new.map { newTitles[Int($0.index)] } ?? pair.old.map { oldTitles[Int($0.index)] } ?? "")
  }

  /// An objective's changes: its own, then its links', then its key results'.
  func changes(of pair: ObjectivePair) -> [PlanChange] {
    let id = pair.owner + "." + pair.localID
    var changes: [PlanChange] = []
    switch (pair.old, pair.new) {
    case (nil, let added?):
      changes.append(PlanChange(.objectiveAdded, id, after: .text(newTitles[Int(added.index)])))
    case (let removed?, nil):
      changes.append(PlanChange(.objectiveRemoved, id, before: .text(oldTitles[Int(removed.index)])))
    case (let was?, let now?):
      if match.objectiveIsMoved[Int(now.index)] {
        changes.append(PlanChange(.objectiveMoved, id, before: .word(old.qualifiedName(was)), after: .word(id)))
      }
      changes += attributeChanges(was, now, id: id)
    case (nil, nil):
      break
    }
    changes += linkChanges(pair, id: id)
    changes += keyResultChanges(pair)
    return changes
  }

  private func attributeChanges(_ was: ObjectiveID, _ now: ObjectiveID, id: String) -> [PlanChange] {
    var changes: [PlanChange] = []
    func compare(_ kind: PlanChange.Kind, _ before: ChangeValue, _ after: ChangeValue) {
      if before != after { changes.append(PlanChange(kind, id, before: before, after: after)) }
    }
    let before = old[was]
    let after = new[now]
    // An objective that reuses another shows that one's title; it is renamed only when its own
    // declaration changes what it shows (a renamed reused objective is reported once, itself).
    if before.title != nil || after.title != nil {
      compare(.objectiveRenamed, .text(oldTitles[Int(was.index)]), .text(newTitles[Int(now.index)]))
    }
    if cycleDiffers(before.cycle, after.cycle) {
      compare(
        .cycleChanged, before.cycle.map { .word($0.label) } ?? .absent, after.cycle.map { .word($0.label) } ?? .absent)
    }
    compare(.objectiveOwnerChanged, entity(before.accountable, in: old), entity(after.accountable, in: new))
    compare(.objectiveSharedChanged, .flag(before.isShared), .flag(after.isShared))
    compare(
      .objectiveOverrideChanged, before.progressOverride.map(ChangeValue.fraction) ?? .absent,
      after.progressOverride.map(ChangeValue.fraction) ?? .absent)
    compare(.objectiveTagsChanged, .words(Set(before.tags).sorted()), .words(Set(after.tags).sorted()))
    compare(.objectiveNoteChanged, text(before.note, in: old), text(after.note, in: new))
    return changes
  }

  /// Whether an objective's cycle changed: its period differs, unless it names the same declared
  /// cycle (a redefined cycle is reported once, as `named-cycle-changed`). Writing the same period
  /// another way (a cycle name or the literal) is no change.
  private func cycleDiffers(_ before: CycleAssignment?, _ after: CycleAssignment?) -> Bool {
    switch (before, after) {
    case (nil, nil): return false
    case (let was?, let now?):
      if was.period == now.period { return false }
      return was.name == nil || was.name != now.name
    default: return true
    }
  }

  // MARK: - Links

  private struct LinkKey: Hashable, Comparable {
    var parent: String
    var isReuse: Bool
    static func < (lhs: Self, rhs: Self) -> Bool {
      (lhs.parent, lhs.isReuse ? 1 : 0) < (rhs.parent, rhs.isReuse ? 1 : 0)
    }
  }

  /// The links in which the objective is the child, matched by parent (old parents named as in
  /// the new plan when they are there, so a parent's move is no change to its children's links).
  private func linkChanges(_ pair: ObjectivePair, id: String) -> [PlanChange] {
    if linksAreTheSame(pair) { return [] }
    func collect(_ plan: Plan, _ child: ObjectiveID?, name: (LinkTarget) -> String) -> [LinkKey: [LinkTerms]] {
      guard let child else { return [:] }
      var found: [LinkKey: [LinkTerms]] = [:]
      for linkID in plan.parentLinks(of: child) {
        let link = plan[linkID]
        found[LinkKey(parent: name(link.target), isReuse: link.isReuse), default: []].append(terms(link, in: plan))
      }
      return found
    }
    let before = collect(old, pair.old, name: newName)
    let after = collect(new, pair.new, name: new.qualifiedName)
    var changes: [PlanChange] = []
    for key in Set(before.keys).union(after.keys).sorted() {
      let parent = ChangeDetail("parent", .word(key.parent))
      let reconciled = reconcile(before[key] ?? [], after[key] ?? [], by: LinkTerms.ordered)
      for (was, now) in reconciled.changed {
        if was.weight != now.weight {
          changes.append(
            PlanChange(
              .linkReweighted, id, details: [parent], before: .number(was.weight),
              after: .number(now.weight)))
        }
        switch (was.acceptance, now.acceptance) {
        case (nil, let accepted?):
          changes.append(
            PlanChange(.linkAccepted, id, details: [parent], before: .absent, after: .acceptance(accepted)))
        case (let accepted?, nil):
          changes.append(
            PlanChange(.linkUnaccepted, id, details: [parent], before: .acceptance(accepted), after: .absent))
        case (let a?, let b?) where a != b:
          changes.append(
            PlanChange(
              .linkAcceptanceChanged, id, details: [parent], before: .acceptance(a),
              after: .acceptance(b)))
        default:
          break
        }
      }
      for was in reconciled.removed {
        changes.append(PlanChange(.linkRemoved, id, details: [parent], before: .link(was)))
      }
      for now in reconciled.added {
        changes.append(PlanChange(.linkAdded, id, details: [parent], after: .link(now)))
      }
    }
    return changes
  }

  /// Whether the objective's links are the same in both plans, in the same order: each new
  /// link's parent is the old one's counterpart, with the same weight, acceptance and kind.
  /// (The usual case, decided without naming any parent.)
  private func linksAreTheSame(_ pair: ObjectivePair) -> Bool {
    guard let was = pair.old, let now = pair.new else { return false }
    let before = old.parentLinks(of: was)
    let after = new.parentLinks(of: now)
    guard before.count == after.count else { return false }
    for (beforeID, afterID) in zip(before, after) {
      let link = old[beforeID]
      let other = new[afterID]
      guard link.isReuse == other.isReuse, link.weight == other.weight, link.acceptedOn == other.acceptedOn,
        counterpart(of: link.target) == other.target
      else { return false }
      switch (link.acceptedBy, other.acceptedBy) {
      case (nil, nil): continue
      case (let person?, let otherPerson?) where old[person].id == new[otherPerson].id: continue
      default: return false
      }
    }
    return true
  }

  /// The new plan's counterpart of an old link's parent, if it has one.
  private func counterpart(of target: LinkTarget) -> LinkTarget? {
    switch target {
    case .objective(let id): match.objectiveInNew[Int(id.index)].map(LinkTarget.objective)
    case .keyResult(let id): match.keyResultInNew[Int(id.index)].map(LinkTarget.keyResult)
    }
  }

  private func terms(_ link: Link, in plan: Plan) -> LinkTerms {
    let acceptance: Acceptance? =
      link.acceptedBy == nil && link.acceptedOn == nil
      ? nil : Acceptance(by: link.acceptedBy.map { plan[$0].id }, on: link.acceptedOn)
    return LinkTerms(weight: link.weight, acceptance: acceptance, isReuse: link.isReuse)
  }

  /// The id an old link target has in the new plan when it is there (moved or not), else its old id.
  private func newName(_ target: LinkTarget) -> String {
    switch target {
    case .objective(let id):
      if let now = match.objectiveInNew[Int(id.index)] { return new.qualifiedName(now) }
    case .keyResult(let id):
      if let now = match.keyResultInNew[Int(id.index)] { return new.qualifiedName(now) }
    }
    return old.qualifiedName(target)
  }

  // MARK: - Key results

  /// The objective's key results, by id: those it has now (new, kept or moved in) and those of
  /// its old self that are gone from the plan (not those that moved to another objective).
  private func keyResultChanges(_ pair: ObjectivePair) -> [PlanChange] {
    var entries: [(localID: String, old: KeyResultID?, new: KeyResultID?)] = []
    if let now = pair.new {
      for index in new[now].keyResults {
        entries.append((new.keyResults[Int(index)].localID, match.keyResultInOld[Int(index)], KeyResultID(index)))
      }
    }
    if let was = pair.old {
      for index in old[was].keyResults where match.keyResultInNew[Int(index)] == nil {
        entries.append((old.keyResults[Int(index)].localID, KeyResultID(index), nil))
      }
    }
    entries.sort { $0.localID < $1.localID }
    var changes: [PlanChange] = []
    for entry in entries {
      switch (entry.old, entry.new) {
      case (nil, let added?):
        changes.append(
          PlanChange(
            .keyResultAdded, new.qualifiedName(added),
            details: [ChangeDetail("target", .target(KeyResultTarget(new[added].measure)))],
            after: .text(new.text(new[added].title))))
      case (let removed?, nil):
        changes.append(
          PlanChange(
            .keyResultRemoved, old.qualifiedName(removed),
            details: [ChangeDetail("target", .target(KeyResultTarget(old[removed].measure)))],
            before: .text(old.text(old[removed].title))))
      case (let was?, let now?):
        changes += keyResultChanges(was, now)
      case (nil, nil):
        break
      }
    }
    return changes
  }

  private func keyResultChanges(_ wasID: KeyResultID, _ nowID: KeyResultID) -> [PlanChange] {
    // Named only when something changed: most key results are as they were.
    var name: String?
    func id() -> String {
      if let name { return name }
      let made = new.qualifiedName(nowID)
      name = made
      return made
    }
    var changes: [PlanChange] = []
    func compare(_ kind: PlanChange.Kind, _ before: ChangeValue, _ after: ChangeValue) {
      if before != after { changes.append(PlanChange(kind, id(), before: before, after: after)) }
    }
    if match.keyResultIsMoved[Int(nowID.index)] {
      changes.append(PlanChange(.keyResultMoved, id(), before: .word(old.qualifiedName(wasID)), after: .word(id())))
    }
    let was = old[wasID]
    let now = new[nowID]
    if !writtenAlike(was.title, now.title) {
      compare(.keyResultRenamed, .text(old.text(was.title)), .text(new.text(now.title)))
    }
    compare(.keyResultTargetChanged, .target(KeyResultTarget(was.measure)), .target(KeyResultTarget(now.measure)))
    switch (was.measure, now.measure) {
    case (.metric(_, _, let before, _), .metric(_, _, let after, _)):
      compare(
        .keyResultCurrentChanged, before.map(ChangeValue.number) ?? .absent, after.map(ChangeValue.number) ?? .absent)
    case (.milestone(let wasDone, let wasOn), .milestone(let isDone, let on)):
      compare(.keyResultDoneChanged, .completion(isDone: wasDone, on: wasOn), .completion(isDone: isDone, on: on))
    case (.manual(let before), .manual(let after)):
      compare(.keyResultProgressChanged, .fraction(before), .fraction(after))
    default:
      break
    }
    compare(.keyResultWeightChanged, .number(was.weight), .number(now.weight))
    compare(.keyResultOwnerChanged, entity(was.owner, in: old), entity(now.owner, in: new))
    compare(.keyResultNoteChanged, text(was.note, in: old), text(now.note, in: new))
    compare(
      .keyResultSourceChanged, was.source.map(ChangeValue.text) ?? .absent, now.source.map(ChangeValue.text) ?? .absent)
    if !was.checkins.isEmpty || !now.checkins.isEmpty { changes += checkinChanges(was, now, id: id()) }
    return changes
  }

  /// Whether an old and a new string literal are written with the same bytes (then they say
  /// the same; literals written differently may still say the same, once decoded).
  private func writtenAlike(_ before: TextRef, _ after: TextRef) -> Bool {
    let first = before.literal.span
    let second = after.literal.span
    guard first.end - first.start == second.end - second.start else { return false }
    return old.sources[before.file].bytes[Int(first.start)..<Int(first.end)]
      == new.sources[after.file].bytes[Int(second.start)..<Int(second.end)]
  }

  /// Check-ins matched by date (both lists are sorted by date).
  private func checkinChanges(_ was: KeyResult, _ now: KeyResult, id: String) -> [PlanChange] {
    let before = old.checkins[Int(was.checkins.lowerBound)..<Int(was.checkins.upperBound)]
    let after = new.checkins[Int(now.checkins.lowerBound)..<Int(now.checkins.upperBound)]
    var changes: [PlanChange] = []
    var i = before.startIndex
    var j = after.startIndex
    while i < before.endIndex || j < after.endIndex {
      let date =
        i < before.endIndex && (j == after.endIndex || before[i].date <= after[j].date) ? before[i].date : after[j].date
      var olds: [CheckinValue] = []
      while i < before.endIndex, before[i].date == date {
        olds.append(value(before[i], in: old))
        i += 1
      }
      var news: [CheckinValue] = []
      while j < after.endIndex, after[j].date == date {
        news.append(value(after[j], in: new))
        j += 1
      }
      let detail = [ChangeDetail("date", .day(date))]
      let reconciled = reconcile(olds, news, by: CheckinValue.ordered)
      for (a, b) in reconciled.changed {
        changes.append(PlanChange(.checkinChanged, id, details: detail, before: .checkin(a), after: .checkin(b)))
      }
      for a in reconciled.removed {
        changes.append(PlanChange(.checkinRemoved, id, details: detail, before: .checkin(a)))
      }
      for b in reconciled.added { changes.append(PlanChange(.checkinAdded, id, details: detail, after: .checkin(b))) }
    }
    return changes
  }

  private func value(_ checkin: CheckinRecord, in plan: Plan) -> CheckinValue {
    CheckinValue(value: checkin.value, confidence: checkin.confidence, note: checkin.note.map(plan.text))
  }

  // MARK: - Effects

  /// Objectives in both plans whose progress or status differs, in the order of `pairs`.
  func effects(of pairs: [ObjectivePair], _ progress: ProgressComparison) -> [ProgressEffect] {
    var effects: [ProgressEffect] = []
    for pair in pairs {
      guard let was = pair.old, let now = pair.new else { continue }
      let before = ProgressEffect.Standing(
        progress: progress.before.progress(of: was),
        status: progress.before.statusName(of: was))
      let after = ProgressEffect.Standing(
        progress: progress.after.progress(of: now),
        status: progress.after.statusName(of: now))
      if abs(before.progress - after.progress) > 1e-9 || before.status != after.status {
        effects.append(ProgressEffect(id: pair.owner + "." + pair.localID, before: before, after: after))
      }
    }
    return effects
  }

  // MARK: - Values

  private func text(_ ref: TextRef?, in plan: Plan) -> ChangeValue {
    ref.map { .text(plan.text($0)) } ?? .absent
  }

  private func entity(_ id: EntityID?, in plan: Plan) -> ChangeValue {
    id.map { .word(plan[$0].id) } ?? .absent
  }

  private func ids(_ entities: [EntityID], in plan: Plan) -> ChangeValue {
    .words(Set(entities.map { plan[$0].id }).sorted())
  }
}

/// Two lists of values with the same identity (links to one parent, check-ins on one date)
/// reduced to what differs: equal values cancel out, the rest pair up in order, and what is
/// left over was removed or added. Linear after sorting.
func reconcile<Value: Equatable>(
  _ before: [Value], _ after: [Value], by ordered: (Value, Value) -> Bool
) -> (changed: [(Value, Value)], removed: [Value], added: [Value]) {
  if before.count == 1, after.count == 1 {
    return before[0] == after[0] ? ([], [], []) : ([(before[0], after[0])], [], [])
  }
  let olds = before.sorted(by: ordered)
  let news = after.sorted(by: ordered)
  var onlyOld: [Value] = []
  var onlyNew: [Value] = []
  var i = 0
  var j = 0
  while i < olds.count, j < news.count {
    if olds[i] == news[j] {
      i += 1
      j += 1
    } else if ordered(olds[i], news[j]) {
      onlyOld.append(olds[i])
      i += 1
    } else {
      onlyNew.append(news[j])
      j += 1
    }
  }
  onlyOld += olds[i...]
  onlyNew += news[j...]
  let paired = min(onlyOld.count, onlyNew.count)
  return (
    Array(zip(onlyOld.prefix(paired), onlyNew.prefix(paired))), Array(onlyOld.dropFirst(paired)),
    Array(onlyNew.dropFirst(paired))
  )
}

extension LinkTerms {
  /// A total order, so duplicate links to one parent can be reconciled whatever their written order.
  static func ordered(_ a: LinkTerms, _ b: LinkTerms) -> Bool {
    (a.weight, a.acceptance?.by ?? "", a.acceptance?.on?.ordinal ?? Int32.min, a.acceptance == nil ? 0 : 1)
      < (b.weight, b.acceptance?.by ?? "", b.acceptance?.on?.ordinal ?? Int32.min, b.acceptance == nil ? 0 : 1)
  }
}

extension CheckinValue {
  /// A total order, so duplicate check-ins on one date can be reconciled whatever their written order.
  static func ordered(_ a: CheckinValue, _ b: CheckinValue) -> Bool {
    (a.value, a.confidence ?? -.infinity, a.note == nil ? 0 : 1, a.note ?? "")
      < (b.value, b.confidence ?? -.infinity, b.note == nil ? 0 : 1, b.note ?? "")
  }
}

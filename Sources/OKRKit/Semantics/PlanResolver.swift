/// Builds a ``Plan`` from parsed files: resolves every name, whatever file or order it is
/// declared in, and reports `unknown-reference`, `duplicate-definition` and `wrong-kind`
/// (plus the policy's own problems). The linking rules run afterwards, in ``PlanChecker``.
public struct PlanResolver {
  private var plan: Plan
  private let files: [SyntaxFile]
  private(set) var diagnostics: [Diagnostic] = []
  /// Per entity: whether some declaration has given it a name or `in` list (its defining one).
  private var definingDeclaration: [EntityID: SourceLocation] = [:]
  /// Every objective declaration, in traversal order: its id, or nil when it repeats an id
  /// (the second walk over the declarations reads this instead of looking each one up again).
  private var declaredObjectives: [ObjectiveID?] = []
  /// The current objective's key results by id, and its links by parent.
  private var keyResultsByID = TailIndex<String>()
  private var linksByTarget = TailIndex<LinkTarget>()

  /// Resolves the parsed plan.
  public static func resolve(_ parsed: ParsedPlan) -> (plan: Plan, diagnostics: [Diagnostic]) {
    var resolver = PlanResolver(parsed)
    resolver.run()
    return (resolver.plan, resolver.diagnostics)
  }

  private init(_ parsed: ParsedPlan) {
    plan = Plan(sources: parsed.sources)
    files = parsed.syntax
    // Size every array and index once, from what the parser counted (duplicates make these upper bounds).
    var counts = DeclarationCounts()
    for file in files { counts.add(file.counts) }
    plan.entities.reserveCapacity(counts.entities)
    plan.entityIndex.reserveCapacity(counts.entities)
    plan.objectives.reserveCapacity(counts.objectives)
    plan.objectiveIndex.reserveCapacity(counts.objectives)
    declaredObjectives.reserveCapacity(counts.objectives)
    plan.keyResults.reserveCapacity(counts.keyResults)
    plan.checkins.reserveCapacity(counts.checkins)
    plan.links.reserveCapacity(counts.links)
  }

  private mutating func run() {
    declareCycles()
    declareEntities()
    resolveEntitiesAndDeclareObjectives()
    resolveObjectives()
    resolvePolicy()
    plan.buildAdjacency()
  }

  private func location(_ file: FileID, _ span: Span) -> SourceLocation {
    SourceLocation(file: file, span: span)
  }

  private func text(_ file: FileID, _ literal: StringLiteral) -> String {
    literal.value(in: plan.sources[file])
  }

  private mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  // MARK: - Cycles

  private mutating func declareCycles() {
    var byName: [String: Int] = [:]
    var closings: [(name: Identifier, file: FileID)] = []
    for file in files {
      for case .cycle(let decl) in file.items {
        if let name = decl.name, let period = decl.period {
          guard case .literal(let value) = period.value else { continue }
          if let existing = byName[name.name] {
            report(
              Diagnostic(
                .duplicateDefinition, "the cycle '\(name.name)' is declared twice",
                at: location(file.file, name.span), label: "declared again here",
                labels: [.init(plan.cycles[existing].location, "first declared here")],
                help: "give the second cycle another name, or remove it"))
            continue
          }
          byName[name.name] = plan.cycles.count
          plan.cycles.append(
            NamedCycle(
              name: name.name, period: value, isClosed: decl.closed != nil,
              location: location(file.file, name.span)))
        } else if let name = decl.name {
          closings.append((name, file.file))
        } else if let period = decl.period, case .literal(let value) = period.value {
          plan.closedPeriods.insert(value)
        }
      }
    }
    for (name, file) in closings {
      if let index = byName[name.name] {
        plan.cycles[index].isClosed = true
      } else {
        report(
          Diagnostic(
            .unknownReference, "there is no cycle named '\(name.name)' to close",
            at: location(file, name.span), label: "unknown cycle",
            help: Suggestions.didYouMean(name.name, among: plan.cycles.map(\.name))
              ?? "declare it first: cycle \(name.name) 2026-01-01..2026-06-30"))
      }
    }
  }

  // MARK: - Entities

  private mutating func declareEntities() {
    for file in files {
      for case .entity(let decl) in file.items {
        let isDefining = decl.name != nil || !decl.parents.isEmpty
        let here = location(file.file, decl.id.span)
        if let existing = plan.entityIndex[decl.id.name] {
          let entity = plan[existing]
          if entity.level != decl.level {
            report(
              Diagnostic(
                .wrongKind,
                "'\(decl.id.name)' is a \(entity.level.rawValue), not a \(decl.level.rawValue)",
                at: location(file.file, decl.levelSpan.union(decl.id.span)),
                label: "reopened as a \(decl.level.rawValue)",
                labels: [.init(entity.location, "declared as a \(entity.level.rawValue) here")],
                help: "reopen it as \(entity.level.rawValue) \(decl.id.name) { … }, or pick another id"))
            continue
          }
          if isDefining {
            if let first = definingDeclaration[existing] {
              report(
                Diagnostic(
                  .duplicateDefinition, "the \(decl.level.rawValue) '\(decl.id.name)' is declared twice",
                  at: here, label: "declared again here", labels: [.init(first, "first declared here")],
                  help:
                    "entity ids are unique across the plan; to add objectives elsewhere, reopen it without a name: \(decl.level.rawValue) \(decl.id.name) { … }"
                ))
            } else {
              definingDeclaration[existing] = here
              plan.entities[Int(existing.index)].location = here
              if let name = decl.name {
                plan.entities[Int(existing.index)].name = TextRef(file: file.file, literal: name)
              }
            }
          }
          continue
        }
        let id = EntityID(plan.entities.count)
        plan.entityIndex[decl.id.name] = id
        plan.entities.append(
          Entity(
            id: decl.id.name, level: decl.level,
            name: decl.name.map { TextRef(file: file.file, literal: $0) }, parents: [], leads: [], admins: [],
            objectives: [], location: here))
        if isDefining { definingDeclaration[id] = here }
      }
    }
  }

  /// One walk over the entity declarations, once every entity is known: resolves their `in`,
  /// `admin` and `lead` names and declares their objectives and key results.
  private mutating func resolveEntitiesAndDeclareObjectives() {
    for file in files {
      for case .entity(let decl) in file.items {
        guard let id = plan.entityIndex[decl.id.name], plan[id].level == decl.level else { continue }
        resolveRelations(of: decl, id: id, file: file.file)
        declareObjectives(of: decl, owner: id, file: file.file)
      }
    }
  }

  private mutating func resolveRelations(of decl: EntityDecl, id: EntityID, file: FileID) {
    for parent in decl.parents {
      guard let target = resolveEntityReference(parent, file: file, role: "an enclosing entity") else { continue }
      let targetLevel = plan[target].level
      // Higher levels enclose lower ones; units may nest in units and teams in teams.
      let nests =
        targetLevel < decl.level || (targetLevel == decl.level && (decl.level == .unit || decl.level == .team))
      guard nests else {
        report(
          Diagnostic(
            .wrongKind, "a \(decl.level.rawValue) cannot be in a \(targetLevel.rawValue)",
            at: location(file, parent.span), label: "'\(parent)' is a \(targetLevel.rawValue)",
            labels: [.init(plan[target].location, "declared here")],
            help:
              "a person is in a team, unit or company; a team in a team, unit or company; a unit in a unit or company"))
        continue
      }
      if !plan[id].parents.contains(target) { plan.entities[Int(id.index)].parents.append(target) }
    }
    for member in decl.members {
      switch member {
      case .admins(let people, _), .leads(let people, _):
        let isAdmin: Bool
        if case .admins = member { isAdmin = true } else { isAdmin = false }
        for person in people {
          guard let target = resolvePerson(person, file: file, role: isAdmin ? "an admin" : "a lead") else { continue }
          if isAdmin {
            plan.entities[Int(id.index)].admins.append(target)
          } else {
            plan.entities[Int(id.index)].leads.append(target)
          }
        }
      case .objective:
        break
      }
    }
  }

  /// Resolves a one-part reference to an entity; reports unknown names and objective references.
  private mutating func resolveEntityReference(_ reference: Reference, file: FileID, role: String) -> EntityID? {
    guard reference.parts.count == 1 else {
      report(
        Diagnostic(
          .wrongKind, "expected \(role) (an entity), found '\(reference)'",
          at: location(file, reference.span), label: "this names an objective or key result",
          help: "name an entity by its id alone, e.g. '\(reference.parts[0].name)'"))
      return nil
    }
    let name = reference.parts[0]
    guard let id = plan.entityIndex[name.name] else {
      report(
        unknown(
          "entity", name.name, at: location(file, name.span),
          candidates: plan.entities.lazy.map(\.id),
          fallback: "declare it, e.g. team \(name.name) \"Name\" in …"))
      return nil
    }
    return id
  }

  /// Resolves a person id; reports unknown names and entities of other levels.
  private mutating func resolvePerson(_ name: Identifier, file: FileID, role: String) -> EntityID? {
    guard let id = plan.entityIndex[name.name] else {
      report(
        unknown(
          "person", name.name, at: location(file, name.span),
          candidates: plan.entities.lazy.filter { $0.level == .person }.map(\.id),
          fallback: "declare the person: person \(name.name) \"Full Name\" in TEAM"))
      return nil
    }
    guard plan[id].level == .person else {
      report(
        Diagnostic(
          .wrongKind, "expected a person as \(role), found the \(plan[id].level.rawValue) '\(name.name)'",
          at: location(file, name.span), label: "a \(plan[id].level.rawValue), not a person",
          labels: [.init(plan[id].location, "declared here")],
          help: "name a person declared with person ID \"Name\" in …"))
      return nil
    }
    return id
  }

  private func unknown<S: Sequence<String>>(
    _ kind: String, _ name: String, at location: SourceLocation, candidates: S, fallback: String
  ) -> Diagnostic {
    Diagnostic(
      .unknownReference, "unknown \(kind) '\(name)'", at: location, label: "not defined",
      help: Suggestions.didYouMean(name, among: candidates) ?? fallback)
  }

  // MARK: - Objectives and key results

  private mutating func declareObjectives(of decl: EntityDecl, owner: EntityID, file: FileID) {
    for case .objective(let objective) in decl.members {
      let key = Plan.ObjectiveKey(owner: owner, localID: objective.id.name)
      let here = location(file, objective.id.span)
      let id = ObjectiveID(plan.objectives.count)
      // One hash for the common case: insert, and put the first back if the id was taken.
      if let existing = plan.objectiveIndex.updateValue(id, forKey: key) {
        plan.objectiveIndex[key] = existing
        declaredObjectives.append(nil)
        report(
          Diagnostic(
            .duplicateDefinition,
            "'\(decl.id.name).\(objective.id.name)' is declared twice",
            at: here, label: "declared again here", labels: [.init(plan[existing].location, "first declared here")],
            help: "an objective's id is unique within its owner; rename one of them"))
        continue
      }
      declaredObjectives.append(id)
      plan.entities[Int(owner.index)].objectives.append(id)
      let firstKeyResult = plan.keyResults.count
      for case .keyResult(let keyResult) in objective.statements {
        let krLocation = location(file, keyResult.id.span)
        let declared = firstKeyResult..<plan.keyResults.count
        if let first = keyResultsByID.find(keyResult.id.name, in: declared, key: { plan.keyResults[$0].localID }) {
          report(
            Diagnostic(
              .duplicateDefinition,
              "the key result '\(keyResult.id.name)' is declared twice in '\(decl.id.name).\(objective.id.name)'",
              at: krLocation, label: "declared again here",
              labels: [.init(plan.keyResults[first].location, "first declared here")],
              help: "a key result's id is unique within its objective; rename one of them"))
          continue
        }
        declareKeyResult(keyResult, of: id, file: file)
      }
      plan.objectives.append(
        Objective(
          owner: owner, localID: objective.id.name,
          title: objective.title.map { TextRef(file: file, literal: $0) }, cycle: nil, accountable: nil,
          isShared: false, progressOverride: nil, tags: [], note: nil,
          keyResults: Int32(firstKeyResult)..<Int32(plan.keyResults.count), reuses: nil, location: here,
          hasUnresolvedParent: false))
    }
  }

  private mutating func declareKeyResult(_ decl: KeyResultDecl, of objective: ObjectiveID, file: FileID) {
    let id = KeyResultID(plan.keyResults.count)
    var measure = Measure.none
    var current: Double?
    var range: (from: Double, to: Double, unit: String?, span: Span)?
    var milestoneSpan: Span?
    var done: (isDone: Bool, on: Day?) = (false, nil)
    var manual: (value: Double, span: Span)?
    var weight = 1.0
    var weightLocation: SourceLocation?
    var owner: EntityID?
    var note: TextRef?
    var source: String?
    let firstCheckin = plan.checkins.count
    for clause in decl.clauses {
      switch clause {
      case .range(let from, let to, let unit, let span): range = (from.value, to.value, unit?.name, span)
      case .current(let value, _): current = value.value
      case .checkin(let checkin):
        plan.checkins.append(
          CheckinRecord(
            keyResult: id, date: checkin.date.day, value: checkin.value.value,
            confidence: checkin.confidence?.fraction, note: checkin.note.map { TextRef(file: file, literal: $0) },
            location: location(file, checkin.span),
            confidenceLocation: checkin.confidence.map { location(file, $0.span) }))
      case .milestone(let span): milestoneSpan = milestoneSpan ?? span
      case .done(let date, let span):
        done = (true, date?.day)
        milestoneSpan = milestoneSpan ?? span
      case .progress(let value, _): manual = (value.fraction, value.span)
      case .weight(let value, _):
        weight = value.value
        weightLocation = location(file, value.span)
      case .owner(let person, _): owner = resolvePerson(person, file: file, role: "a key result's owner")
      case .note(let literal, _): note = TextRef(file: file, literal: literal)
      case .source(let literal, _): source = text(file, literal)
      }
    }
    var measureSpan: Span?
    if let range {
      measure = .metric(from: range.from, to: range.to, current: current, unit: range.unit)
      measureSpan = range.span
    } else if let milestoneSpan {
      measure = .milestone(isDone: done.isDone, doneOn: done.on)
      measureSpan = milestoneSpan
    } else if let manual {
      measure = .manual(manual.value)
      measureSpan = manual.span
    }
    sortByDate(plan.checkins.count - firstCheckin)
    plan.keyResults.append(
      KeyResult(
        objective: objective, localID: decl.id.name,
        title: TextRef(file: file, literal: decl.title ?? StringLiteral(span: decl.id.span)), measure: measure,
        checkins: Int32(firstCheckin)..<Int32(plan.checkins.count), weight: weight, owner: owner, note: note,
        source: source,
        location: location(file, decl.id.span), weightLocation: weightLocation,
        measureLocation: measureSpan.map { location(file, $0) }))
  }

  /// Sorts the last `count` check-ins by date, unless written in order already (the usual case).
  /// Stable: duplicate dates stay in written order for the checker.
  private mutating func sortByDate(_ count: Int) {
    let range = (plan.checkins.count - count)..<plan.checkins.count
    guard count > 1, range.dropFirst().contains(where: { plan.checkins[$0 - 1].date > plan.checkins[$0].date }) else {
      return
    }
    let sorted = plan.checkins[range].enumerated()
      .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    plan.checkins.replaceSubrange(range, with: sorted)
  }

  private mutating func resolveObjectives() {
    let cycleIndex = Dictionary(plan.cycles.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    var next = 0
    for file in files {
      for case .entity(let decl) in file.items {
        guard let owner = plan.entityIndex[decl.id.name], plan[owner].level == decl.level else { continue }
        for case .objective(let objectiveDecl) in decl.members {
          // The same walk as the declaring one, so the same objectives (duplicates skipped).
          let declared = declaredObjectives[next]
          next += 1
          guard let id = declared else { continue }
          resolve(objectiveDecl, id: id, file: file.file, cycleIndex: cycleIndex)
        }
      }
    }
  }

  private mutating func resolve(
    _ objectiveDecl: ObjectiveDecl, id: ObjectiveID, file: FileID, cycleIndex: [String: Int]
  ) {
    var objective = plan[id]
    let firstLink = plan.links.count
    var firstCycle: SourceLocation?
    var firstOwner: SourceLocation?
    if let reuses = objectiveDecl.reuses {
      if let target = resolveLinkTarget(reuses, file: file, from: id) {
        if case .objective(let parent) = target { objective.reuses = parent }
        plan.links.append(
          Link(
            child: id, target: target, weight: 1, acceptedBy: nil, acceptedOn: nil,
            isReuse: true, location: location(file, reuses.span),
            targetLocation: location(file, reuses.span), acceptorLocation: nil, weightLocation: nil))
      } else {
        objective.hasUnresolvedParent = true
      }
    }
    for statement in objectiveDecl.statements {
      switch statement {
      case .cycle(let period, let span):
        let here = location(file, span)
        if let firstCycle {
          report(repeated("cycle", at: here, first: firstCycle))
          continue
        }
        firstCycle = here
        objective.cycle = resolveCycle(period, at: here, file: file, cycleIndex: cycleIndex)
      case .owner(let person, let span):
        let here = location(file, span)
        if let firstOwner {
          report(repeated("owner", at: here, first: firstOwner))
          continue
        }
        firstOwner = here
        objective.accountable = resolvePerson(person, file: file, role: "an objective's owner")
        objective.accountableLocation = location(file, span)
      case .supports(let clause):
        guard let target = resolveLinkTarget(clause.target, file: file, from: id) else {
          objective.hasUnresolvedParent = true
          continue
        }
        var acceptor: EntityID?
        if let person = clause.acceptedBy {
          acceptor = resolvePerson(person, file: file, role: "the acceptor of a link")
        }
        let here = location(file, clause.span)
        let linked = firstLink..<plan.links.count
        if let existing = linksByTarget.find(target, in: linked, key: { plan.links[$0].target }) {
          let link = plan.links[existing]
          // `reuses REF { supports REF … }` gives the implied link its weight and acceptance.
          if link.isReuse, link.weightLocation == nil, link.acceptorLocation == nil {
            plan.links[existing].weight = clause.weight?.value ?? 1
            plan.links[existing].weightLocation = clause.weight.map { location(file, $0.span) }
            plan.links[existing].acceptedBy = acceptor
            plan.links[existing].acceptedOn = clause.acceptedOn?.day
            plan.links[existing].acceptorLocation = clause.acceptedBy.map { location(file, $0.span) }
            continue
          }
          report(
            Diagnostic(
              .duplicateDefinition,
              "'\(plan.qualifiedName(id))' supports '\(plan.qualifiedName(target))' twice",
              at: location(file, clause.target.span), label: "named again here",
              labels: [.init(link.targetLocation, "first link")],
              help: "keep one supports line per parent; put the weight and acceptance on it"))
          continue
        }
        plan.links.append(
          Link(
            child: id, target: target, weight: clause.weight?.value ?? 1,
            acceptedBy: acceptor, acceptedOn: clause.acceptedOn?.day, isReuse: false,
            location: here, targetLocation: location(file, clause.target.span),
            acceptorLocation: clause.acceptedBy.map { location(file, $0.span) },
            weightLocation: clause.weight.map { location(file, $0.span) }))
      case .shared:
        objective.isShared = true
      case .keyResult:
        break
      case .progressOverride(let value, let span):
        objective.progressOverride = value.fraction
        objective.overrideLocation = location(file, span)
      case .tags(let tags, _):
        objective.tags.append(contentsOf: tags.map(\.name))
      case .note(let literal, _):
        objective.note = TextRef(file: file, literal: literal)
      }
    }
    plan.objectives[Int(id.index)] = objective
  }

  private func repeated(_ statement: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
    Diagnostic(
      .duplicateDefinition, "an objective has one '\(statement)'", at: location,
      label: "given again here", labels: [.init(first, "first given here")],
      help: "remove one of the two \(statement) lines")
  }

  /// Whether a period is closed: declared closed itself, or inside a period declared closed.
  private func isClosed(_ period: Period) -> Bool {
    plan.closedPeriods.contains(period)
      || plan.closedPeriods.contains { $0.first <= period.first && period.last <= $0.last }
  }

  private mutating func resolveCycle(
    _ period: PeriodSyntax, at location: SourceLocation, file: FileID, cycleIndex: [String: Int]
  ) -> CycleAssignment? {
    switch period.value {
    case .literal(let value):
      return CycleAssignment(period: value, name: nil, isClosed: isClosed(value), location: location)
    case .named(let name):
      guard let index = cycleIndex[name] else {
        report(
          unknown(
            "cycle", name, at: SourceLocation(file: file, span: period.span),
            candidates: plan.cycles.map(\.name),
            fallback:
              "declare it at the top level, e.g. cycle \(name) 2026-01-01..2026-06-30, or write a period such as 2026-Q1"
          ))
        return nil
      }
      let cycle = plan.cycles[index]
      return CycleAssignment(
        period: cycle.period, name: name, isClosed: cycle.isClosed || isClosed(cycle.period),
        location: location)
    }
  }

  /// Resolves the parent of a link: `owner.objective` or `owner.objective.kr`.
  private mutating func resolveLinkTarget(_ reference: Reference, file: FileID, from child: ObjectiveID) -> LinkTarget?
  {
    let here = location(file, reference.span)
    let ownerName = reference.parts[0]
    guard let owner = plan.entityIndex[ownerName.name] else {
      // Suggest the whole reference with the nearest entity id in front.
      let near = Suggestions.nearest(to: ownerName.name, among: plan.entities.lazy.map(\.id))
      let rest = reference.parts.dropFirst().map(\.name)
      let candidates = near.map { ([$0] + rest).joined(separator: ".") }
      report(
        Diagnostic(
          .unknownReference, "unknown entity '\(ownerName.name)' in '\(reference)'",
          at: location(file, ownerName.span), label: "not defined",
          help: candidates.isEmpty
            ? "declare the entity, or check the spelling of '\(reference)'"
            : "did you mean " + candidates.map { "`\($0)`" }.joined(separator: " or ") + "?"))
      return nil
    }
    guard reference.parts.count >= 2 else {
      let examples = plan[owner].objectives.prefix(2).map { "`\(plan.qualifiedName($0))`" }
      report(
        Diagnostic(
          .wrongKind,
          "expected an objective or key result, found the \(plan[owner].level.rawValue) '\(ownerName.name)'",
          at: here, label: "an entity, not an objective",
          labels: [.init(plan[owner].location, "declared here")],
          help: examples.isEmpty
            ? "a link points at an objective (owner.objective) or a key result (owner.objective.kr)"
            : "name one of its objectives, e.g. " + examples.joined(separator: " or ")))
      return nil
    }
    let objectiveName = reference.parts[1]
    guard let objective = plan.objective(owner: owner, localID: objectiveName.name) else {
      let candidates = plan[owner].objectives.map { plan.qualifiedName($0) }
      report(
        Diagnostic(
          .unknownReference, "unknown objective '\(ownerName.name).\(objectiveName.name)'",
          at: here, label: "not defined",
          help: Suggestions.didYouMean("\(ownerName.name).\(objectiveName.name)", among: candidates)
            ?? (candidates.isEmpty
              ? "'\(ownerName.name)' has no objectives yet"
              : "'\(ownerName.name)' has " + candidates.prefix(5).map { "`\($0)`" }.joined(separator: ", "))))
      return nil
    }
    guard reference.parts.count == 3 else { return .objective(objective) }
    let krName = reference.parts[2]
    guard let keyResult = plan.keyResult(of: objective, localID: krName.name) else {
      let candidates = plan[objective].keyResults.map { plan.qualifiedName(KeyResultID($0)) }
      report(
        Diagnostic(
          .unknownReference, "unknown key result '\(reference)'", at: here, label: "not defined",
          help: Suggestions.didYouMean(reference.description, among: candidates)
            ?? (candidates.isEmpty
              ? "'\(plan.qualifiedName(objective))' has no key results"
              : "its key results are " + candidates.prefix(5).map { "`\($0)`" }.joined(separator: ", "))))
      return nil
    }
    return .keyResult(keyResult)
  }

  // MARK: - Policy

  private mutating func resolvePolicy() {
    var first: SourceLocation?
    for file in files {
      for case .policy(let decl) in file.items {
        let here = location(file.file, Span(start: decl.span.start, end: decl.span.start + 6))
        if let first {
          report(
            Diagnostic(
              .duplicateDefinition, "a plan has at most one policy block", at: here,
              label: "second policy", labels: [.init(first, "the plan's policy is here")],
              help: "merge the settings into the first policy block"))
          continue
        }
        first = here
        plan.policy.location = here
        for statement in decl.statements { apply(statement, file: file.file) }
      }
    }
  }

  private mutating func apply(_ statement: PolicyStatement, file: FileID) {
    switch statement {
    case .maxParents(let value, _):
      if value.value < 1 || value.value != value.value.rounded() || value.isPercent {
        report(
          Diagnostic(
            .valueOutOfRange, "max-parents must be a whole number of at least 1",
            at: location(file, value.span), help: "write max-parents 2"))
      } else {
        plan.policy.maxParents = Int(min(value.value, 1_000_000))
      }
    case .allow(let child, let parent, _), .deny(let child, let parent, _):
      guard let childLevel = level(child, file: file), let parentLevel = level(parent, file: file) else { return }
      if case .allow = statement, childLevel == .company, parentLevel != .company {
        report(
          Diagnostic(
            .companyTopLevel, "company objectives can never support lower levels",
            at: location(file, child.span.union(parent.span)),
            help: "remove this line; company objectives are the top of the plan"))
        return
      }
      if case .allow = statement {
        plan.policy.levelOverrides[.init(childLevel, parentLevel)] = true
      } else {
        plan.policy.levelOverrides[.init(childLevel, parentLevel)] = false
      }
    case .objectivesPerOwner(let limits, _):
      for (levelName, limit) in limits {
        guard let level = level(levelName, file: file) else { continue }
        if limit.value < 1 || limit.value != limit.value.rounded() || limit.isPercent {
          report(
            Diagnostic(
              .valueOutOfRange, "objectives-per-owner needs a whole number of at least 1",
              at: location(file, limit.span), help: "write objectives-per-owner \(level.rawValue) 4"))
          continue
        }
        plan.policy.objectivesPerOwner[level] = Int(min(limit.value, 1_000_000))
      }
    case .status(let thresholds, _):
      for (name, threshold) in thresholds {
        let value = threshold.fraction
        guard (0...1).contains(value) else {
          report(
            Diagnostic(
              .valueOutOfRange, "a status threshold is a ratio between 0 and 1",
              at: location(file, threshold.span), help: "write e.g. status at-risk 0.8 off-track 0.5"))
          continue
        }
        switch name.name {
        case "at-risk": plan.policy.onTrackRatio = value
        case "off-track": plan.policy.atRiskRatio = value
        default:
          report(
            unknown(
              "status threshold", name.name, at: location(file, name.span),
              candidates: ["at-risk", "off-track"],
              fallback: "the thresholds are at-risk (below it an objective is at risk) and off-track"))
        }
      }
      if plan.policy.atRiskRatio > plan.policy.onTrackRatio {
        report(
          Diagnostic(
            .valueOutOfRange, "the off-track threshold is above the at-risk threshold",
            at: location(file, statement.span),
            help: "off-track must be at most at-risk, e.g. status at-risk 0.8 off-track 0.5"))
      }
    case .rule(let name, let setting, _):
      guard let rule = Rule(rawValue: name.name) else {
        report(
          unknown(
            "rule", name.name, at: location(file, name.span), candidates: Rule.allCases.map(\.rawValue),
            fallback: "`okr explain` lists the rule names"))
        return
      }
      guard rule.isConfigurable else {
        report(
          Diagnostic(
            .wrongKind, "the rule '\(rule.rawValue)' cannot be changed by a policy",
            at: location(file, name.span), help: "only linking and hygiene rules can be relaxed; fix the plan instead"))
        return
      }
      switch setting.name {
      case "error": plan.policy.severities[rule] = .some(.error)
      case "warning": plan.policy.severities[rule] = .some(.warning)
      case "note": plan.policy.severities[rule] = .some(.note)
      case "off": plan.policy.severities[rule] = .some(nil)
      default:
        report(
          unknown(
            "rule setting", setting.name, at: location(file, setting.span),
            candidates: ["error", "warning", "note", "off"], fallback: "write error, warning, note or off"))
      }
    }
  }

  private mutating func level(_ name: Identifier, file: FileID) -> Level? {
    if let level = Level(rawValue: name.name) { return level }
    report(
      unknown(
        "level", name.name, at: location(file, name.span), candidates: Level.allCases.map(\.rawValue),
        fallback: "the levels are company, unit, team and person"))
    return nil
  }
}

/// Finds an element by key among the last ones appended to an array (one objective's key results
/// or links): a linear search while there are a few, a hash index once there are many, so an
/// objective with thousands of them stays linear.
struct TailIndex<Key: Hashable> {
  /// Where the indexed range starts, and how many of its elements are indexed.
  private var start = -1
  private var indexed = 0
  private var positions: [Key: Int] = [:]
  private static var linearLimit: Int { 16 }

  /// The first position in `range` whose key is `key`. `range` grows at its end between calls
  /// and starts elsewhere for the next group.
  mutating func find(_ key: Key, in range: Range<Int>, key keyAt: (Int) -> Key) -> Int? {
    if range.count <= Self.linearLimit { return range.first { keyAt($0) == key } }
    if start != range.lowerBound {
      positions.removeAll(keepingCapacity: true)
      start = range.lowerBound
      indexed = 0
    }
    while indexed < range.count {
      let position = range.lowerBound + indexed
      let found = keyAt(position)
      if positions[found] == nil { positions[found] = position }
      indexed += 1
    }
    return positions[key]
  }
}

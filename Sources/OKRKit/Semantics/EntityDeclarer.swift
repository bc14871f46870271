import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Declares the plan's entities, in traversal order: the first declaration of an id makes the
/// entity; a later one of another level, or a second one with a name or `in` list, is reported.
/// Then resolves their `in`, `lead` and `admin` names. It owns the plan meanwhile:
/// ``PlanResolver`` declares the objectives on another core, reading which entity each entity
/// declaration declares from ``DeclaredEntities`` as this publishes it.
struct EntityDeclarer {
  /// The plan, handed back with `swap` once done (a copy would share its arrays, and the first
  /// change after would copy them whole).
  var plan: Plan
  private(set) var problems = ResolutionProblems()
  /// Per entity: where a declaration gave it a name or `in` list (its defining one), if any has.
  private var definingDeclaration: [SourceLocation?] = []

  init(plan: consuming Plan, capacity: Int) {
    self.plan = plan
    definingDeclaration.reserveCapacity(capacity)
  }

  private func location(_ file: FileID, _ span: Span) -> SourceLocation {
    SourceLocation(file: file, span: span)
  }

  /// Declares every entity of `files`, publishing to `declared` which entity each entity
  /// declaration declares.
  mutating func declareEntities(of files: [SyntaxFile], publishingTo declared: DeclaredEntities) {
    // By index, as below: a copy of each file's tree counted its lists in and out.
    for fileIndex in files.indices {
      let file = files[fileIndex].file
      for index in files[fileIndex].items.indices {
        guard let decl = files[fileIndex].items[index].entityHeading else { continue }
        let isDefining = decl.name != nil || decl.hasParents
        let here = location(file, decl.id.span)
        // One probe of the index: a new entity's id is entered, or the existing one found.
        let newID = EntityID(plan.entities.count)
        let id = plan.entityIndex.value(forKey: decl.id.name, insertingIfAbsent: newID)
        if id != newID {
          let entity = plan[id]
          declared.publish(entity.level == decl.level ? id : nil)
          if entity.level != decl.level {
            problems.report(
              Diagnostic(
                .wrongKind,
                "'\(decl.id.name)' is a \(entity.level.rawValue), not a \(decl.level.rawValue)",
                at: location(file, decl.levelSpan.union(decl.id.span)),
                label: "reopened as a \(decl.level.rawValue)",
                labels: [.init(entity.location, "declared as a \(entity.level.rawValue) here")],
                help: "reopen it as \(entity.level.rawValue) \(decl.id.name) { … }, or pick another id"))
            continue
          }
          if isDefining {
            if let first = definingDeclaration[Int(id.index)] {
              problems.report(
                Diagnostic(
                  .duplicateDefinition, "the \(decl.level.rawValue) '\(decl.id.name)' is declared twice",
                  at: here, label: "declared again here", labels: [.init(first, "first declared here")],
                  help:
                    "entity ids are unique across the plan; to add objectives elsewhere, reopen it without a name: \(decl.level.rawValue) \(decl.id.name) { … }"
                ))
            } else {
              definingDeclaration[Int(id.index)] = here
              plan.entities[Int(id.index)].location = here
              if let name = decl.name {
                plan.entities[Int(id.index)].name = TextRef(file: file, literal: name)
              }
            }
          }
          continue
        }
        declared.publish(id)
        plan.entityNames.append(decl.id.name)
        plan.entities.append(
          Entity(
            id: decl.id.name, level: decl.level,
            name: decl.name.map { TextRef(file: file, literal: $0) }, parents: [], leads: [], admins: [],
            objectives: [], location: here))
        definingDeclaration.append(isDefining ? here : nil)
      }
    }
  }

  /// Resolves the `in`, `lead` and `admin` names of each entity declaration of `files` whose
  /// entity `declared` names (all of them published).
  mutating func resolveRelations(of files: [SyntaxFile], _ declared: DeclaredEntities) {
    var declaration = 0
    // By index, and each declaration read in part: the objectives' walk on the other core reads
    // the same trees, and copying a whole file's or declaration's counts references both cores
    // then share.
    for fileIndex in files.indices {
      let file = files[fileIndex].file
      for itemIndex in files[fileIndex].items.indices {
        guard let (level, parents, members) = files[fileIndex].items[itemIndex].entityRelations else { continue }
        defer { declaration += 1 }
        guard let id = declared.entity(declaredBy: declaration) else { continue }
        resolveRelations(level: level, parents: parents, members: members, id: id, file: file)
      }
    }
  }

  /// Resolves the `in` list `parents` of a declaration of the `level` entity `id`, and the
  /// `admin` and `lead` lines among its `members` (nil when it has none).
  private mutating func resolveRelations(
    level: Level, parents: [Reference], members: [EntityMember]?, id: EntityID, file: FileID
  ) {
    // Names repeated in `in` lists count once; long lists (a person in thousands of teams) are
    // checked against a set rather than searched.
    let isLong = parents.count > 16
    var known = isLong ? Set(plan[id].parents) : []
    for parent in parents {
      guard let target = resolveEntityReference(parent, file: file, role: "an enclosing entity") else { continue }
      let targetLevel = plan[target].level
      // Higher levels enclose lower ones; units may nest in units and teams in teams.
      let nests = targetLevel < level || (targetLevel == level && (level == .unit || level == .team))
      guard nests else {
        problems.report(
          Diagnostic(
            .wrongKind, "a \(level.rawValue) cannot be in a \(targetLevel.rawValue)",
            at: location(file, parent.span), label: "'\(parent)' is a \(targetLevel.rawValue)",
            labels: [.init(plan[target].location, "declared here")],
            help:
              "a person is in a team, unit or company; a team in a team, unit or company; a unit in a unit or company"))
        continue
      }
      if isLong ? known.insert(target).inserted : !plan[id].parents.contains(target) {
        plan.entities[Int(id.index)].parents.append(target)
      }
    }
    // Most blocks hold objectives only: no need to read through them.
    guard let members else { return }
    for member in members.indices {
      guard let (people, isAdmin) = members[member].people else { continue }
      for person in people {
        guard
          let target = plan.resolvePerson(
            person, file: file, role: isAdmin ? "an admin" : "a lead", problems: &problems)
        else { continue }
        if isAdmin {
          plan.entities[Int(id.index)].admins.append(target)
        } else {
          plan.entities[Int(id.index)].leads.append(target)
        }
      }
    }
  }

  /// Resolves a one-part reference to an entity; reports unknown names and objective references.
  private mutating func resolveEntityReference(_ reference: Reference, file: FileID, role: String) -> EntityID? {
    guard reference.parts.count == 1 else {
      problems.report(
        Diagnostic(
          .wrongKind, "expected \(role) (an entity), found '\(reference)'",
          at: location(file, reference.span), label: "this names an objective or key result",
          help: "name an entity by its id alone, e.g. '\(reference.parts[0].name)'"))
      return nil
    }
    let name = reference.parts[0]
    guard let id = plan.entityIndex[name.name] else {
      problems.report(
        Diagnostic.unknown(
          "entity", name.name, at: location(file, name.span),
          fallback: "declare it, e.g. team \(name.name) \"Name\" in …"),
        suggestingNear: name.name, among: .entities)
      return nil
    }
    return id
  }
}

/// Which entity each entity declaration declares, in traversal order (nil for one that reopens an
/// entity as another level), published one by one by the thread declaring them and read by
/// another, which waits for those not yet published.
final class DeclaredEntities: @unchecked Sendable {
  /// Per declaration, its entity's index, or -1; those before ``published`` are written.
  private let entities: UnsafeMutableBufferPointer<Int32>
  private let published = Atomic<Int>(0)

  /// Room for `capacity` declarations.
  init(capacity: Int) {
    entities = .allocate(capacity: max(1, capacity))
  }

  deinit { entities.deallocate() }

  /// Publishes the entity of the next declaration. Only one thread publishes.
  func publish(_ entity: EntityID?) {
    let count = published.load(ordering: .relaxed)
    precondition(count < entities.count, "more entity declarations than room for them")
    entities[count] = entity?.index ?? -1
    published.store(count + 1, ordering: .releasing)
  }

  /// The entity of declaration `declaration`, once published (waiting for it if need be); nil
  /// when the declaration reopens an entity as another level.
  func entity(declaredBy declaration: Int) -> EntityID? {
    while published.load(ordering: .acquiring) <= declaration { sched_yield() }
    let index = entities[declaration]
    return index < 0 ? nil : EntityID(index)
  }
}

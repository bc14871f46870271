/// Resolves the statements of objectives once every entity, objective and key result is declared:
/// cycles, owners, tags, notes and the `supports` and `reuses` links. It only reads the plan and
/// keeps what it resolves to itself, so pieces of a plan resolve on all cores and are joined in
/// declaration order (see ``PlanResolver``).
struct ObjectiveResolver {
  let plan: Plan
  /// Named cycles by name (the first of a repeated name).
  let cycleIndex: [String: Int]
  /// What has been resolved so far.
  private(set) var output = Output()
  /// The current objective's links by parent.
  private var linksByTarget = TailIndex<LinkTarget>()

  /// Resolved objectives, their links and the problems found.
  struct Output {
    /// The resolved objectives, in the order resolved.
    var objectives: [Objective] = []
    /// Their links, in declaration order; a link's index here is relative to this output.
    var links: [Link] = []
    var problems = ResolutionProblems()
  }

  init(plan: Plan, cycleIndex: [String: Int]) {
    self.plan = plan
    self.cycleIndex = cycleIndex
  }

  private func location(_ file: FileID, _ span: Span) -> SourceLocation {
    SourceLocation(file: file, span: span)
  }

  /// Resolves the statements of the objective `id`, declared by `objectiveDecl` in `file`.
  mutating func resolve(_ objectiveDecl: ObjectiveDecl, id: ObjectiveID, file: FileID) {
    var objective = plan[id]
    let firstLink = output.links.count
    var firstCycle: SourceLocation?
    var firstOwner: SourceLocation?
    if let reuses = objectiveDecl.reuses {
      if let target = resolveLinkTarget(reuses, file: file, from: id) {
        if case .objective(let parent) = target { objective.reuses = parent }
        output.links.append(
          Link(
            child: id, target: target, weight: 1, acceptedBy: nil, acceptedOn: nil,
            isReuse: true, location: location(file, reuses.span), targetSpan: reuses.span, acceptorSpan: nil,
            weightSpan: nil))
      } else {
        objective.hasUnresolvedParent = true
      }
    }
    for statement in objectiveDecl.statements {
      switch statement {
      case .cycle(let period, let span):
        let here = location(file, span)
        if let firstCycle {
          output.problems.report(repeated("cycle", at: here, first: firstCycle))
          continue
        }
        firstCycle = here
        objective.cycle = resolveCycle(period, at: here, file: file)
      case .owner(let person, let span):
        let here = location(file, span)
        if let firstOwner {
          output.problems.report(repeated("owner", at: here, first: firstOwner))
          continue
        }
        firstOwner = here
        objective.accountable = plan.resolvePerson(
          person, file: file, role: "an objective's owner", problems: &output.problems)
        objective.accountableLocation = location(file, span)
      case .supports(let clause):
        guard let target = resolveLinkTarget(clause.target, file: file, from: id) else {
          objective.hasUnresolvedParent = true
          continue
        }
        var acceptor: EntityID?
        if let person = clause.acceptedBy {
          acceptor = plan.resolvePerson(
            person, file: file, role: "the acceptor of a link", problems: &output.problems)
        }
        let here = location(file, clause.span)
        let linked = firstLink..<output.links.count
        if let existing = linksByTarget.find(target, in: linked, key: { output.links[$0].target }) {
          let link = output.links[existing]
          // `reuses REF { supports REF … }` gives the implied link its weight and acceptance.
          if link.isReuse, link.weightLocation == nil, link.acceptorLocation == nil {
            output.links[existing].weight = clause.weight?.value ?? 1
            output.links[existing].weightLocation = clause.weight.map { location(file, $0.span) }
            output.links[existing].acceptedBy = acceptor
            output.links[existing].acceptedOn = clause.acceptedOn?.day
            output.links[existing].acceptorLocation = clause.acceptedBy.map { location(file, $0.span) }
            continue
          }
          output.problems.report(
            Diagnostic(
              .duplicateDefinition,
              "'\(plan.qualifiedName(id))' supports '\(plan.qualifiedName(target))' twice",
              at: location(file, clause.target.span), label: "named again here",
              labels: [.init(link.targetLocation, "first link")],
              help: "keep one supports line per parent; put the weight and acceptance on it"))
          continue
        }
        output.links.append(
          Link(
            child: id, target: target, weight: clause.weight?.value ?? 1,
            acceptedBy: acceptor, acceptedOn: clause.acceptedOn?.day, isReuse: false,
            location: here, targetSpan: clause.target.span, acceptorSpan: clause.acceptedBy?.span,
            weightSpan: clause.weight?.span))
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
    output.objectives.append(objective)
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
    _ period: PeriodSyntax, at location: SourceLocation, file: FileID
  ) -> CycleAssignment? {
    switch period.value {
    case .literal(let value):
      return CycleAssignment(period: value, name: nil, isClosed: isClosed(value), location: location)
    case .named(let name):
      guard let index = cycleIndex[name] else {
        output.problems.report(
          Diagnostic.unknown(
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
      let rest = reference.parts.dropFirst().map { "." + $0.name }.joined()
      output.problems.report(
        Diagnostic(
          .unknownReference, "unknown entity '\(ownerName.name)' in '\(reference)'",
          at: location(file, ownerName.span), label: "not defined",
          help: "declare the entity, or check the spelling of '\(reference)'"),
        suggestingNear: ownerName.name, among: .entities, suffix: rest)
      return nil
    }
    guard reference.parts.count >= 2 else {
      let examples = plan[owner].objectives.prefix(2).map { "`\(plan.qualifiedName($0))`" }
      output.problems.report(
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
      output.problems.report(
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
      output.problems.report(
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
}

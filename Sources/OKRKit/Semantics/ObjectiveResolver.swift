/// Resolves the links of objectives once every entity, objective and key result is declared:
/// `supports` and `reuses`. It only reads the plan and keeps what it resolves to itself, so
/// pieces of a plan resolve on all cores and are joined in declaration order (see
/// ``PlanResolver``). The objective's other statements were read as it was declared
/// (``ObjectiveStatementReader``).
struct ObjectiveResolver {
  let plan: Plan
  /// What has been resolved so far.
  private(set) var output = Output()
  /// The current objective's links by parent.
  private var linksByTarget = TailIndex<LinkTarget>()
  /// The last owner a link named, and where: the links of neighbouring objectives mostly name
  /// the same one, which is then found by comparing bytes rather than hashing them.
  private var lastOwner: (file: FileID, span: Span, entity: EntityID)?
  /// The last acceptor of a link that named a person, and where: neighbouring links are mostly
  /// accepted by the same one.
  private var lastAcceptor: (file: FileID, span: Span, entity: EntityID)?
  /// "Did you mean" for unknown objectives and key results.
  private var suggestions = ReferenceSuggestions()
  /// The links' text, asked for ahead of resolving them.
  private var readAhead = ReadAhead()

  /// Resolved links, what they tell of their objectives, and the problems found.
  struct Output {
    /// The links, in declaration order; a link's index here is relative to this output.
    var links: [Link] = []
    /// The objectives whose `reuses` resolved or one of whose parents did not, in the order resolved.
    var parents: [Parents] = []
    var problems = ResolutionProblems()
  }

  /// What resolving an objective's links tells of the objective itself.
  struct Parents {
    var objective: ObjectiveID
    /// The objective named by `reuses`, when it resolved to one.
    var reuses: ObjectiveID?
    /// Whether a `supports` or `reuses` did not resolve.
    var hasUnresolvedParent: Bool
  }

  /// What resolving an objective's links reads of its declaration besides `reuses` (kept once
  /// the declarations are let go): where its `supports` facts are.
  struct LinkSource {
    var table: Int32
    var supports: Range<Int32>
  }

  init(plan: Plan) { self.plan = plan }

  /// Makes room for `count` links at once, rather than growing the list as they come.
  mutating func reserveLinks(_ count: Int) { output.links.reserveCapacity(count) }

  private func location(_ file: FileID, _ span: Span) -> SourceLocation {
    SourceLocation(file: file, span: span)
  }

  /// Resolves the links of the objective `id`, declared in `syntax` (read from `source`) with
  /// `links` and the `reuses` reference `reused`.
  mutating func resolve(
    _ links: LinkSource, reuses reused: Reference?, id: ObjectiveID, syntax: SyntaxFile, source: SourceFile
  ) {
    let file = syntax.file
    var parents = Parents(objective: id, reuses: nil, hasUnresolvedParent: false)
    let firstLink = output.links.count
    if let reuses = reused {
      if let target = resolveLinkTarget(TargetName(reuses), in: source) {
        if case .objective(let parent) = target { parents.reuses = parent }
        output.links.append(
          Link(
            child: id, target: target, weight: 1, acceptedBy: nil, acceptedOn: nil,
            isReuse: true, location: location(file, reuses.span), targetSpan: reuses.span, acceptorSpan: nil,
            weightSpan: nil))
      } else {
        parents.hasUnresolvedParent = true
      }
    }
    if let first = links.supports.first {
      readAhead.reach(syntax.factTables[Int(links.table)].supports[Int(first)].span.start, in: source)
    }
    for index in links.supports {
      let clause = syntax.factTables[Int(links.table)].supports[Int(index)]
      guard let target = resolveLinkTarget(TargetName(clause), in: source) else {
        parents.hasUnresolvedParent = true
        continue
      }
      let weight = clause.weight.isNaN ? 1 : clause.weight
      let weightLocation = clause.weightSpan.span.map { location(file, $0) }
      let acceptedOn = clause.acceptedOn == .min ? nil : Day(ordinal: clause.acceptedOn)
      var acceptor: EntityID?
      if let span = clause.acceptedBy.span { acceptor = self.acceptor(writtenAt: span, in: source) }
      let here = location(file, clause.span)
      let linked = firstLink..<output.links.count
      if let existing = linksByTarget.find(target, in: linked, key: { output.links[$0].target }) {
        let link = output.links[existing]
        // `reuses REF { supports REF … }` gives the implied link its weight and acceptance.
        if link.isReuse, link.weightLocation == nil, link.acceptorLocation == nil {
          output.links[existing].weight = weight
          output.links[existing].weightLocation = weightLocation
          output.links[existing].acceptedBy = acceptor
          output.links[existing].acceptedOn = acceptedOn
          output.links[existing].acceptorLocation = clause.acceptedBy.span.map { location(file, $0) }
          continue
        }
        output.problems.report(
          Diagnostic(
            .duplicateDefinition,
            "'\(plan.qualifiedName(id))' supports '\(plan.qualifiedName(target))' twice",
            at: location(file, clause.target), label: "named again here",
            labels: [.init(link.targetLocation, "first link")],
            help: "keep one supports line per parent; put the weight and acceptance on it"))
        continue
      }
      output.links.append(
        Link(
          child: id, target: target, weight: weight, acceptedBy: acceptor, acceptedOn: acceptedOn, isReuse: false,
          location: here, targetSpan: clause.target, acceptorSpan: clause.acceptedBy.span,
          weightSpan: clause.weightSpan.span))
    }
    if parents.reuses != nil || parents.hasUnresolvedParent { output.parents.append(parents) }
  }

  /// The entity whose id is written at `span` of `source`, as ``Plan/entity(writtenAt:in:)``.
  private mutating func entity(writtenAt span: Span, in source: SourceFile) -> EntityID? {
    if let last = lastOwner, last.file == source.id, source.same(last.span, span) { return last.entity }
    guard let entity = plan.entity(writtenAt: span, in: source) else { return nil }
    lastOwner = (source.id, span, entity)
    return entity
  }

  /// The person accepting a link, written at `span` of `source`; reports a name that is not a
  /// person's. Only a person found is remembered: naming it again reports nothing either.
  private mutating func acceptor(writtenAt span: Span, in source: SourceFile) -> EntityID? {
    if let last = lastAcceptor, last.file == source.id, source.same(last.span, span) { return last.entity }
    guard
      let person = plan.resolvePerson(
        writtenAt: span, in: source, role: "the acceptor of a link", problems: &output.problems)
    else { return nil }
    lastAcceptor = (source.id, span, person)
    return person
  }

  /// Resolves the parent of a link, written in `source`: `owner.objective` or `owner.objective.kr`.
  private mutating func resolveLinkTarget(_ reference: TargetName, in source: SourceFile) -> LinkTarget? {
    let file = source.id
    let here = location(file, reference.span)
    guard let owner = entity(writtenAt: reference.owner, in: source) else {
      // Suggest the whole reference with the nearest entity id in front.
      let ownerName = source.text(reference.owner)
      let rest = [reference.objective, reference.keyResult].compactMap { $0.map { "." + source.text($0) } }.joined()
      output.problems.report(
        Diagnostic(
          .unknownReference, "unknown entity '\(ownerName)' in '\(reference.text(in: source))'",
          at: location(file, reference.owner), label: "not defined",
          help: "declare the entity, or check the spelling of '\(reference.text(in: source))'"),
        suggestingNear: ownerName, among: .entities, suffix: rest)
      return nil
    }
    guard let objectiveSpan = reference.objective else {
      let examples = plan[owner].objectives.prefix(2).map { "`\(plan.qualifiedName($0))`" }
      output.problems.report(
        Diagnostic(
          .wrongKind,
          "expected an objective or key result, found the \(plan[owner].level.rawValue) '\(source.text(reference.owner))'",
          at: here, label: "an entity, not an objective",
          labels: [.init(plan[owner].location, "declared here")],
          help: examples.isEmpty
            ? "a link points at an objective (owner.objective) or a key result (owner.objective.kr)"
            : "name one of its objectives, e.g. " + examples.joined(separator: " or ")))
      return nil
    }
    guard let objective = plan.objective(owner: owner, writtenAt: objectiveSpan, in: source) else {
      let plan = self.plan
      let candidates = plan[owner].objectives.lazy.map { plan.qualifiedName($0) }
      let written = "\(source.text(reference.owner)).\(source.text(objectiveSpan))"
      output.problems.report(
        Diagnostic(
          .unknownReference, "unknown objective '\(written)'",
          at: here, label: "not defined",
          help: suggestions.didYouMean(
            written, in: .owner(owner), count: candidates.count, candidates: { Array(candidates) })
            ?? (candidates.isEmpty
              ? "'\(source.text(reference.owner))' has no objectives yet"
              : "'\(source.text(reference.owner))' has "
                + candidates.prefix(5).map { "`\($0)`" }.joined(separator: ", "))))
      return nil
    }
    guard let keyResultSpan = reference.keyResult else { return .objective(objective) }
    guard let keyResult = plan.keyResult(of: objective, writtenAt: keyResultSpan, in: source) else {
      let plan = self.plan
      let candidates = plan[objective].keyResults.lazy.map { plan.qualifiedName(KeyResultID($0)) }
      let written = reference.text(in: source)
      output.problems.report(
        Diagnostic(
          .unknownReference, "unknown key result '\(written)'", at: here, label: "not defined",
          help: suggestions.didYouMean(
            written, in: .objective(objective), count: candidates.count, candidates: { Array(candidates) })
            ?? (candidates.isEmpty
              ? "'\(plan.qualifiedName(objective))' has no key results"
              : "its key results are " + candidates.prefix(5).map { "`\($0)`" }.joined(separator: ", "))))
      return nil
    }
    return .keyResult(keyResult)
  }
}

/// The target of a link as written: where its parts are (the owner, then the objective and key
/// result when written). Their names are read from the source for a diagnostic only.
struct TargetName {
  var owner: Span
  var objective: Span?
  var keyResult: Span?
  var span: Span

  init(_ reference: Reference) {
    let parts = reference.parts
    owner = parts[0].span
    objective = parts.count > 1 ? parts[1].span : nil
    keyResult = parts.count > 2 ? parts[2].span : nil
    span = reference.span
  }

  /// The target of `clause`.
  init(_ clause: SupportsFact) {
    owner = clause.parts.0
    objective = clause.partCount > 1 ? clause.parts.1 : nil
    keyResult = clause.partCount > 2 ? clause.parts.2 : nil
    span = clause.target
  }

  /// The target as written in `source`, e.g. `acme.csat.nps`.
  func text(in source: SourceFile) -> String {
    [owner, objective, keyResult].compactMap { $0.map(source.text) }.joined(separator: ".")
  }
}

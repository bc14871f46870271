/// `unaccepted-link`, `acceptor-without-authority` and `owner-not-member`: who may do what.
///
/// * A link needs an `accepted by`; the implied link of `reuses` too, recorded by restating it
///   inside the objective (`supports REF accepted by P`).
/// * The acceptor must be the parent objective's `owner`, the owner of the key result a link
///   promotes, the parent entity itself when it is a person, a lead of the parent's entity or of
///   any entity enclosing it, or an admin of a company.
/// * An objective's `owner` must be the owning person itself (person objectives), or belong to
///   the owning entity: be `in` it or in an entity it encloses, lead it, or administer it.
///   Leading or administering an entity counts as belonging to it.
enum PeopleRules {
  static func check(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
    var people = PeopleIndex(plan)
    for link in plan.links {
      if link.acceptorLocation == nil {
        diagnostics.append(unaccepted(link, people, plan))
      } else if let acceptor = link.acceptedBy, !people.mayAccept(acceptor, link.target) {
        diagnostics.append(withoutAuthority(link, acceptor, people, plan))
      }
    }
    for index in plan.objectives.indices {
      // Field by field, in place: a copy of the whole objective costs more than the check.
      guard let owner = plan.objectives[index].accountable, let location = plan.objectives[index].accountableLocation,
        !people.belongs(owner, to: plan.objectives[index].owner)
      else { continue }
      diagnostics.append(ownerNotMember(ObjectiveID(index), owner, location, plan))
    }
  }

  private static func unaccepted(_ link: Link, _ people: PeopleIndex, _ plan: Plan) -> Diagnostic {
    let child = "'\(plan.qualifiedName(link.child))'"
    let parent = plan.qualifiedName(link.target)
    let acceptor = people.suggestedAcceptor(for: link.target).map { plan[$0].id }
    let record = "supports \(parent) accepted by \(acceptor ?? "PERSON")"
    let ask = acceptor.map { "ask \($0) to accept it, then " } ?? ""
    if link.isReuse {
      return Diagnostic(
        .unacceptedLink, "nobody has accepted that \(child) reuses '\(parent)'",
        at: link.location, label: "self-declared contribution",
        help: "\(ask)record the acceptance inside \(child): \(record)")
    }
    return Diagnostic(
      .unacceptedLink, "nobody has accepted the link from \(child) to '\(parent)'",
      at: link.location, label: "self-declared contribution",
      help: "\(ask)record it: \(record)")
  }

  private static func withoutAuthority(
    _ link: Link, _ acceptor: EntityID, _ people: PeopleIndex, _ plan: Plan
  ) -> Diagnostic {
    let parent = plan.parentObjective(of: link.target)
    let owningEntity = plan[plan[parent].owner].id
    let suggestion = people.suggestedAcceptor(for: link.target).map {
      "have \(plan[$0].id) accept it: accepted by \(plan[$0].id)"
    }
    return Diagnostic(
      .acceptorWithoutAuthority,
      "'\(plan[acceptor].id)' has no authority to accept a link to '\(plan.qualifiedName(link.target))'",
      at: link.acceptorLocation ?? link.location, label: "not the parent's owner, a lead above it, or an admin",
      labels: [
        .init(plan.declaration(of: link.target), "'\(plan.qualifiedName(link.target))' belongs to \(owningEntity)")
      ],
      notes: [
        "a link is accepted by the parent's owner, a lead of its entity or of an enclosing one, the parent person itself, or a company admin"
      ],
      help: suggestion
        ?? "give '\(plan.qualifiedName(parent))' an owner (owner PERSON) and have that person accept the link")
  }

  private static func ownerNotMember(
    _ objective: ObjectiveID, _ owner: EntityID, _ location: SourceLocation, _ plan: Plan
  ) -> Diagnostic {
    let entity = plan[plan[objective].owner]
    let person = plan[owner].id
    let name = "'\(plan.qualifiedName(objective))'"
    let declared = Diagnostic.Label(plan[owner].location, "'\(person)' is declared here")
    if entity.level == .person {
      return Diagnostic(
        .ownerNotMember,
        "'\(person)' cannot own \(name): a person's objective is owned by that person, '\(entity.id)'",
        at: location, label: "not '\(entity.id)'", labels: [declared],
        help: "remove this owner line (\(entity.id) owns it), or move the objective to \(person)'s block")
    }
    return Diagnostic(
      .ownerNotMember,
      "'\(person)' owns \(name) but is neither in nor a lead of \(entity.level.rawValue) \(entity.id)",
      at: location, label: "not a member of \(entity.id)", labels: [declared],
      help: "choose an owner from \(entity.id), or declare the membership: person \(person) in \(entity.id)"
        + (entity.level == .company ? "" : " (or lead \(person) in \(entity.level.rawValue) \(entity.id))"))
  }
}

/// Who leads, administers and belongs to what, with memoised walks up the entity enclosures.
private struct PeopleIndex {
  let plan: Plan
  /// Persons who administer some company.
  let companyAdmins: Set<EntityID>
  /// The first company admin declared, the acceptor of last resort.
  let firstAdmin: EntityID?
  /// The entities each person leads or administers.
  let heads: [[EntityID]]
  /// Enclosure questions answered by numbering the entities that form a plain tree, made on the
  /// first question the lists below do not answer; the searches answer the rest.
  var forest: EntityForest?
  /// The outermost simple entities each person asked about leads (see ``EntityForest``).
  var outermostLed: [EntityID: [EntityForest.Interval]] = [:]
  /// The sorted numbers of the entities each person asked about is in, leads or administers; nil
  /// when one of them is not simple or not headless.
  var belongingNumbers: [EntityID: [Int32]?] = [:]
  /// Lead-of-some-ancestor searches, keyed by the acceptor.
  var leadership: EnclosureSearch
  /// Belongs-to searches, keyed by the owning entity.
  var membership: EnclosureSearch
  /// Whether a person is among an entity's leads, and whether an entity is among a person's
  /// enclosing entities.
  let leads: ListMembership
  let parents: ListMembership

  init(_ plan: Plan) {
    self.plan = plan
    var admins = Set<EntityID>()
    var firstAdmin: EntityID?
    // Entities each person leads or administers: belonging to them counts as membership.
    var heads = [[EntityID]](repeating: [], count: plan.entities.count)
    for (index, entity) in plan.entities.enumerated() {
      // Entities come in order, so a person listed twice here is the last one noted.
      for person in entity.leads + entity.admins where heads[Int(person.index)].last != EntityID(index) {
        heads[Int(person.index)].append(EntityID(index))
      }
      if entity.level == .company {
        admins.formUnion(entity.admins)
        if firstAdmin == nil { firstAdmin = entity.admins.first }
      }
    }
    companyAdmins = admins
    self.firstAdmin = firstAdmin
    self.heads = heads
    leadership = EnclosureSearch { plan[$0].parents }
    membership = EnclosureSearch { plan[$0].parents + heads[Int($0.index)] }
    leads = ListMembership { plan[$0].leads }
    parents = ListMembership { plan[$0].parents }
  }

  /// Whether `person` may accept a link to `target`.
  mutating func mayAccept(_ person: EntityID, _ target: LinkTarget) -> Bool {
    // The two fields read in place: a copy of the whole objective costs more than the check.
    let parent = Int(plan.parentObjective(of: target).index)
    let (accountable, owner) = (plan.objectives[parent].accountable, plan.objectives[parent].owner)
    if accountable == person || owner == person || companyAdmins.contains(person) { return true }
    if case .keyResult(let keyResult) = target, plan[keyResult].owner == person { return true }
    let leads = self.leads
    if leads.contains(person, inListOf: owner) { return true }
    if let answer = leadsAtOrAbove(owner, person) { return answer }
    return leadership.reaches(from: owner, key: person) { leads.contains(person, inListOf: $0) }
  }

  /// Whether `person` may own an objective of `entity`.
  mutating func belongs(_ person: EntityID, to entity: EntityID) -> Bool {
    if plan[entity].level == .person { return person == entity }
    // The common cases first, without touching the memo.
    if parents.contains(entity, inListOf: person) || leads.contains(person, inListOf: entity) { return true }
    if let answer = isAtOrBelow(person, entity) { return answer }
    return membership.reaches(from: person, key: entity) { $0 == entity }
  }

  /// The entity tree, numbered on first use.
  private mutating func numberedForest() -> EntityForest {
    if let forest { return forest }
    let made = EntityForest(parents: plan.entities.map(\.parents), heads: heads)
    forest = made
    return made
  }

  /// Whether `person` leads `entity` or an entity above it, from the numbered tree; nil when
  /// `entity` is not simple.
  private mutating func leadsAtOrAbove(_ entity: EntityID, _ person: EntityID) -> Bool? {
    // One who leads and administers nothing leads nothing above.
    if heads[Int(person.index)].isEmpty { return false }
    let forest = numberedForest()
    guard forest.isSimple(entity) else { return nil }
    if outermostLed[person] == nil {
      // Persons lead few entities; one who leads many is asked about many times.
      let led = heads[Int(person.index)].filter { leads.contains(person, inListOf: $0) }
      outermostLed[person] = forest.outermost(of: led)
    }
    return forest.anyOf(outermostLed[person]!, isAtOrAbove: entity)
  }

  /// Whether `person` is `entity` or in, a lead or an admin of it or of an entity inside it,
  /// from the numbered tree; nil when the way up from `person` is not a plain tree.
  private mutating func isAtOrBelow(_ person: EntityID, _ entity: EntityID) -> Bool? {
    if person == entity { return true }
    let forest = numberedForest()
    if belongingNumbers[person] == nil {
      belongingNumbers[person] = .some(
        forest.headlessNumbers(of: plan[person].parents + heads[Int(person.index)]))
    }
    guard let numbers = belongingNumbers[person]! else { return nil }
    return forest.anyAtOrBelow(entity, among: numbers)
  }

  /// The person to ask for an acceptance: the parent's owner, the promoted key result's owner,
  /// the parent person, the nearest lead above the parent, or a company admin.
  func suggestedAcceptor(for target: LinkTarget) -> EntityID? {
    let parent = plan[plan.parentObjective(of: target)]
    if let owner = parent.accountable { return owner }
    if case .keyResult(let keyResult) = target, let owner = plan[keyResult].owner { return owner }
    if plan[parent.owner].level == .person { return parent.owner }
    var visited: Set<EntityID> = [parent.owner]
    var queue = [parent.owner]
    var next = 0
    while next < queue.count {
      let entity = plan[queue[next]]
      next += 1
      if let lead = entity.leads.first { return lead }
      for above in entity.parents where visited.insert(above).inserted { queue.append(above) }
    }
    return firstAdmin
  }
}

/// Membership in one list of each entity (its leads, say): a linear search of a short list, a
/// set made on first use for a long one (a person may be in thousands of teams, a team may have
/// thousands of leads, and each of their links and objectives asks).
private final class ListMembership {
  private let list: (EntityID) -> [EntityID]
  private var sets: [EntityID: Set<EntityID>] = [:]
  private static let longList = 16

  init(_ list: @escaping (EntityID) -> [EntityID]) { self.list = list }

  func contains(_ member: EntityID, inListOf entity: EntityID) -> Bool {
    let members = list(entity)
    guard members.count > Self.longList else { return members.contains(member) }
    if let set = sets[entity] { return set.contains(member) }
    let set = Set(members)
    sets[entity] = set
    return set.contains(member)
  }
}

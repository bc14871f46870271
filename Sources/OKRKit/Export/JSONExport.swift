extension PlanExport {
  /// The version of the JSON export's shape; it changes only when a key is removed or changes
  /// meaning (new keys may appear without a change).
  public static let jsonVersion = 1

  /// The whole resolved plan with its computed progress, for other tools.
  ///
  /// Keys come in a fixed order and arrays in declaration order; docs/export.md describes every
  /// key. Absent values are `null`, never left out, so every object of a kind has the same keys.
  public func json() -> JSONValue { .object(jsonMembers().map { ($0, $1.value) }) }

  /// Writes ``json()`` as indented text, ending with a line break, to `sink` a piece at a time:
  /// the entities, objectives and links are made and written one at a time, so a large plan's
  /// export never holds all of them, as values or as text.
  func writeJSON(to sink: (UnsafeRawBufferPointer) -> Void) {
    JSONValue.write(members: jsonMembers(), pretty: true, trailer: "\n", to: sink)
  }

  /// The export's members, the long lists made one element at a time.
  private func jsonMembers() -> [(String, JSONMember)] {
    [
      ("version", .value(.int(PlanExport.jsonVersion))),
      ("asOf", .value(.string(asOf.description))),
      ("entities", .list(count: plan.entities.count) { json(plan.entities[$0]) }),
      ("cycles", .value(.array(cyclesJSON()))),
      ("objectives", .list(count: plan.objectives.count) { json(ObjectiveID($0)) }),
      ("links", .list(count: plan.links.count) { linkJSON(LinkID($0), withChild: true) }),
      ("policy", .value(policyJSON())),
      (
        "diagnostics",
        .value(.object([("errors", .int(errors)), ("warnings", .int(warnings)), ("notes", .int(notes))]))
      ),
    ]
  }

  private func json(_ entity: Entity) -> JSONValue {
    .object([
      ("id", .string(entity.id)),
      ("level", .string(entity.level.rawValue)),
      ("name", entity.name.map { .string(plan.text($0)) } ?? .null),
      ("parents", ids(entity.parents)),
      ("leads", ids(entity.leads)),
      ("admins", ids(entity.admins)),
    ])
  }

  /// Named cycles in declaration order, then the literal periods declared `closed`, by date.
  private func cyclesJSON() -> [JSONValue] {
    let named = plan.cycles.map { cycle in
      periodJSON(name: cycle.name, period: cycle.period, isClosed: cycle.isClosed)
    }
    let closed = plan.closedPeriods.sorted { ($0.first, $0.last) < ($1.first, $1.last) }.map { period in
      periodJSON(name: nil, period: period, isClosed: true)
    }
    return named + closed
  }

  private func periodJSON(name: String?, period: Period, isClosed: Bool) -> JSONValue {
    .object([
      ("name", name.map { .string($0) } ?? .null),
      ("period", .string(period.description)),
      ("first", .string(period.first.description)),
      ("last", .string(period.last.description)),
      ("closed", .bool(isClosed)),
    ])
  }

  private func json(_ id: ObjectiveID) -> JSONValue {
    let objective = plan[id]
    return .object([
      ("id", .string(plan.qualifiedName(id))),
      ("title", .string(title(of: id))),
      ("level", .string(plan.level(of: id).rawValue)),
      ("owner", .string(plan[objective.owner].id)),
      ("accountable", objective.accountable.map { .string(plan[$0].id) } ?? .null),
      ("cycle", objective.cycle.map { periodJSON(name: $0.name, period: $0.period, isClosed: $0.isClosed) } ?? .null),
      ("progress", .number(evaluation.progress(of: id))),
      ("expected", evaluation.expected(of: id).map { .number($0) } ?? .null),
      ("status", .string(evaluation.status(of: id).rawValue)),
      ("override", evaluation.override(of: id).map { .number($0) } ?? .null),
      ("shared", .bool(objective.isShared)),
      ("orphan", .bool(isOrphan(id))),
      ("tags", .array(objective.tags.map { .string($0) })),
      ("note", text(objective.note)),
      ("parents", .array(plan.parentLinks(of: id).map { linkJSON($0, withChild: false) })),
      ("keyResults", .array(objective.keyResults.map { json(KeyResultID($0)) })),
    ])
  }

  /// A link: in the plan-wide list with its `child`; in an objective's `parents` without.
  private func linkJSON(_ id: LinkID, withChild: Bool) -> JSONValue {
    let link = plan[id]
    var members: [(String, JSONValue)] = withChild ? [("child", .string(plan.qualifiedName(link.child)))] : []
    let kind: String
    switch link.target {
    case .objective: kind = "objective"
    case .keyResult: kind = "kr"
    }
    members += [
      (withChild ? "parent" : "id", .string(plan.qualifiedName(link.target))),
      ("kind", .string(kind)),
      ("weight", .number(link.weight)),
      ("acceptedBy", link.acceptedBy.map { .string(plan[$0].id) } ?? .null),
      ("acceptedOn", link.acceptedOn.map { .string($0.description) } ?? .null),
      ("reuse", .bool(link.isReuse)),
      ("counts", .bool(counts(id))),
    ]
    return .object(members)
  }

  private func json(_ id: KeyResultID) -> JSONValue {
    let keyResult = plan[id]
    let checkins = plan.checkins[Int(keyResult.checkins.lowerBound)..<Int(keyResult.checkins.upperBound)]
    return .object([
      ("id", .string(plan.qualifiedName(id))),
      ("title", .string(plan.text(keyResult.title))),
      ("measure", measureJSON(keyResult.measure)),
      ("value", evaluation.value(of: id).map { .number($0) } ?? .null),
      ("confidence", evaluation.confidence(of: id).map { .number($0) } ?? .null),
      ("progress", .number(evaluation.progress(of: id))),
      ("status", .string(evaluation.status(of: id).rawValue)),
      ("weight", .number(keyResult.weight)),
      ("owner", keyResult.owner.map { .string(plan[$0].id) } ?? .null),
      ("source", keyResult.source.map { .string($0) } ?? .null),
      ("note", text(keyResult.note)),
      ("supporters", .array(plan.childLinks(of: id).map { .string(plan.qualifiedName(plan[$0].child)) })),
      (
        "checkins",
        .array(
          checkins.map { checkin in
            .object([
              ("date", .string(checkin.date.description)),
              ("value", .number(checkin.value)),
              ("confidence", checkin.confidence.map { .number($0) } ?? .null),
              ("note", text(checkin.note)),
            ])
          })
      ),
    ])
  }

  private func measureJSON(_ measure: Measure) -> JSONValue {
    switch measure {
    case .metric(let from, let to, let current, let unit):
      .object([
        ("kind", .string("metric")), ("from", .number(from)), ("to", .number(to)),
        ("unit", unit.map { .string($0) } ?? .null), ("current", current.map { .number($0) } ?? .null),
      ])
    case .milestone(let isDone, let doneOn):
      .object([
        ("kind", .string("milestone")), ("done", .bool(isDone)),
        ("doneOn", doneOn.map { .string($0.description) } ?? .null),
      ])
    case .manual(let fraction):
      .object([("kind", .string("manual")), ("progress", .number(fraction))])
    case .none:
      .object([("kind", .string("none"))])
    }
  }

  private func policyJSON() -> JSONValue {
    let policy = plan.policy
    let levels = Level.allCases
    return .object([
      ("maxParents", .int(policy.maxParents)),
      (
        "allowedParents",
        .object(
          levels.map { child in
            (
              child.rawValue,
              .array(levels.filter { policy.allows(child: child, parent: $0) }.map { .string($0.rawValue) })
            )
          })
      ),
      (
        "objectivesPerOwner",
        .object(
          levels.map { level in
            (level.rawValue, policy.objectivesPerOwner[level].map { .int($0) } ?? .null)
          })
      ),
      ("status", .object([("onTrack", .number(policy.onTrackRatio)), ("atRisk", .number(policy.atRiskRatio))])),
      (
        "rules",
        .object(
          Rule.allCases.compactMap { rule in
            guard let setting = policy.severities[rule] else { return nil }
            return (rule.rawValue, .string(setting?.rawValue ?? "off"))
          })
      ),
    ])
  }

  private func text(_ ref: TextRef?) -> JSONValue { ref.map { .string(plan.text($0)) } ?? .null }

  private func ids(_ entities: [EntityID]) -> JSONValue { .array(entities.map { .string(plan[$0].id) }) }
}

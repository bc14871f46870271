extension QueryEngine {
  /// The values of the `measure` field of key results.
  static let measureWords = ["metric", "milestone", "manual", "supporters", "none"]
  /// The values of the `form` field of links: the three parentage forms.
  static let formWords = ["reuse", "promotion", "contribution"]

  // MARK: - Listings

  /// `objectives|krs|links|entities [where EXPR] [sort FIELD [asc|desc]] [limit N]`: rows in plan
  /// order, filtered, stably sorted (missing values last) and cut. The columns are the listing's
  /// defaults plus every field the condition or the sort names.
  mutating func listing(_ listing: QueryListing) throws(QueryError) -> QueryTable {
    var filter: CompiledFilter?
    if let condition = listing.filter { filter = try compile(condition) }
    let rows = ListingRows(kind: listing.kind, engine: self, evaluation: evaluation())
    var selected: [Int] = []
    for row in 0..<rows.count where filter.map({ rows.matches($0, row) }) ?? true { selected.append(row) }
    if let sort = listing.sort {
      let keys = selected.map { rows.value(sort.field.name, of: $0) }
      let order = keys.indices.sorted { a, b in
        switch (keys[a], keys[b]) {
        case (.none, .none): return a < b
        case (.none, _): return false
        case (_, .none): return true
        default:
          if let less = QueryValue.ascending(sort.descending ? keys[b] : keys[a], sort.descending ? keys[a] : keys[b]),
            less
          {
            return true
          }
          if let greater = QueryValue.ascending(
            sort.descending ? keys[a] : keys[b], sort.descending ? keys[b] : keys[a]),
            greater
          {
            return false
          }
          return a < b
        }
      }
      selected = order.map { selected[$0] }
    }
    if let limit = listing.limit { selected = Array(selected.prefix(limit)) }
    var columns = listing.kind.defaultColumns
    var named: [String] = []
    if let condition = listing.filter { named.append(contentsOf: condition.fieldNames) }
    if let sort = listing.sort { named.append(sort.field.name) }
    for field in named where !columns.contains(field) {
      columns.insert(field, at: columns.last == "title" ? columns.count - 1 : columns.count)
    }
    return QueryTable(
      columns: columns, rows: selected.map { row in columns.map { rows.value($0, of: row) } },
      emptyMessage: "no \(listing.kind.rawValue) match")
  }

  /// A condition with its values checked against the plan (entities, cycles and names exist).
  indirect enum CompiledFilter {
    case test(field: String, op: ComparisonOperator, operand: QueryOperand)
    case and([CompiledFilter])
    case or([CompiledFilter])
    case not(CompiledFilter)
  }

  func compile(_ filter: QueryFilter) throws(QueryError) -> CompiledFilter {
    switch filter {
    case .comparison(let comparison):
      return .test(field: comparison.field.name, op: comparison.op, operand: try operand(of: comparison))
    case .and(let terms):
      var compiled: [CompiledFilter] = []
      for term in terms { compiled.append(try compile(term)) }
      return .and(compiled)
    case .or(let terms):
      var compiled: [CompiledFilter] = []
      for term in terms { compiled.append(try compile(term)) }
      return .or(compiled)
    case .not(let term):
      return .not(try compile(term))
    }
  }

  /// The value of a comparison, resolved against the plan.
  private func operand(of comparison: QueryComparison) throws(QueryError) -> QueryOperand {
    let value = comparison.value
    if value.value == .word("none") { return .none }
    switch comparison.field.type {
    case .fraction, .number, .count: return .number(value.fraction ?? 0)
    case .text:
      // `contains` ignores case: the needle is lowercased once here, not per row.
      return .text(comparison.op == .contains ? (value.text ?? "").lowercased() : value.text ?? "")
    case .tags, .level, .status, .keyword: return .text(value.text ?? "")
    case .relation(let kind):
      guard comparison.op == .contains else { return .number(value.fraction ?? 0) }
      switch kind {
      case .entity: return .text(try entity(value).id)
      case .alignment: return .text(try alignmentName(value))
      }
    case .entity: return .text(try entity(value).id)
    case .node: return .text(try alignmentName(value))
    case .cycle:
      switch value.value {
      case .period(let period): return .period(period)
      case .date(let day): return .date(day)
      case .number(let year, _): return .period(.year(Int(year)))
      default:
        let name = value.text ?? ""
        guard plan.cycles.contains(where: { $0.name == name }) else {
          throw QueryError(
            "there is no cycle named '\(name)'", at: value.span, label: "unknown cycle",
            help: Suggestions.didYouMean(name, among: plan.cycles.map(\.name))
              ?? "write a period such as 2026-Q1, or the name of a declared cycle")
        }
        return .cycleName(name)
      }
    }
  }

  private func entity(_ value: QueryLiteral) throws(QueryError) -> Entity {
    let name = value.text ?? ""
    guard let id = plan.entity(named: name) else {
      throw QueryError(
        "unknown entity '\(name)'", at: value.span, label: "not defined",
        help: Suggestions.didYouMean(name, among: plan.entities.lazy.map(\.id)) ?? "name an entity by its id, e.g. acme"
      )
    }
    return plan[id]
  }

  private func alignmentName(_ value: QueryLiteral) throws(QueryError) -> String {
    let parts: [String]
    switch value.value {
    case .reference(let names): parts = names
    case .word(let word): parts = [word]
    default: parts = [value.text ?? ""]
    }
    let reference = QueryReference(parts: parts, span: value.span)
    return try name(node(reference, for: "this comparison"))
  }

  // MARK: - stats

  mutating func statistics() -> PlanStatistics {
    let evaluation = evaluation()
    var entities = [Int](repeating: 0, count: Level.allCases.count)
    for entity in plan.entities { entities[entity.level.depth] += 1 }
    var objectives = [Int](repeating: 0, count: Level.allCases.count)
    var statuses = [ProgressStatus: Int]()
    for index in plan.objectives.indices {
      objectives[plan.level(of: ObjectiveID(index)).depth] += 1
      statuses[evaluation.status(of: ObjectiveID(index)), default: 0] += 1
    }
    var reuses = 0
    var promotions = 0
    var accepted = 0
    for link in plan.links {
      // Every link needs acceptance, reuse links too (restated as `supports REF accepted by P`).
      if link.acceptedBy != nil { accepted += 1 }
      if link.isReuse {
        reuses += 1
      } else if case .keyResult = link.target {
        promotions += 1
      }
    }
    let supports = plan.links.count - reuses
    let orphans = orphanObjectives().count
    let belowCompany = plan.objectives.count - objectives[Level.company.depth]
    return PlanStatistics(
      asOf: asOf,
      entitiesPerLevel: Level.allCases.map { ($0, entities[$0.depth]) },
      objectivesPerLevel: Level.allCases.map { ($0, objectives[$0.depth]) },
      objectives: plan.objectives.count, keyResults: plan.keyResults.count, links: plan.links.count,
      reuses: reuses, promotions: promotions, contributions: supports - promotions,
      acceptanceRate: plan.links.isEmpty ? nil : Double(accepted) / Double(plan.links.count),
      orphans: orphans, orphanRate: belowCompany > 0 ? Double(orphans) / Double(belowCompany) : nil,
      statuses: ProgressStatus.allCases.compactMap { status in statuses[status].map { (status, $0) } })
  }
}

extension QueryFilter {
  /// The fields the condition names, in order of appearance, each once.
  var fieldNames: [String] {
    var names: [String] = []
    var pending: [QueryFilter] = [self]
    while let filter = pending.popLast() {
      switch filter {
      case .comparison(let comparison):
        if !names.contains(comparison.field.name) { names.append(comparison.field.name) }
      case .and(let terms), .or(let terms): pending.append(contentsOf: terms.reversed())
      case .not(let term): pending.append(term)
      }
    }
    return names
  }
}

/// The rows of one listing and their field values.
struct ListingRows {
  let kind: ListingKind
  let plan: Plan
  let evaluation: Evaluation
  let whatIf: WhatIf
  /// The entities directly inside each entity (entities listings only).
  let entityChildren: [[EntityID]]
  private let engine: QueryEngine

  init(kind: ListingKind, engine: QueryEngine, evaluation: Evaluation) {
    self.kind = kind
    self.plan = engine.plan
    self.evaluation = evaluation
    self.whatIf = engine.whatIf
    self.entityChildren = kind == .entities ? engine.entityChildren() : []
    self.engine = engine
  }

  var count: Int {
    switch kind {
    case .objectives: plan.objectives.count
    case .krs: plan.keyResults.count
    case .links: plan.links.count
    case .entities: plan.entities.count
    }
  }

  func matches(_ filter: QueryEngine.CompiledFilter, _ row: Int) -> Bool {
    switch filter {
    case .test(let field, let op, let operand): QueryComparison.holds(value(field, of: row), op, operand)
    case .and(let terms): terms.allSatisfy { matches($0, row) }
    case .or(let terms): terms.contains { matches($0, row) }
    case .not(let term): !matches(term, row)
    }
  }

  /// The value of `field` for the row at `row`.
  func value(_ field: String, of row: Int) -> QueryValue {
    switch kind {
    case .objectives: objectiveValue(field, ObjectiveID(row))
    case .krs: keyResultValue(field, KeyResultID(row))
    case .links: linkValue(field, LinkID(row))
    case .entities: entityValue(field, EntityID(row))
    }
  }

  private func optional(_ value: Double?, _ make: (Double) -> QueryValue) -> QueryValue {
    value.map(make) ?? .none
  }

  private func cycle(of objective: ObjectiveID) -> QueryValue {
    plan[objective].cycle.map { .cycle(label: $0.label, period: $0.period) } ?? .none
  }

  func objectiveValue(_ field: String, _ id: ObjectiveID) -> QueryValue {
    let objective = plan[id]
    switch field {
    case "id": return .text(plan.qualifiedName(id))
    case "title": return .text(plan.title(of: id))
    case "level": return .level(plan.level(of: id))
    case "entity": return .word(plan[objective.owner].id)
    case "owner": return objective.accountable.map { .word(plan[$0].id) } ?? .none
    case "cycle": return cycle(of: id)
    case "progress": return .fraction(evaluation.progress(of: id))
    case "expected": return optional(evaluation.expected(of: id), QueryValue.fraction)
    case "status": return .status(evaluation.status(of: id))
    case "parents": return .list(engine.parents(of: .objective(id)).map(engine.name))
    case "children": return .list(engine.children(of: .objective(id)).map(engine.name))
    case "krs": return .count(objective.keyResults.count)
    case "tags": return .list(objective.tags)
    case "confidence":
      let confidences = objective.keyResults.compactMap { evaluation.confidence(of: KeyResultID($0)) }
      return optional(confidences.min(), QueryValue.fraction)
    case "override": return optional(evaluation.override(of: id), QueryValue.fraction)
    default: return .none
    }
  }

  func keyResultValue(_ field: String, _ id: KeyResultID) -> QueryValue {
    let keyResult = plan[id]
    let objective = keyResult.objective
    var range: (from: Double, to: Double, unit: String?)?
    if case .metric(let from, let to, _, let unit) = keyResult.measure { range = (from, to, unit) }
    switch field {
    case "id": return .text(plan.qualifiedName(id))
    case "title": return .text(plan.text(keyResult.title))
    case "objective": return .text(plan.qualifiedName(objective))
    case "level": return .level(plan.level(of: objective))
    case "entity": return .word(plan[plan[objective].owner].id)
    case "owner": return (keyResult.owner ?? plan[objective].accountable).map { .word(plan[$0].id) } ?? .none
    case "cycle": return cycle(of: objective)
    case "measure": return .word(measureWord(id))
    case "value": return optional(evaluation.value(of: id), QueryValue.number)
    case "from": return optional(range?.from, QueryValue.number)
    case "to": return optional(range?.to, QueryValue.number)
    case "unit": return range?.unit.map { .text($0) } ?? .none
    case "progress": return .fraction(evaluation.progress(of: id))
    case "expected": return optional(evaluation.expected(of: objective), QueryValue.fraction)
    case "status": return .status(evaluation.status(of: id))
    case "weight": return .number(whatIf.keyResultWeights[id] ?? keyResult.weight)
    case "confidence": return optional(evaluation.confidence(of: id), QueryValue.fraction)
    case "checkins": return .count(keyResult.checkins.count)
    case "children": return .list(engine.children(of: .keyResult(id)).map(engine.name))
    default: return .none
    }
  }

  /// `metric`, `milestone`, `manual`, or for a key result without a measure `supporters` (when
  /// objectives are linked to it) or `none`.
  func measureWord(_ id: KeyResultID) -> String {
    switch plan[id].measure {
    case .metric: "metric"
    case .milestone: "milestone"
    case .manual: "manual"
    case .none: plan.childLinks(of: id).isEmpty ? "none" : "supporters"
    }
  }

  func linkValue(_ field: String, _ id: LinkID) -> QueryValue {
    let link = plan[id]
    switch field {
    case "id": return .text(engine.name(id))
    case "child": return .text(plan.qualifiedName(link.child))
    case "parent": return .text(plan.qualifiedName(link.target))
    case "form": return .word(link.isReuse ? "reuse" : link.target.isKeyResult ? "promotion" : "contribution")
    case "weight": return .number(whatIf.linkWeights[id] ?? link.weight)
    case "acceptor": return link.acceptedBy.map { .word(plan[$0].id) } ?? .none
    case "level": return .level(plan.level(of: link.child))
    case "cycle": return cycle(of: link.child)
    case "progress": return .fraction(evaluation.progress(of: link.child))
    case "status": return .status(evaluation.status(of: link.child))
    default: return .none
    }
  }

  func entityValue(_ field: String, _ id: EntityID) -> QueryValue {
    let entity = plan[id]
    switch field {
    case "id": return .text(entity.id)
    case "title": return .text(plan.displayName(id))
    case "level": return .level(entity.level)
    case "parents": return .list(entity.parents.map { plan[$0].id })
    case "children": return .list(entityChildren[Int(id.index)].map { plan[$0].id })
    case "leads": return .list(entity.leads.map { plan[$0].id })
    case "objectives": return .count(entity.objectives.count)
    default: return .none
    }
  }
}

extension LinkTarget {
  /// Whether the link points at a key result (a promotion).
  var isKeyResult: Bool {
    if case .keyResult = self { return true }
    return false
  }
}

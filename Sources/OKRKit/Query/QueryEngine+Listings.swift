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
    if let filter {
      let test = rows.test(filter)
      for row in 0..<rows.count where test(row) { selected.append(row) }
    } else {
      selected = Array(0..<rows.count)
    }
    if let sort = listing.sort {
      let read = rows.reader(sort.field.name)
      let keys = selected.map(read)
      // Missing values last, ties in plan order: a strict total order, so the first rows of a
      // full sort are the rows `firstInOrder` keeps.
      func precedes(_ a: Int, _ b: Int) -> Bool {
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
      let order =
        if let limit = listing.limit, limit <= Self.selectionLimit, limit < keys.count / 8 {
          Self.firstInOrder(limit, of: keys.count, by: precedes)
        } else {
          keys.indices.sorted(by: precedes)
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
    let readers = columns.map(rows.reader)
    return QueryTable(
      columns: columns, rows: selected.map { row in readers.map { $0(row) } },
      emptyMessage: "no \(listing.kind.rawValue) match")
  }

  /// The largest `limit` for which a sorted listing keeps its first rows as it goes instead of
  /// sorting every row that matches.
  static let selectionLimit = 256

  /// The first `count` of `0..<total` in the order `precedes` (a strict total order), in that
  /// order: a sorted list of the best so far, which a candidate joins only when it beats the
  /// last. Linear in `total` for a small `count`, where sorting everything is not.
  static func firstInOrder(_ count: Int, of total: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
    guard count > 0 else { return [] }
    var best: [Int] = []
    best.reserveCapacity(count + 1)
    for candidate in 0..<total {
      if best.count == count {
        guard precedes(candidate, best[count - 1]) else { continue }
        best.removeLast()
      }
      // Where the candidate goes: after every kept row that precedes it.
      var low = 0
      var high = best.count
      while low < high {
        let middle = (low + high) / 2
        if precedes(best[middle], candidate) { low = middle + 1 } else { high = middle }
      }
      best.insert(candidate, at: low)
    }
    return best
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
    // By rank: a dictionary hashed each status's name, a million times for a million objectives.
    var statuses = [Int](repeating: 0, count: ProgressStatus.allCases.count)
    for index in plan.objectives.indices {
      objectives[plan.level(of: ObjectiveID(index)).depth] += 1
      statuses[evaluation.status(of: ObjectiveID(index)).rank] += 1
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
      statuses: ProgressStatus.allCases.compactMap { status in
        statuses[status.rank] > 0 ? (status, statuses[status.rank]) : nil
      })
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

  /// Whether a row meets `filter`, as a test whose field names are looked up once, not per row.
  func test(_ filter: QueryEngine.CompiledFilter) -> (Int) -> Bool {
    switch filter {
    case .test(let field, let op, let operand):
      let read = reader(field)
      return { row in QueryComparison.holds(read(row), op, operand) }
    case .and(let terms):
      let tests = terms.map(test)
      return { row in tests.allSatisfy { $0(row) } }
    case .or(let terms):
      let tests = terms.map(test)
      return { row in tests.contains { $0(row) } }
    case .not(let term):
      let test = test(term)
      return { row in !test(row) }
    }
  }

  /// The value of `field` for the row at `row`.
  func value(_ field: String, of row: Int) -> QueryValue { reader(field)(row) }

  /// What reads `field` of a row. A listing reads a field of every row, so the field's name is
  /// matched once, here, and each reader reads the plan in place (copying a record per row would
  /// cost more than the answer).
  func reader(_ field: String) -> (Int) -> QueryValue {
    switch kind {
    case .objectives:
      let read = objectiveReader(field)
      return { read(ObjectiveID(Int32($0))) }
    case .krs:
      let read = keyResultReader(field)
      return { read(KeyResultID(Int32($0))) }
    case .links:
      let read = linkReader(field)
      return { read(LinkID(Int32($0))) }
    case .entities:
      let read = entityReader(field)
      return { read(EntityID(Int32($0))) }
    }
  }

  private func optional(_ value: Double?, _ make: (Double) -> QueryValue) -> QueryValue {
    value.map(make) ?? .none
  }

  private func cycle(of objective: ObjectiveID) -> QueryValue {
    plan[objective].cycle.map { .cycle(label: $0.label, period: $0.period) } ?? .none
  }

  private func objectiveReader(_ field: String) -> (ObjectiveID) -> QueryValue {
    switch field {
    case "id": return { .text(plan.qualifiedName($0)) }
    case "title": return { .text(plan.title(of: $0)) }
    case "level": return { .level(plan.level(of: $0)) }
    case "entity": return { .word(plan[plan[$0].owner].id) }
    case "owner": return { plan[$0].accountable.map { .word(plan[$0].id) } ?? .none }
    case "cycle": return cycle
    case "progress": return { .fraction(evaluation.progress(of: $0)) }
    case "expected": return { optional(evaluation.expected(of: $0), QueryValue.fraction) }
    case "status": return { .status(evaluation.status(of: $0)) }
    case "parents": return { .list(engine.parents(of: .objective($0)).map(engine.name)) }
    case "children": return { .list(engine.children(of: .objective($0)).map(engine.name)) }
    case "krs": return { .count(plan[$0].keyResults.count) }
    case "tags": return { .list(plan[$0].tags) }
    case "confidence":
      return { id in
        let confidences = plan[id].keyResults.compactMap { evaluation.confidence(of: KeyResultID($0)) }
        return optional(confidences.min(), QueryValue.fraction)
      }
    case "override": return { optional(evaluation.override(of: $0), QueryValue.fraction) }
    default: return { _ in .none }
    }
  }

  private func keyResultReader(_ field: String) -> (KeyResultID) -> QueryValue {
    func range(_ id: KeyResultID) -> (from: Double, to: Double, unit: String?)? {
      guard case .metric(let from, let to, _, let unit) = plan[id].measure else { return nil }
      return (from, to, unit)
    }
    switch field {
    case "id": return { .text(plan.qualifiedName($0)) }
    case "title": return { .text(plan.text(plan[$0].title)) }
    case "objective": return { .text(plan.qualifiedName(plan[$0].objective)) }
    case "level": return { .level(plan.level(of: plan[$0].objective)) }
    case "entity": return { .word(plan[plan[plan[$0].objective].owner].id) }
    case "owner":
      return { id in (plan[id].owner ?? plan[plan[id].objective].accountable).map { .word(plan[$0].id) } ?? .none }
    case "cycle": return { cycle(of: plan[$0].objective) }
    case "measure": return { .word(measureWord($0)) }
    case "value": return { optional(evaluation.value(of: $0), QueryValue.number) }
    case "from": return { optional(range($0)?.from, QueryValue.number) }
    case "to": return { optional(range($0)?.to, QueryValue.number) }
    case "unit": return { range($0)?.unit.map { .text($0) } ?? .none }
    case "progress": return { .fraction(evaluation.progress(of: $0)) }
    case "expected": return { optional(evaluation.expected(of: plan[$0].objective), QueryValue.fraction) }
    case "status": return { .status(evaluation.status(of: $0)) }
    case "weight": return { .number(whatIf.keyResultWeights[$0] ?? plan[$0].weight) }
    case "confidence": return { optional(evaluation.confidence(of: $0), QueryValue.fraction) }
    case "checkins": return { .count(plan[$0].checkins.count) }
    case "children": return { .list(engine.children(of: .keyResult($0)).map(engine.name)) }
    default: return { _ in .none }
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

  private func linkReader(_ field: String) -> (LinkID) -> QueryValue {
    switch field {
    case "id": return { .text(engine.name($0)) }
    case "child": return { .text(plan.qualifiedName(plan[$0].child)) }
    case "parent": return { .text(plan.qualifiedName(plan[$0].target)) }
    case "form":
      return { id in
        let link = plan[id]
        return .word(link.isReuse ? "reuse" : link.target.isKeyResult ? "promotion" : "contribution")
      }
    case "weight": return { .number(whatIf.linkWeights[$0] ?? plan[$0].weight) }
    case "acceptor": return { plan[$0].acceptedBy.map { .word(plan[$0].id) } ?? .none }
    case "level": return { .level(plan.level(of: plan[$0].child)) }
    case "cycle": return { cycle(of: plan[$0].child) }
    case "progress": return { .fraction(evaluation.progress(of: plan[$0].child)) }
    case "status": return { .status(evaluation.status(of: plan[$0].child)) }
    default: return { _ in .none }
    }
  }

  private func entityReader(_ field: String) -> (EntityID) -> QueryValue {
    switch field {
    case "id": return { .text(plan[$0].id) }
    case "title": return { .text(plan.displayName($0)) }
    case "level": return { .level(plan[$0].level) }
    case "parents": return { .list(plan[$0].parents.map { plan[$0].id }) }
    case "children": return { .list(entityChildren[Int($0.index)].map { plan[$0].id }) }
    case "leads": return { .list(plan[$0].leads.map { plan[$0].id }) }
    case "objectives": return { .count(plan[$0].objectives.count) }
    default: return { _ in .none }
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

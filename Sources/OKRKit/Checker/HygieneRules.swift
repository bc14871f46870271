/// `orphan`, `nothing-to-measure`, `measured-and-supported`, `override-ignores` and
/// `too-many-objectives`: plans that are valid but probably not what their authors meant.
enum HygieneRules {
  /// Tags that mark an objective as unlinked on purpose.
  static let standaloneTags: Set<String> = ["exploratory", "innovation", "maintenance", "standalone"]

  static func check(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
    for index in plan.objectives.indices {
      let id = ObjectiveID(index)
      // Field by field, in place: a copy of the whole objective costs more than the checks.
      let keyResults = plan.objectives[index].keyResults
      let override = plan.objectives[index].progressOverride
      // Links by position: a slice takes a reference to the plan's list, as other rules do on other cores.
      let hasSupporters = plan.hasChildLinks(of: id)
      let hasKeyResults = !keyResults.isEmpty
      if plan.level(of: id) != .company, plan.parentLinkPositions(of: id).isEmpty,
        !plan.objectives[index].hasUnresolvedParent,
        !plan.objectives[index].tags.contains(where: standaloneTags.contains)
      {
        diagnostics.append(orphan(id, plan))
      }
      if !hasKeyResults, !hasSupporters, override == nil {
        diagnostics.append(nothingToMeasure(id, plan))
      }
      if let override, hasKeyResults || hasSupporters {
        diagnostics.append(
          overrideIgnores(id, override, keyResults: hasKeyResults, supporters: hasSupporters, plan))
      }
      for keyResult in keyResults {
        measuredAndSupported(KeyResultID(keyResult), plan, into: &diagnostics)
      }
    }
    tooManyObjectives(plan, into: &diagnostics)
  }

  private static func orphan(_ id: ObjectiveID, _ plan: Plan) -> Diagnostic {
    let example = likelyParent(of: id, plan).map { "supports \(plan.qualifiedName($0))" } ?? "supports OWNER.OBJECTIVE"
    return Diagnostic(
      .orphan, "\(plan.describe(id)) supports nothing",
      at: plan[id].location, label: "not linked to any parent",
      help:
        "link it to the objective it serves (\(example)), or tag it standalone, exploratory, innovation or maintenance if it stands alone on purpose"
    )
  }

  /// The first objective of the nearest enclosing entity that has one (a few steps up at most).
  private static func likelyParent(of id: ObjectiveID, _ plan: Plan) -> ObjectiveID? {
    var queue = plan[plan[id].owner].parents
    var visited = Set(queue)
    var next = 0
    while next < queue.count, next < 64 {
      let entity = plan[queue[next]]
      next += 1
      if let first = entity.objectives.first { return first }
      for above in entity.parents where visited.insert(above).inserted { queue.append(above) }
    }
    return nil
  }

  /// This and the next report are out of line: their messages made checking every objective
  /// set up a larger frame.
  @inline(never)
  private static func nothingToMeasure(_ id: ObjectiveID, _ plan: Plan) -> Diagnostic {
    Diagnostic(
      .nothingToMeasure,
      "'\(plan.qualifiedName(id))' has nothing to measure: no key results, no supporting objectives and no progress override",
      at: plan[id].location, label: "its progress will always be 0",
      help: "add a key result, e.g. kr ID \"Title\" from 0 to 10, or link the objectives that support it")
  }

  @inline(never)
  private static func overrideIgnores(
    _ id: ObjectiveID, _ override: Double, keyResults hasKeyResults: Bool, supporters hasSupporters: Bool,
    _ plan: Plan
  ) -> Diagnostic {
    let hidden = [hasKeyResults ? "key results" : nil, hasSupporters ? "supporters" : nil].compactMap { $0 }
    let overrideLocation = plan[id].overrideLocation
    let written = overrideLocation.map(plan.literal) ?? "progress \(NumberText.percent(override)) override"
    return Diagnostic(
      .overrideIgnores,
      "the progress of '\(plan.qualifiedName(id))' is set by hand to \(NumberText.percent(override)); its \(hidden.joined(separator: " and ")) do not count",
      at: overrideLocation ?? plan[id].location, label: "hides the computed progress",
      help: "remove `\(written)` to let its \(hidden.joined(separator: " and ")) count again")
  }

  private static func measuredAndSupported(_ id: KeyResultID, _ plan: Plan, into diagnostics: inout [Diagnostic]) {
    guard plan.hasChildLinks(of: id) else { return }
    let supporters = plan.childLinks(of: id)
    let measure: String
    switch plan[id].measureValues {
    case .metric: measure = "metric"
    case .milestone: measure = "milestone"
    case .manual: measure = "manual progress"
    case .none: return
    }
    let names = supporters.prefix(3).map { "'\(plan.qualifiedName(plan[$0].child))'" }
    let by = supporters.count > 3 ? "\(supporters.count) objectives" : names.joinedAsList("and")
    var labels: [Diagnostic.Label] = []
    if let location = plan[id].measureLocation { labels.append(.init(location, "its own \(measure)")) }
    for link in supporters.prefix(3) {
      labels.append(.init(plan[link].location, "'\(plan.qualifiedName(plan[link].child))' supports it here"))
    }
    diagnostics.append(
      Diagnostic(
        .measuredAndSupported,
        "the key result '\(plan.qualifiedName(id))' has its own \(measure) and is also supported by \(by)",
        at: plan[id].location, label: "has supporters", labels: labels,
        notes: ["supporters stay linked for traceability but do not move its progress"],
        help: "to let the supporters drive it, remove its \(measure); otherwise nothing needs to change"))
  }

  /// One warning per owner and cycle with more objectives than the policy allows for its level;
  /// objectives without a cycle form one group.
  private static func tooManyObjectives(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
    // The limits looked up once, not once per entity.
    let limits = plan.policy.objectivesPerOwner
    let (company, unit, team, person) = (limits[.company], limits[.unit], limits[.team], limits[.person])
    func limit(of level: Level) -> Int? {
      switch level {
      case .company: company
      case .unit: unit
      case .team: team
      case .person: person
      }
    }
    // The objectives of an owner by cycle, in order of first appearance. Cycles are compared by
    // their days (`2026-Q1` and `2026-01-01..2026-03-31` are one cycle), which their shared terms
    // keep. Each owner's cycles are appended after the previous owner's and found through a
    // `TailIndex` (an owner has few, but a broken plan may give one thousands).
    var groupDays: [CycleDays?] = []
    var dayIndex = TailIndex<CycleDays?>()
    var groups: [(first: ObjectiveID, size: Int, overLimit: ObjectiveID?)] = []
    for index in plan.entities.indices {
      guard let limit = limit(of: plan.entities[index].level), plan.entities[index].objectives.count > limit
      else { continue }
      let dayStart = groupDays.count
      groups.removeAll(keepingCapacity: true)
      // Most objectives name the cycle the one before names: the same group, found at once.
      var previous: (days: CycleDays?, group: Int)?
      for objective in plan.entities[index].objectives {
        let days = plan.objectives[Int(objective.index)].cycleDays
        let group: Int
        if let previous, previous.days == days {
          group = previous.group
        } else if let known = dayIndex.find(days, in: dayStart..<groupDays.count, key: { groupDays[$0] }) {
          group = known - dayStart
        } else {
          group = groups.count
          groupDays.append(days)
          groups.append((objective, 0, nil))
        }
        previous = (days, group)
        groups[group].size += 1
        if groups[group].size == limit + 1 { groups[group].overLimit = objective }
      }
      let entity = plan.entities[index]
      for group in groups where group.size > limit {
        let (first, overLimit, size) = (group.first, group.overLimit!, group.size)
        let cycle = plan[first].cycle.map { "in \($0.label)" } ?? "without a cycle"
        diagnostics.append(
          Diagnostic(
            .tooManyObjectives,
            "\(entity.id) has \(size) objectives \(cycle); the policy allows \(limit) per \(entity.level.rawValue)",
            at: plan[overLimit].location, label: "objective \(limit + 1) of \(size)",
            labels: [.init(plan[first].location, "the first of them")],
            help:
              "focus on fewer: merge or drop some, or move them to another cycle; to change the limit: policy { objectives-per-owner \(entity.level.rawValue) \(size) }"
          ))
      }
    }
  }
}

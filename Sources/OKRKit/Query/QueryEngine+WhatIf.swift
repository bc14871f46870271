extension QueryEngine {
  /// `set REF FIELD VALUE`: adds a what-if change and says how the changed node moved.
  ///
  /// A key result takes `current` (or `value`; metrics only), `progress`, `done` (milestones:
  /// `true` or `false`) and `weight`; an objective `progress` (or `override`; `none` removes an
  /// override) and `weight` (the weight of its link, when it has exactly one parent); a link
  /// (`CHILD->PARENT`) `weight`.
  mutating func set(_ reference: QueryReference, field: QueryWord, value: QueryLiteral) throws(QueryError) -> String {
    let target = try resolve(reference)
    var changed = whatIf
    let moved: AlignmentNode
    switch (target, field.text) {
    case (.keyResult(let id), "current"), (.keyResult(let id), "value"):
      guard case .metric = plan[id].measure else {
        throw QueryError(
          "'\(reference)' is not a metric (from … to …), so it has no value to set", at: field.span,
          label: "not a metric", help: "set its progress instead, e.g. set \(reference) progress 50%")
      }
      guard case .number(let number, _) = value.value else {
        throw expected("a number", value, example: "set \(reference) current 45")
      }
      changed.keyResultValues[id] = number
      moved = .keyResult(id)
    case (.keyResult(let id), "progress"):
      changed.keyResultProgress[id] = try fraction(value, example: "set \(reference) progress 50%")
      moved = .keyResult(id)
    case (.keyResult(let id), "done"):
      guard case .milestone = plan[id].measure else {
        throw QueryError(
          "'\(reference)' is not a milestone, so it cannot be done", at: field.span,
          label: "not a milestone", help: "set its progress instead, e.g. set \(reference) progress 100%")
      }
      switch value.value {
      case .word("true"), .word("yes"): changed.milestonesDone[id] = true
      case .word("false"), .word("no"): changed.milestonesDone[id] = false
      default: throw expected("true or false", value, example: "set \(reference) done true")
      }
      moved = .keyResult(id)
    case (.keyResult(let id), "weight"):
      changed.keyResultWeights[id] = try weight(value, example: "set \(reference) weight 2")
      moved = .objective(plan[id].objective)
    case (.objective(let id), "progress"), (.objective(let id), "override"):
      if value.value == .word("none") {
        changed.objectiveOverrides[id] = .some(nil)
      } else {
        changed.objectiveOverrides[id] = .some(try fraction(value, example: "set \(reference) progress 50%"))
      }
      moved = .objective(id)
    case (.objective(let id), "weight"):
      let links = plan.parentLinks(of: id)
      guard links.count == 1, let link = links.first else {
        throw QueryError(
          links.isEmpty
            ? "'\(reference)' supports nothing, so it has no link weight"
            : "'\(reference)' has \(links.count) parents; say which link to weigh", at: reference.span,
          label: "which link?",
          help: links.isEmpty
            ? "weights belong to links and key results"
            : "e.g. set \(name(links[links.startIndex])) weight 2")
      }
      changed.linkWeights[link] = try weight(value, example: "set \(reference) weight 2")
      moved = .objective(plan.parentObjective(of: plan[link].target))
    case (.link(let id), "weight"):
      changed.linkWeights[id] = try weight(value, example: "set \(reference) weight 2")
      moved = .objective(plan.parentObjective(of: plan[id].target))
    default:
      let settable: String =
        switch target {
        case .keyResult: "a key result takes current, progress, done or weight"
        case .objective: "an objective takes progress (its override) or weight"
        case .link: "a link takes weight"
        case .entity: "set changes objectives, key results and links, not entities"
        }
      throw QueryError(
        "'\(field.text)' cannot be set on '\(reference)'", at: field.span, label: "not settable here",
        help: settable)
    }
    let before = evaluation().progress(of: moved)
    whatIf = changed
    let after = evaluation().progress(of: moved)
    let count = whatIf.count
    return "what-if: \(reference) \(field.text) \(written(value)); \(name(moved)) "
      + "\(QueryRenderer.percent(before, decimals: 1)) → \(QueryRenderer.percent(after, decimals: 1)) "
      + "(\(count) change\(count == 1 ? "" : "s") in effect; `reset` clears them)"
  }

  /// `reset`: drops every what-if change.
  mutating func reset() -> String {
    let count = whatIf.count
    whatIf = WhatIf()
    return count == 0 ? "no what-if changes to clear" : "what-if cleared (\(count) change\(count == 1 ? "" : "s"))"
  }

  private func written(_ value: QueryLiteral) -> String {
    switch value.value {
    case .number(let number, let isPercent): number.plainText + (isPercent ? "%" : "")
    case .string(let text): "\"\(text)\""
    case .date(let day): day.description
    case .period(let period): period.description
    case .word(let word): word
    case .reference(let parts): parts.joined(separator: ".")
    }
  }

  private func expected(_ what: String, _ value: QueryLiteral, example: String) -> QueryError {
    QueryError(
      "expected \(what), found \(value.kindDescription)", at: value.span, label: "expected \(what)",
      help: "e.g. \(example)")
  }

  private func fraction(_ value: QueryLiteral, example: String) throws(QueryError) -> Double {
    guard let fraction = value.fraction else { throw expected("a percentage", value, example: example) }
    guard (0...1).contains(fraction) else {
      throw QueryError(
        "progress is between 0% and 100%", at: value.span, label: "out of range", help: "e.g. \(example)")
    }
    return fraction
  }

  private func weight(_ value: QueryLiteral, example: String) throws(QueryError) -> Double {
    guard case .number(let number, false) = value.value else { throw expected("a number", value, example: example) }
    guard number > 0 else {
      throw QueryError("a weight must be positive", at: value.span, label: "not positive", help: "e.g. \(example)")
    }
    return number
  }
}

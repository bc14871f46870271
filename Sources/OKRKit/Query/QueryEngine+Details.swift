extension QueryEngine {
  /// `show REF`: the fields of an objective, key result, entity or link. Every answer has `id`,
  /// `title`, `level`, `cycle`, `progress`, `status`, `parents` and `children` (none where they do
  /// not apply), then what is particular to the kind, then tables: an objective's key results, a
  /// key result's check-ins, an entity's objectives.
  mutating func details(of target: Target) -> QueryDetails {
    let evaluation = evaluation()
    switch target {
    case .objective(let id): return details(of: id, in: evaluation)
    case .keyResult(let id): return details(of: id, in: evaluation)
    case .entity(let id): return details(of: id, in: evaluation)
    case .link(let id): return details(of: id, in: evaluation)
    }
  }

  private func details(of id: ObjectiveID, in evaluation: Evaluation) -> QueryDetails {
    let rows = ListingRows(kind: .objectives, engine: self, evaluation: evaluation)
    let objective = plan[id]
    var fields: [(name: String, value: QueryValue)] = [
      ("id", .text(plan.qualifiedName(id))), ("kind", .word("objective")), ("title", .text(plan.title(of: id))),
    ]
    fields += [
      "level", "cycle", "progress", "expected", "status", "parents", "children", "entity", "owner", "override", "tags",
    ]
    .map { ($0, rows.value($0, of: Int(id.index))) }
    if let reused = objective.reuses { fields.append(("reuses", .text(plan.qualifiedName(reused)))) }
    if objective.isShared { fields.append(("shared", .word("yes"))) }
    if let note = objective.note { fields.append(("note", .text(plan.text(note)))) }
    let keyResults = ListingRows(kind: .krs, engine: self, evaluation: evaluation)
    let columns = ListingKind.krs.defaultColumns
    let table = QueryTable(
      columns: columns,
      rows: objective.keyResults.map { row in columns.map { keyResults.value($0, of: Int(row)) } },
      emptyMessage: "no key results")
    return QueryDetails(fields: fields, sections: [("keyResults", table)])
  }

  private func details(of id: KeyResultID, in evaluation: Evaluation) -> QueryDetails {
    let rows = ListingRows(kind: .krs, engine: self, evaluation: evaluation)
    let keyResult = plan[id]
    var fields: [(name: String, value: QueryValue)] = [
      ("id", .text(plan.qualifiedName(id))), ("kind", .word("key-result")),
      ("title", rows.value("title", of: Int(id.index))),
    ]
    fields += ["level", "cycle", "progress", "expected", "status"].map { ($0, rows.value($0, of: Int(id.index))) }
    fields.append(("parents", .list([plan.qualifiedName(keyResult.objective)])))
    fields += ["children", "measure", "from", "to", "unit", "value", "weight", "confidence", "owner"]
      .map { ($0, rows.value($0, of: Int(id.index))) }
    if let source = keyResult.source { fields.append(("source", .text(source))) }
    if !plan.childLinks(of: id).isEmpty, !evaluation.isSupporterDerived(id) {
      fields.append(("supporters", .text("linked for traceability; its own measure decides its progress")))
    }
    if let note = keyResult.note { fields.append(("note", .text(plan.text(note)))) }
    let checkins = plan.checkins[Int(keyResult.checkins.lowerBound)..<Int(keyResult.checkins.upperBound)]
    let table = QueryTable(
      columns: ["date", "value", "confidence", "note"],
      rows: checkins.map { checkin in
        [
          .date(checkin.date), .number(checkin.value), checkin.confidence.map { .fraction($0) } ?? .none,
          checkin.note.map { .text(plan.text($0)) } ?? .none,
        ]
      }, emptyMessage: "no check-ins")
    return QueryDetails(fields: fields, sections: [("checkins", table)])
  }

  private func details(of id: EntityID, in evaluation: Evaluation) -> QueryDetails {
    let rows = ListingRows(kind: .entities, engine: self, evaluation: evaluation)
    let entity = plan[id]
    var fields: [(name: String, value: QueryValue)] = [
      ("id", .text(entity.id)), ("kind", .word("entity")), ("title", .text(plan.displayName(id))),
      ("level", .level(entity.level)), ("cycle", .none), ("progress", .none), ("status", .none),
    ]
    fields += ["parents", "children", "leads"].map { ($0, rows.value($0, of: Int(id.index))) }
    if !entity.admins.isEmpty { fields.append(("admins", .list(entity.admins.map { plan[$0].id }))) }
    let table = QueryTable(
      columns: NodeSummary.columns,
      rows: entity.objectives.map { summary(.objective($0), in: evaluation).row }, emptyMessage: "no objectives")
    return QueryDetails(fields: fields, sections: [("objectives", table)])
  }

  private func details(of id: LinkID, in evaluation: Evaluation) -> QueryDetails {
    let rows = ListingRows(kind: .links, engine: self, evaluation: evaluation)
    let link = plan[id]
    var fields: [(name: String, value: QueryValue)] = [
      ("id", .text(name(id))), ("kind", .word("link")), ("title", .text(plan.title(of: link.child))),
    ]
    fields += ["level", "cycle", "progress", "status"].map { ($0, rows.value($0, of: Int(id.index))) }
    fields.append(("parents", .list([plan.qualifiedName(link.target)])))
    fields.append(("children", .list([plan.qualifiedName(link.child)])))
    fields += ["form", "weight", "acceptor"].map { ($0, rows.value($0, of: Int(id.index))) }
    if let day = link.acceptedOn { fields.append(("accepted-on", .date(day))) }
    fields.append(("share", .fraction(evaluator.share(of: id, in: evaluation))))
    return QueryDetails(fields: fields, sections: [])
  }
}

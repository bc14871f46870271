/// Renders ``PlanChanges`` as text in the style of `terraform plan` (for people) or as JSON
/// (for tools, LANGUAGE.md §8).
///
/// Text: one block per subject, `+` added, `-` removed, `~` changed, the subject's own changes
/// indented under its header; then the progress effects; then a summary line. Every string that
/// comes from a plan goes through ``TerminalText/escaped(_:)``.
public struct DiffRenderer {
  private let color: Bool

  /// `color` paints markers (green `+`, red `-`, yellow `~`); for terminals only.
  public init(color: Bool = false) {
    self.color = color
  }

  // MARK: - Text

  /// The whole text report: the changes, the effects, and the summary line.
  public func text(_ changes: PlanChanges) -> String {
    var blocks = changes.sections.map(block)
    if !changes.effects.isEmpty { blocks.append(effects(changes)) }
    blocks.append(summary(changes))
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// A line naming the file a report is about (`okr diff --git-external`).
  public func fileHeader(_ path: String) -> String {
    paint("okr diff \(TerminalText.escaped(path))", "1")
  }

  /// `3 objectives changed, 1 added, 0 removed; 2 links re-weighted`, or that nothing changed.
  public func summary(_ changes: PlanChanges) -> String {
    guard !changes.isEmpty else { return "No changes: the plans mean the same." }
    var added = 0
    var removed = 0
    var changed = 0
    for section in changes.sections {
      guard case .objective = section.subject else { continue }
      switch section.marker {
      case .added: added += 1
      case .removed: removed += 1
      case .changed: changed += 1
      }
    }
    var counts: [PlanChange.Kind: Int] = [:]
    for change in changes.changes { counts[change.kind, default: 0] += 1 }
    func count(_ kinds: PlanChange.Kind...) -> Int { kinds.reduce(0) { $0 + (counts[$1] ?? 0) } }
    var entitiesChanged = 0
    for section in changes.sections {
      if case .entity = section.subject, section.marker == .changed { entitiesChanged += 1 }
    }
    // Each group: a noun, then its counts; the noun is written with the first count only.
    let groups: [(String, [(Int, String)])] = [
      ("objective", [(changed, "changed"), (added, "added"), (removed, "removed")]),
      (
        "key result",
        [
          (count(.keyResultAdded), "added"), (count(.keyResultRemoved), "removed"),
          (count(.keyResultMoved), "moved"),
        ]
      ),
      (
        "link",
        [
          (count(.linkAdded), "added"), (count(.linkRemoved), "removed"), (count(.linkReweighted), "re-weighted"),
          (count(.linkAccepted, .linkUnaccepted, .linkAcceptanceChanged), "acceptance changed"),
        ]
      ),
      (
        "check-in",
        [
          (count(.checkinAdded), "added"), (count(.checkinRemoved), "removed"),
          (count(.checkinChanged), "changed"),
        ]
      ),
      ("entity", [(count(.entityAdded), "added"), (count(.entityRemoved), "removed"), (entitiesChanged, "changed")]),
      (
        "cycle",
        [
          (
            count(.namedCycleAdded, .namedCycleRemoved, .namedCycleChanged, .cycleClosed, .cycleReopened),
            "changed"
          )
        ]
      ),
      ("policy setting", [(count(.policyChanged), "changed")]),
    ]
    var parts: [String] = []
    for (index, (noun, counts)) in groups.enumerated() {
      // The objectives' counts are always shown, even when zero; other groups only when nonzero.
      let shown = index == 0 ? counts : counts.filter { $0.0 > 0 }
      guard let first = shown.first else { continue }
      let rest = shown.dropFirst().map { "\($0.0) \($0.1)" }
      parts.append((["\(plural(first.0, noun)) \(first.1)"] + rest).joined(separator: ", "))
    }
    return parts.joined(separator: "; ")
  }

  private func plural(_ count: Int, _ noun: String) -> String {
    guard count != 1 else { return "1 \(noun)" }
    return "\(count) " + (noun == "entity" ? "entities" : noun + "s")
  }

  /// A subject's header and its changes, indented.
  private func block(_ section: ChangeSection) -> String {
    var lines: [String] = []
    var nested = section.changes[...]
    switch section.subject {
    case .policy:
      lines.append(line(.changed, "policy"))
    case .cycle:
      return section.changes.map { line($0.kind.marker, body($0)) }.joined(separator: "\n")
    case .entity(let id, let level, let name):
      if section.marker == .changed {
        lines.append(line(.changed, "\(level.rawValue) \(word(id))" + (name.map { " " + quoted($0) } ?? "")))
      } else if let first = nested.popFirst() {
        lines.append(line(first.kind.marker, body(first)))
      }
    case .objective(let id, let title):
      if section.marker == .changed {
        lines.append(line(.changed, "objective \(word(id)) \(quoted(title))"))
      } else if let first = nested.popFirst() {
        lines.append(line(first.kind.marker, body(first)))
      }
    }
    for change in nested { lines.append("    " + line(change.kind.marker, body(change))) }
    return lines.joined(separator: "\n")
  }

  private func line(_ marker: ChangeMarker, _ body: String) -> String {
    let code =
      switch marker {
      case .added: "32"
      case .removed: "31"
      case .changed: "33"
      }
    return paint(marker.rawValue, code) + " " + body
  }

  /// The text of one change after its marker.
  private func body(_ change: PlanChange) -> String {
    let id = word(change.id)
    let transition = "\(show(change.before)) → \(show(change.after))"
    let parent = show(change.detail("parent"), absent: "")
    let keyResult = "kr " + word(String(change.id.split(separator: ".").last ?? ""))
    switch change.kind {
    case .policyChanged: return "\(id): \(transition)"
    case .namedCycleAdded, .namedCycleRemoved:
      let closed = change.detail("closed") == .flag(true) ? " closed" : ""
      return "cycle \(id) \(show(change.after ?? change.before))\(closed)"
    case .namedCycleChanged: return "cycle \(id): \(transition)"
    case .cycleClosed: return "cycle \(id) closed"
    case .cycleReopened: return "cycle \(id) reopened"
    case .entityAdded, .entityRemoved:
      let name = change.after ?? change.before
      return "\(show(change.detail("level"))) \(id)" + (name == .absent ? "" : " " + show(name))
    case .entityRenamed: return "name: \(transition)"
    case .entityLevelChanged: return "level: \(transition)"
    case .entityParentsChanged: return "in: \(transition)"
    case .entityLeadsChanged: return "leads: \(transition)"
    case .entityAdminsChanged: return "admins: \(transition)"
    case .objectiveAdded, .objectiveRemoved: return "objective \(id) \(show(change.after ?? change.before))"
    case .objectiveMoved: return "moved from \(show(change.before))"
    case .objectiveRenamed: return "title: \(transition)"
    case .cycleChanged: return "cycle: \(transition)"
    case .objectiveOwnerChanged: return "owner: \(transition)"
    case .objectiveSharedChanged: return "shared: \(transition)"
    case .objectiveOverrideChanged: return "progress override: \(transition)"
    case .objectiveTagsChanged: return "tags: \(transition)"
    case .objectiveNoteChanged: return "note: \(transition)"
    case .linkAdded, .linkRemoved:
      guard case .link(let terms)? = change.after ?? change.before else { return "supports \(parent)" }
      return (terms.isReuse ? "reuses " : "supports ") + parent + linkTerms(terms)
    case .linkReweighted: return "supports \(parent) weight: \(transition)"
    case .linkAccepted, .linkUnaccepted, .linkAcceptanceChanged:
      return
        "supports \(parent): \(show(change.before, absent: "not accepted")) → \(show(change.after, absent: "not accepted"))"
    case .keyResultAdded, .keyResultRemoved:
      let target = change.detail("target").map { " " + show($0) } ?? ""
      return "\(keyResult) \(show(change.after ?? change.before))\(target)"
    case .keyResultMoved: return "\(keyResult) moved from \(show(change.before))"
    case .keyResultRenamed: return "\(keyResult) title: \(transition)"
    case .keyResultTargetChanged: return "\(keyResult) target: \(transition)"
    case .keyResultCurrentChanged: return "\(keyResult) current: \(transition)"
    case .keyResultDoneChanged: return "\(keyResult) milestone: \(transition)"
    case .keyResultProgressChanged: return "\(keyResult) progress: \(transition)"
    case .keyResultWeightChanged: return "\(keyResult) weight: \(transition)"
    case .keyResultOwnerChanged: return "\(keyResult) owner: \(transition)"
    case .keyResultNoteChanged: return "\(keyResult) note: \(transition)"
    case .keyResultSourceChanged: return "\(keyResult) source: \(transition)"
    case .checkinAdded, .checkinRemoved:
      return "\(keyResult) checkin \(show(change.detail("date"))) \(show(change.after ?? change.before))"
    case .checkinChanged: return "\(keyResult) checkin \(show(change.detail("date"))): \(transition)"
    }
  }

  private func linkTerms(_ terms: LinkTerms) -> String {
    var text = terms.weight == 1 ? "" : " weight " + number(terms.weight)
    if let acceptance = terms.acceptance { text += " " + show(.acceptance(acceptance)) }
    return text
  }

  /// A value as it reads in text.
  private func show(_ value: ChangeValue?, absent: String = "none") -> String {
    switch value {
    case nil, .absent?: return absent
    case .text(let text)?: return quoted(text)
    case .word(let word)?: return self.word(word)
    case .number(let value)?: return number(value)
    case .fraction(let value)?: return number(value * 100) + "%"
    case .flag(let value)?: return value ? "yes" : "no"
    case .day(let day)?: return day.description
    case .words(let words)?: return words.isEmpty ? absent : words.map(word).joined(separator: ", ")
    case .target(let target)?:
      switch target {
      case .metric(let from, let to, let unit):
        return "from \(number(from)) to \(number(to))" + (unit.map { " unit " + word($0) } ?? "")
      case .milestone: return "milestone"
      case .manual: return "manual progress"
      case .unmeasured: return "no measure"
      }
    case .completion(let isDone, let on)?:
      guard isDone else { return "not done" }
      return on.map { "done on \($0)" } ?? "done"
    case .acceptance(let acceptance)?:
      return "accepted" + (acceptance.by.map { " by " + word($0) } ?? "") + (acceptance.on.map { " on \($0)" } ?? "")
    case .link(let terms)?:
      return "weight \(number(terms.weight))" + (terms.acceptance.map { " " + show(.acceptance($0)) } ?? "")
    case .checkin(let checkin)?:
      return number(checkin.value) + (checkin.confidence.map { " confidence " + number($0) } ?? "")
        + (checkin.note.map { " " + quoted($0) } ?? "")
    }
  }

  private func word(_ text: String) -> String { TerminalText.escaped(text) }

  /// Plan text in double quotes, with `"` and `\` escaped as in the plan language.
  private func quoted(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if character == "\"" || character == "\\" { escaped.append("\\") }
      escaped.append(character)
    }
    return "\"" + TerminalText.escaped(escaped) + "\""
  }

  private func number(_ value: Double) -> String { JSONValue.format(value) }

  // MARK: - Effects

  /// `Progress as of DATE:` and a line per objective: `nova.launch  32.9% → 35.1%  (+2.2)`,
  /// with the status when it moved too.
  private func effects(_ changes: PlanChanges) -> String {
    let width = changes.effects.map { word($0.id).count }.max() ?? 0
    var lines = ["Progress" + (changes.asOf.map { " as of \($0)" } ?? "") + ":"]
    for effect in changes.effects {
      let id = word(effect.id)
      // The change is the difference of the rounded figures shown, so the line adds up.
      let before = tenths(effect.before.progress * 100)
      let after = tenths(effect.after.progress * 100)
      let delta = after - before
      let deltaText = (delta > 0 ? "+" : delta < 0 ? "-" : "±") + decimal(delta.magnitude)
      let paintedDelta = delta > 0 ? paint(deltaText, "32") : delta < 0 ? paint(deltaText, "31") : deltaText
      var line = "  " + id + String(repeating: " ", count: width - id.count)
      line += "  \(percent(before)) → \(percent(after))  (\(paintedDelta))"
      if effect.before.status != effect.after.status {
        line += "  \(word(effect.before.status)) → \(word(effect.after.status))"
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// A percentage in tenths of a point, rounded; progress outside any sensible range is clamped
  /// so the conversion cannot trap.
  private func tenths(_ points: Double) -> Int64 {
    guard points.isFinite else { return 0 }
    return Int64((min(max(points, -1e12), 1e12) * 10).rounded())
  }

  /// `351` tenths → `35.1`.
  private func decimal(_ tenths: UInt64) -> String { "\(tenths / 10).\(tenths % 10)" }

  private func percent(_ tenths: Int64) -> String { (tenths < 0 ? "-" : "") + decimal(tenths.magnitude) + "%" }

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  // MARK: - JSON

  /// `{"changes": [{"kind", "id", …details, "before", "after"}], "effects": [{"id", "before", "after"}]}`,
  /// with `"asOf"` when effects were computed.
  public func json(_ changes: PlanChanges) -> JSONValue {
    var members: [(String, JSONValue)] = [("changes", .array(changes.changes.map(json)))]
    if let asOf = changes.asOf { members.append(("asOf", .string(asOf.description))) }
    members.append(("effects", .array(changes.effects.map(json))))
    return .object(members)
  }

  /// One change: `kind`, `id`, its details, then `before` and/or `after`.
  public func json(_ change: PlanChange) -> JSONValue {
    var members: [(String, JSONValue)] = [("kind", .string(change.kind.rawValue)), ("id", .string(change.id))]
    for detail in change.details { members.append((detail.name, json(detail.value))) }
    if let before = change.before { members.append(("before", json(before))) }
    if let after = change.after { members.append(("after", json(after))) }
    return .object(members)
  }

  private func json(_ effect: ProgressEffect) -> JSONValue {
    func standing(_ standing: ProgressEffect.Standing) -> JSONValue {
      .object([("progress", .number(standing.progress)), ("status", .string(standing.status))])
    }
    return .object([("id", .string(effect.id)), ("before", standing(effect.before)), ("after", standing(effect.after))])
  }

  private func json(_ value: ChangeValue) -> JSONValue {
    switch value {
    case .absent: return .null
    case .text(let text), .word(let text): return .string(text)
    case .number(let value), .fraction(let value): return .number(value)
    case .flag(let value): return .bool(value)
    case .day(let day): return .string(day.description)
    case .words(let words): return .array(words.map { .string($0) })
    case .target(let target):
      switch target {
      case .metric(let from, let to, let unit):
        return .object([
          ("measure", .string("metric")), ("from", .number(from)), ("to", .number(to)),
          ("unit", unit.map { .string($0) } ?? .null),
        ])
      case .milestone: return .object([("measure", .string("milestone"))])
      case .manual: return .object([("measure", .string("manual"))])
      case .unmeasured: return .object([("measure", .string("none"))])
      }
    case .completion(let isDone, let on):
      return .object([("done", .bool(isDone)), ("on", on.map { .string($0.description) } ?? .null)])
    case .acceptance(let acceptance):
      return json(acceptance)
    case .link(let terms):
      return .object([
        ("weight", .number(terms.weight)), ("accepted", terms.acceptance.map(json) ?? .null),
        ("reuses", .bool(terms.isReuse)),
      ])
    case .checkin(let checkin):
      return .object([
        ("value", .number(checkin.value)), ("confidence", checkin.confidence.map { .number($0) } ?? .null),
        ("note", checkin.note.map { .string($0) } ?? .null),
      ])
    }
  }

  private func json(_ acceptance: Acceptance) -> JSONValue {
    .object([
      ("by", acceptance.by.map { .string($0) } ?? .null),
      ("on", acceptance.on.map { .string($0.description) } ?? .null),
    ])
  }
}

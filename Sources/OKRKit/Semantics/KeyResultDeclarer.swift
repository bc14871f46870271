/// Builds the key results and check-ins of objectives once every entity and objective is declared.
/// It writes each one to the place counted out for it in buffers shared by all pieces, and keeps
/// its problems to itself, so pieces of a plan are declared on all cores (see ``PlanResolver``).
struct KeyResultDeclarer {
  let plan: Plan
  /// Room for every key result and check-in of the plan; each piece initializes its own places.
  let keyResults: UnsafeMutableBufferPointer<KeyResult>
  let checkins: UnsafeMutableBufferPointer<CheckinRecord>
  private(set) var problems = ResolutionProblems()
  /// The current objective's key result ids, to skip repeated ones as the declaring walk did.
  private var keyResultIDs = KeyResultIDs()

  init(
    plan: Plan, keyResults: UnsafeMutableBufferPointer<KeyResult>, checkins: UnsafeMutableBufferPointer<CheckinRecord>
  ) {
    self.plan = plan
    self.keyResults = keyResults
    self.checkins = checkins
  }

  /// Declares the key results of the objective `id`, whose first check-in goes to `firstCheckin`.
  mutating func declare(_ objective: ObjectiveDecl, id: ObjectiveID, firstCheckin: Int, file: FileID) {
    let places = plan.objectives[Int(id.index)].keyResults
    var next = places.lowerBound
    var nextCheckin = firstCheckin
    let sourceFile = plan.sources[file]
    keyResultIDs.startObjective()
    for case .keyResult(let keyResult) in objective.statements {
      guard keyResultIDs.earlierDeclaration(of: keyResult.id) == nil else { continue }
      // The declaring walk counted these places with the same rule; never write past them.
      precondition(next < places.upperBound, "more key results than counted")
      nextCheckin = declare(keyResult, as: KeyResultID(next), of: id, checkinsFrom: nextCheckin, in: sourceFile)
      next += 1
    }
    precondition(next == places.upperBound, "fewer key results than counted")
  }

  private func location(_ file: FileID, _ span: Span) -> SourceLocation {
    SourceLocation(file: file, span: span)
  }

  private mutating func declare(
    _ decl: KeyResultDecl, as id: KeyResultID, of objective: ObjectiveID, checkinsFrom firstCheckin: Int,
    in sourceFile: SourceFile
  ) -> Int {
    let file = sourceFile.id
    var nextCheckin = firstCheckin
    var measure = Measure.none
    var current: Double?
    var range: (from: Double, to: Double, unit: String?, span: Span)?
    var milestoneSpan: Span?
    var done: (isDone: Bool, on: Day?) = (false, nil)
    var manual: (value: Double, span: Span)?
    var weight = 1.0
    var weightSpan: Span?
    var owner: EntityID?
    var note: StringLiteral?
    var source: String?
    for clause in decl.clauses(in: sourceFile) {
      switch clause {
      case .range(let from, let to, let unit, let span): range = (from.value, to.value, unit?.name, span)
      case .current(let value, _): current = value.value
      case .checkin(let checkin):
        precondition(nextCheckin < checkins.count, "more check-ins than counted")
        (checkins.baseAddress! + nextCheckin).initialize(
          to: CheckinRecord(
            keyResult: id, date: checkin.date.day, value: checkin.value.value,
            confidence: checkin.confidence?.fraction, note: checkin.note.map { TextRef(file: file, literal: $0) },
            location: location(file, checkin.span),
            confidenceLocation: checkin.confidence.map { location(file, $0.span) }))
        nextCheckin += 1
      case .milestone(let span): milestoneSpan = milestoneSpan ?? span
      case .done(let date, let span):
        done = (true, date?.day)
        milestoneSpan = milestoneSpan ?? span
      case .progress(let value, _): manual = (value.fraction, value.span)
      case .weight(let value, _):
        weight = value.value
        weightSpan = value.span
      case .owner(let person, _):
        owner = plan.resolvePerson(person, file: file, role: "a key result's owner", problems: &problems)
      case .note(let literal, _): note = literal
      case .source(let literal, _): source = literal.value(in: sourceFile)
      }
    }
    var measureSpan: Span?
    if let range {
      measure = .metric(from: range.from, to: range.to, current: current, unit: range.unit)
      measureSpan = range.span
    } else if let milestoneSpan {
      measure = .milestone(isDone: done.isDone, doneOn: done.on)
      measureSpan = milestoneSpan
    } else if let manual {
      measure = .manual(manual.value)
      measureSpan = manual.span
    }
    // Every place the declaring walk counted out is written.
    precondition(nextCheckin - firstCheckin == decl.checkinCount, "fewer check-ins than counted")
    sortByDate(firstCheckin..<nextCheckin)
    (keyResults.baseAddress! + Int(id.index)).initialize(
      to: KeyResult(
        objective: objective, localID: decl.id.name,
        title: decl.title ?? StringLiteral(span: decl.id.span), measure: measure,
        checkins: Int32(firstCheckin)..<Int32(nextCheckin), weight: weight, owner: owner, note: note,
        source: source, location: location(file, decl.id.span), weightSpan: weightSpan, measureSpan: measureSpan))
    return nextCheckin
  }

  /// Sorts the check-ins of `range` by date, unless written in order already (the usual case).
  /// Stable: duplicate dates stay in written order for the checker.
  private func sortByDate(_ range: Range<Int>) {
    guard range.count > 1, range.dropFirst().contains(where: { checkins[$0 - 1].date > checkins[$0].date }) else {
      return
    }
    let sorted = checkins[range].enumerated()
      .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    for (offset, checkin) in sorted.enumerated() { checkins[range.lowerBound + offset] = checkin }
  }
}

/// The key result ids of one objective seen so far, to find repeated ones: the declaring walk and
/// ``KeyResultDeclarer`` skip the same key results.
struct KeyResultIDs {
  private var declared: [Identifier] = []
  /// Where the current objective's ids start, counting every objective's (for ``TailIndex``).
  private var offset = 0
  private var index = TailIndex<String>()

  /// Forgets the ids of the previous objective.
  mutating func startObjective() {
    offset += declared.count + 1
    declared.removeAll(keepingCapacity: true)
  }

  /// The earlier declaration of `id` in the current objective; nil, after noting `id`, when there is none.
  mutating func earlierDeclaration(of id: Identifier) -> Identifier? {
    if let position = index.find(id.name, in: offset..<offset + declared.count, key: { declared[$0 - offset].name }) {
      return declared[position - offset]
    }
    declared.append(id)
    return nil
  }
}

/// Builds the key results and check-ins of objectives once every entity and objective is declared.
/// It writes each one to the place counted out for it in buffers shared by all pieces, and keeps
/// its problems to itself, so pieces of a plan are declared on all cores (see ``PlanResolver``).
struct KeyResultDeclarer {
  let plan: Plan
  /// Room for every key result and check-in of the plan; each piece initializes its own places.
  let keyResults: UnsafeMutableBufferPointer<KeyResult>
  let checkins: UnsafeMutableBufferPointer<CheckinRecord>
  /// The problems found so far (the objective's own statements add theirs here too, so they
  /// stay in declaration order).
  var problems = ResolutionProblems()
  /// The current objective's key result ids, to skip repeated ones as the parser's count did.
  private var keyResultIDs = KeyResultIDs()
  /// The extras of key results with an ASCII unit and no other extra, by unit: one for each unit.
  private var unitExtras: [String: KeyResultExtras] = [:]
  /// The same, by the unit's bytes as written when short (see ``ShortNameCache/key(of:in:)``).
  private var unitExtrasAsWritten: [UInt64: KeyResultExtras] = [:]
  /// The key results' ids made so far.
  private var names = ShortNameCache()

  init(
    plan: Plan, keyResults: UnsafeMutableBufferPointer<KeyResult>, checkins: UnsafeMutableBufferPointer<CheckinRecord>
  ) {
    self.plan = plan
    self.keyResults = keyResults
    self.checkins = checkins
  }

  /// Declares the key results of the objective `id` of `owner` (written `objectiveName`, its facts
  /// at `objectiveFacts`), parsed in `file` from `sourceFile`, at `places`; its first check-in goes
  /// to `firstCheckin`. Reports repeated key result ids.
  mutating func declare(
    _ objectiveFacts: ObjectiveFactsPlace, of id: ObjectiveID, writtenAs objectiveName: String, owner: EntityID,
    keyResults places: Range<Int32>, firstCheckin: Int, in file: SyntaxFile, source sourceFile: SourceFile
  ) {
    var next = places.lowerBound
    var nextCheckin = firstCheckin
    let table = Int(objectiveFacts.table)
    // The parser counted the key results whose id is not repeated: when that is all of them,
    // there is nothing to look for (the usual case).
    let (written, counted) = (objectiveFacts.keyResults, places)
    let mayRepeat = written.upperBound - written.lowerBound != counted.upperBound - counted.lowerBound
    if mayRepeat { keyResultIDs.startObjective() }
    // The key results' extras follow one another in the table, from the objective's first.
    var nextExtra = Int(objectiveFacts.firstExtra)
    for index in objectiveFacts.keyResults {
      let facts = file.factTables[table].keyResults[Int(index)]
      let firstExtra = nextExtra
      nextExtra += Int(facts.extraCount)
      if mayRepeat,
        let first = sourceFile.bytes.withUnsafeBytes({ keyResultIDs.earlierDeclaration(of: facts.idSpan, in: $0) })
      {
        reportRepeated(facts.idSpan, firstAt: first, in: sourceFile, of: owner, objectiveName)
        continue
      }
      // The parser counted these places with the same rule; never write past them.
      precondition(next < places.upperBound, "more key results than counted")
      let name = sourceFile.bytes.withUnsafeBytes { names.name(at: facts.idSpan, in: $0) }
      nextCheckin = declare(
        name, facts: facts, extrasFrom: firstExtra, table: table, of: file, as: KeyResultID(next),
        of: id, checkinsFrom: nextCheckin, in: sourceFile)
      next += 1
    }
    precondition(next == places.upperBound, "fewer key results than counted")
  }

  /// Reports the key result id at `span`, declared before at `first` in the objective
  /// `objectiveName` of `owner`. Out of line: its message made every objective's declaring set up
  /// a larger frame.
  @inline(never)
  private mutating func reportRepeated(
    _ span: Span, firstAt first: Span, in sourceFile: SourceFile, of owner: EntityID, _ objectiveName: String
  ) {
    problems.report(
      Diagnostic(
        .duplicateDefinition,
        "the key result '\(sourceFile.text(span))' is declared twice in '\(plan[owner].id).\(objectiveName)'",
        at: Self.location(sourceFile.id, span), label: "declared again here",
        labels: [.init(Self.location(sourceFile.id, first), "first declared here")],
        help: "a key result's id is unique within its objective; rename one of them"))
  }

  // Helpers that need nothing of the declarer are static: calling a method of it from a
  // mutating one copied the whole declarer (328 bytes) each time.

  private static func location(_ file: FileID, _ span: Span) -> SourceLocation {
    SourceLocation(file: file, span: span)
  }

  /// Writes the key result `id`, written `name`, from what the parser gathered of it (`facts`
  /// and its extras from `firstExtra` on, in table `table` of `syntax`), and its check-ins from
  /// `firstCheckin` on; returns where the next key result's check-ins go. (The name is taken, not
  /// borrowed: it goes into the key result without being counted in and out again.)
  private mutating func declare(
    _ name: consuming String, facts: KeyResultFacts, extrasFrom firstExtra: Int, table: Int, of syntax: SyntaxFile,
    as id: KeyResultID, of objective: ObjectiveID, checkinsFrom firstCheckin: Int, in sourceFile: SourceFile
  ) -> Int {
    let file = sourceFile.id
    let written = Int(facts.firstCheckin)..<Int(facts.firstCheckin + facts.checkinCount)
    // Every place counted out is written, and no other.
    precondition(firstCheckin + written.count <= checkins.count, "more check-ins than counted")
    for (offset, index) in written.enumerated() {
      let checkin = syntax.factTables[table].checkins[index]
      (checkins.baseAddress! + firstCheckin + offset).initialize(
        to: CheckinRecord(
          keyResult: id, date: checkin.date.day, value: checkin.value.value,
          confidence: checkin.confidence?.fraction, note: checkin.note.map { TextRef(file: file, literal: $0) },
          location: Self.location(file, checkin.span),
          confidenceLocation: checkin.confidence.map { Self.location(file, $0.span) }))
    }
    let nextCheckin = firstCheckin + written.count
    // One check-in or none (most key results) is in order: no call.
    if written.count > 1 { Self.sortByDate(firstCheckin..<nextCheckin, of: checkins) }
    let extras =
      facts.extraCount == 0
      ? KeyResultExtraSpans() : syntax.factTables[table].extraSpans(from: firstExtra, count: Int(facts.extraCount))
    let keyResult = KeyResult(
      objective: objective, localID: name, facts: facts,
      extras: facts.extraCount == 0 ? nil : self.extras(extras, in: sourceFile),
      checkins: Int32(firstCheckin)..<Int32(nextCheckin),
      owner: owner(of: facts, named: extras.owner, in: sourceFile),
      location: Self.location(file, facts.idSpan))
    (keyResults.baseAddress! + Int(id.index)).initialize(to: consume keyResult)
    return nextCheckin
  }

  /// The extras written at `spans`, nil when there are none; shared by key results with the
  /// same unit and no other extra.
  private mutating func extras(_ spans: KeyResultExtraSpans, in sourceFile: SourceFile) -> KeyResultExtras? {
    // A short unit alone (the usual extra) is found by its bytes as written, making no `String`.
    var writtenUnit: UInt64?
    if let unit = spans.unit, spans.source == nil, spans.note == nil, spans.weight == nil {
      writtenUnit = sourceFile.bytes.withUnsafeBytes { ShortNameCache.key(of: unit, in: $0) }
      if let writtenUnit, let shared = unitExtrasAsWritten[writtenUnit] { return shared }
    }
    let values = KeyResultExtras.Values(
      unit: spans.unit.map { Self.word(at: $0, in: sourceFile) },
      source: spans.source.map { StringLiteral(span: $0).value(in: sourceFile) },
      noteSpan: PackedSpan(spans.note), weightSpan: PackedSpan(spans.weight),
      // Read again from its literal, as the parser read it.
      weight: spans.weight.map { span in
        sourceFile.bytes.withUnsafeBufferPointer { PlainLiterals(bytes: $0).value(ofNumberAt: span) }
      } ?? 1)
    // Units equal as `String`s may be in other normalization forms (each keeps its own), unless
    // they are ASCII (decoded: a string literal may write other characters as `\u{…}`).
    guard let unit = values.unit, spans.source == nil, spans.note == nil, spans.weight == nil,
      unit.utf8.allSatisfy({ $0 < 0x80 })
    else {
      return values.isEmpty ? nil : KeyResultExtras(values)
    }
    let extras: KeyResultExtras
    if let shared = unitExtras[unit] {
      extras = shared
    } else {
      extras = KeyResultExtras(values)
      unitExtras[unit] = extras
    }
    if let writtenUnit { unitExtrasAsWritten[writtenUnit] = extras }
    return extras
  }

  /// The word after `unit` at `span` (an identifier, or a string literal, decoded).
  private static func word(at span: Span, in sourceFile: SourceFile) -> String {
    if sourceFile.bytes[Int(span.start)] == UInt8(ascii: "\"") {
      return StringLiteral(span: span).value(in: sourceFile)
    }
    return String(decoding: sourceFile.bytes[Int(span.start)..<Int(span.end)], as: UTF8.self)
  }

  /// The person named by the last `owner` clause (at `lastOwner`) of the key result `facts` tell of;
  /// each clause's name is looked up (and reported when unknown). Inlined: most key results have
  /// no `owner` clause, and the call cost more than the test.
  @inline(__always)
  private mutating func owner(
    of facts: KeyResultFacts, named lastOwner: Span?, in sourceFile: SourceFile
  ) -> EntityID? {
    guard facts.ownerClauses > 1 else {
      guard let span = lastOwner else { return nil }
      return plan.resolvePerson(writtenAt: span, in: sourceFile, role: Self.ownerRole, problems: &problems)
    }
    return ownerOfSeveral(facts, in: sourceFile)
  }

  /// ``owner(of:named:in:)`` for a key result with several `owner` clauses, read again from the source.
  @inline(never)
  private mutating func ownerOfSeveral(_ facts: KeyResultFacts, in sourceFile: SourceFile) -> EntityID? {
    var owner: EntityID?
    let localID = Identifier(name: sourceFile.text(facts.idSpan), span: facts.idSpan)
    let decl = KeyResultDecl(
      id: localID, title: StringLiteral(span: facts.titleSpan), checkinCount: Int(facts.checkinCount),
      span: Span(start: localID.span.start, end: facts.end))
    for case .owner(let person, _) in decl.clauses(in: sourceFile) {
      owner = plan.resolvePerson(person, file: sourceFile.id, role: Self.ownerRole, problems: &problems)
    }
    return owner
  }

  /// What a key result's owner is called in diagnostics.
  private static let ownerRole = "a key result's owner"

  /// Sorts the check-ins of `range` by date, unless written in order already (the usual case).
  /// Stable: duplicate dates stay in written order for the checker.
  private static func sortByDate(_ range: Range<Int>, of checkins: UnsafeMutableBufferPointer<CheckinRecord>) {
    guard range.count > 1, range.dropFirst().contains(where: { checkins[$0 - 1].date > checkins[$0].date }) else {
      return
    }
    let sorted = checkins[range].enumerated()
      .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    for (offset, checkin) in sorted.enumerated() { checkins[range.lowerBound + offset] = checkin }
  }
}

/// The key result ids of one objective seen so far, to find repeated ones: the parser's counts
/// (``ObjectiveDecl``) and ``KeyResultDeclarer`` skip the same key results. The ids are compared
/// as written (spans of one file's bytes), with the outcome of comparing them as `String`s.
struct KeyResultIDs {
  /// Where the current objective's ids are written, each with its ``ShortNameCache/key(of:in:)``
  /// (ids of at most 7 ASCII bytes, the usual case) or 0: two ids with keys are the same exactly
  /// when their keys are. The first ``count`` (the rest are kept from earlier objectives, to be
  /// written over rather than removed and added again).
  private var declared: [(span: Span, key: UInt64)] = []
  private var count = 0
  /// Whether every id of the current objective has a key.
  private var allShort = true
  /// Whether one of them has a byte outside ASCII: then ids that differ in bytes may still be
  /// the same `String` (another normalization form).
  private var declaredNonASCII = false
  /// Where the current objective's ids start, counting every objective's (for ``TailIndex``).
  private var offset = 0
  private var index = TailIndex<String>()
  /// Objectives with more key results than this are searched through ``index``.
  private static let linearLimit = 16

  /// Forgets the ids of the previous objective.
  mutating func startObjective() {
    offset += count + 1
    count = 0
    (allShort, declaredNonASCII) = (true, false)
  }

  /// Where the current objective declared the id written at `span` of `bytes` before; nil,
  /// after noting `span`, when it did not.
  @inline(__always) mutating func earlierDeclaration(of span: Span, in bytes: UnsafeRawBufferPointer) -> Span? {
    // Inlined where it is called: short ids among few (the usual case) are compared by key.
    if allShort, count < Self.linearLimit, let key = ShortNameCache.key(of: span, in: bytes) {
      for position in 0..<count where declared[position].key == key { return declared[position].span }
      note(span, key: key)
      return nil
    }
    return earlierDeclarationTheLongWay(of: span, in: bytes)
  }

  /// ``earlierDeclaration(of:in:)`` for an id that is not short or follows one that was not,
  /// or after many ids.
  @inline(never) private mutating func earlierDeclarationTheLongWay(
    of span: Span, in bytes: UnsafeRawBufferPointer
  ) -> Span? {
    func written(_ span: Span) -> UnsafeRawBufferPointer {
      UnsafeRawBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.end)])
    }
    func name(_ span: Span) -> String { String(decoding: written(span), as: UTF8.self) }
    let key = ShortNameCache.key(of: span, in: bytes)
    let id = written(span)
    let isASCII = WrittenName.isASCII(id)
    if count < Self.linearLimit {
      let comparesNames = !isASCII || declaredNonASCII
      for (earlier, _) in declared[..<count]
      where WrittenName.same(written(earlier), id) || (comparesNames && name(earlier) == name(span)) {
        return earlier
      }
    } else if let position = index.find(
      name(span), in: offset..<offset + count, key: { name(declared[$0 - offset].span) })
    {
      return declared[position - offset].span
    }
    note(span, key: key ?? 0)
    if key == nil { allShort = false }
    if !isASCII { declaredNonASCII = true }
    return nil
  }

  /// Adds `span`, with its key (or 0), to the current objective's ids. Inlined: it is called for
  /// every key result parsed and declared.
  @inline(__always)
  private mutating func note(_ span: Span, key: UInt64) {
    if count < declared.count {
      declared[count] = (span, key)
    } else {
      declared.append((span, key))
    }
    count += 1
  }
}

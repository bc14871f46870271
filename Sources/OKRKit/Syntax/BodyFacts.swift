/// What the objectives and key results one parser read (a file, or one piece of a large file)
/// say, in flat arrays: what resolving a plan reads instead of statement lists, which would take
/// several times the memory (see ``ObjectiveDecl``).
struct BodyFactTable: Sendable {
  var keyResults: [KeyResultFacts] = []
  var checkins: [Checkin] = []
  var extras: [KeyResultExtra] = []
  /// The objectives' statements other than `kr` and `supports`, in written order.
  var statements: [ObjectiveFact] = []
  /// The objectives' `supports` clauses, in written order.
  var supports: [SupportsFact] = []
  /// Held by every copy of the table, one for what declaring reads and one for the `supports`
  /// clauses: the trees of several files may share a table (``PlanParser/parse(together:)``), and
  /// the copy that lets go of a part last is the one that frees its memory and notes it.
  private var declaringFactsHolder: Holder? = Holder()
  private var linkFactsHolder: Holder? = Holder()

  /// What ``declaringFactsHolder`` and ``linkFactsHolder`` hold.
  private final class Holder: Sendable {}
  /// Whether the trees of several files share the table. Its arrays, however large, then lie in
  /// the heaps of the threads that parsed the files (each grew as the files were read, which
  /// makes the allocator keep blocks of that size in its heaps), so they are noted as small
  /// blocks: freed memory the allocator keeps until it is handed back.
  var isSharedByFiles = false

  /// Makes room for the key results, check-ins and statements `count` bytes of plan may hold, so
  /// that the arrays are not copied as they grow: each takes a line of at least about this many
  /// bytes, and room that is never written costs address space, not memory.
  mutating func reserve(forBytes count: Int) {
    keyResults.reserveCapacity(count / 40)
    checkins.reserveCapacity(count / 80)
    extras.reserveCapacity(count / 80)
    statements.reserveCapacity(count / 40)
    supports.reserveCapacity(count / 80)
  }

  /// Adds what an objective's statement says (key results, `supports` clauses and, from the
  /// parser, `cycle` statements add theirs as they are parsed).
  mutating func add(_ statement: ObjectiveStatement) {
    switch statement {
    case .cycle(let period, let span): statements.append(.cycle(period, span: span))
    case .owner(let person, let span): statements.append(.owner(person, span: span))
    case .shared: statements.append(.shared)
    case .keyResult, .supports: break
    case .progressOverride(let value, let span): statements.append(.progressOverride(value, span: span))
    case .tags(let tags, _): statements.append(.tags(tags))
    case .note(let literal, _): statements.append(.note(literal))
    }
  }

  /// Lets go of what only declaring objectives and key results reads (resolving links reads
  /// ``supports``), noting it in `freed`.
  mutating func releaseDeclaringFacts(into freed: inout FreedMemory) {
    if isKnownUniquelyReferenced(&declaringFactsHolder) {
      note(keyResults, in: &freed)
      note(checkins, in: &freed)
      note(extras, in: &freed)
      note(statements, in: &freed)
    }
    declaringFactsHolder = nil
    (keyResults, checkins, extras, statements) = ([], [], [], [])
  }

  /// Lets go of the `supports` clauses, once their links are resolved, noting it in `freed`.
  mutating func releaseLinkFacts(into freed: inout FreedMemory) {
    if isKnownUniquelyReferenced(&linkFactsHolder) { note(supports, in: &freed) }
    linkFactsHolder = nil
    supports = []
  }

  /// Notes in `freed` that `array`, about to be let go of, frees its room.
  private func note<Element>(_ array: [Element], in freed: inout FreedMemory) {
    if isSharedByFiles {
      freed.noteFreed(smallBlocks: array.capacity * MemoryLayout<Element>.stride)
    } else {
      freed.noteFreed(array.capacity, of: Element.self)
    }
  }

  /// Where the next objective's facts start.
  var endPlace: ObjectiveFactsPlace {
    ObjectiveFactsPlace(
      keyResults: Int32(keyResults.count)..<Int32(keyResults.count), firstExtra: Int32(extras.count),
      statements: Int32(statements.count)..<Int32(statements.count),
      supports: Int32(supports.count)..<Int32(supports.count))
  }

  /// The place of the facts added since `start` (an earlier ``endPlace``), in table `table`.
  func place(since start: ObjectiveFactsPlace, table: Int32) -> ObjectiveFactsPlace {
    ObjectiveFactsPlace(
      table: table, keyResults: start.keyResults.lowerBound..<Int32(keyResults.count), firstExtra: start.firstExtra,
      statements: start.statements.lowerBound..<Int32(statements.count),
      supports: start.supports.lowerBound..<Int32(supports.count))
  }
}

/// A statement about an objective alone (`cycle`, `owner`, `shared`, `progress N% override`,
/// `tag`, `note`), as resolving reads it: an ``ObjectiveStatement`` without the spans resolving
/// does not need, half its size.
enum ObjectiveFact: Sendable {
  case cycle(PeriodSyntax, span: Span)
  case owner(Identifier, span: Span)
  case shared
  case progressOverride(NumberLiteral, span: Span)
  case tags([Identifier])
  case note(StringLiteral)
}

/// A `supports` clause as resolving reads it: the target's parts are kept as spans rather than in
/// the list a ``Reference`` allocates (a plan may have a million links).
struct SupportsFact: Sendable {
  /// The whole clause.
  var span: Span
  /// The target reference, and its first `partCount` parts (`owner`, `objective`, `kr`).
  var target: Span
  var parts: (Span, Span, Span)
  var partCount: UInt8
  /// The weight; NaN when not written.
  var weight: Double
  var weightSpan: PackedSpan
  /// The person after `accepted by`.
  var acceptedBy: PackedSpan
  /// The date after `on`, as a ``Day/ordinal``; `Int32.min` when not written.
  var acceptedOn: Int32

  init(_ clause: WrittenSupports) {
    self.span = clause.span
    self.target = clause.target.span
    // The parser makes references of one to three parts.
    self.parts = (clause.target.part(0), clause.target.part(1), clause.target.part(2))
    self.partCount = UInt8(min(clause.target.partCount, 3))
    self.weight = clause.weight?.value ?? .nan
    self.weightSpan = PackedSpan(clause.weight?.span)
    self.acceptedBy = PackedSpan(clause.acceptedBy)
    self.acceptedOn = clause.acceptedOn?.day.ordinal ?? .min
  }
}

/// A reference as the parser reads it: where it is written and where its parts are, with no
/// `String`s or array (a plan may have a million `supports` clauses).
struct WrittenReference {
  var span: Span
  /// The first three parts; empty spans past ``partCount``.
  private var parts: (Span, Span, Span)
  /// How many parts are written, more than three included (which is a mistake).
  private(set) var partCount = 1

  init(firstPart: Span) {
    span = firstPart
    parts = (firstPart, Span(start: 0, end: 0), Span(start: 0, end: 0))
  }

  /// The part at `index` (0, 1 or 2); an empty span when there is none.
  func part(_ index: Int) -> Span {
    switch index {
    case 0: parts.0
    case 1: parts.1
    default: parts.2
    }
  }

  mutating func append(_ part: Span) {
    if partCount == 1 { parts.1 = part } else if partCount == 2 { parts.2 = part }
    partCount += 1
  }
}

/// A `supports` clause as the parser reads it, its target as written (see ``SupportsClause``).
struct WrittenSupports {
  var target: WrittenReference
  var weight: NumberLiteral?
  /// The person after `accepted by`.
  var acceptedBy: Span?
  var acceptedOn: DateLiteral?
  var span: Span
}

/// Where an objective's facts are: a table of ``SyntaxFile/factTables`` and, in it, its key
/// results (those with a repeated id too) and the first of their extras, other statements and
/// `supports` clauses.
struct ObjectiveFactsPlace: Sendable {
  var table: Int32 = 0
  var keyResults: Range<Int32> = 0..<0
  var firstExtra: Int32 = 0
  var statements: Range<Int32> = 0..<0
  var supports: Range<Int32> = 0..<0
}

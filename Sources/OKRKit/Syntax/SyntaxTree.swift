/// The parsed form of one plan file.
///
/// Every node keeps its span; comments are kept in ``comments`` and everything
/// between spans is white space, so the tree together with the source bytes
/// reproduces the file exactly (the formatter relies on this).
public struct SyntaxFile: Sendable {
  public var file: FileID
  public var items: [Item]
  /// Every comment in the file, `#` included, in source order.
  public var comments: [Span]
  /// How many declarations of each kind the tree holds, so later phases can size their arrays once.
  public var counts = DeclarationCounts()
  /// What the objectives and key results say, one table per piece the file was parsed in (see
  /// ``ObjectiveDecl``).
  var factTables: [BodyFactTable] = []

  /// Whether every top-level item is an entity block (by ``counts``): no cycle, policy or
  /// include to look for among them, item by item.
  var holdsOnlyEntities: Bool { counts.entities >= items.count }

  /// A top-level declaration.
  public enum Item: Sendable {
    case include(IncludeDecl)
    case cycle(CycleDecl)
    case entity(EntityDecl)
    case policy(PolicyDecl)

    /// What names the entity of an entity declaration (nil for other items), read without
    /// copying its members.
    var entityHeading: EntityHeading? {
      if case .entity(let decl) = self {
        EntityHeading(
          level: decl.level, levelSpan: decl.levelSpan, id: decl.id, name: decl.name, hasParents: decl.hasParents)
      } else {
        nil
      }
    }

    /// What the `in`, `admin` and `lead` names of an entity declaration are read from (nil for
    /// other items): its level, its `in` list, and its members when some are `admin` or `lead`
    /// lines (nil otherwise). Read without copying the rest of the declaration.
    var entityRelations: (level: Level, parents: [Reference], members: [EntityMember]?)? {
      if case .entity(let decl) = self { (decl.level, decl.parents, decl.hasPeople ? decl.members : nil) } else { nil }
    }

    /// The id and members of an entity declaration (nil for other items), read without copying
    /// the rest of the declaration.
    var entityMembers: (id: Identifier, members: [EntityMember])? {
      if case .entity(let decl) = self { (decl.id, decl.members) } else { nil }
    }

    public var span: Span {
      switch self {
      case .include(let decl): decl.span
      case .cycle(let decl): decl.span
      case .entity(let decl): decl.span
      case .policy(let decl): decl.span
      }
    }
  }
}

/// The number of entity blocks, objectives, key results, check-ins and links (`supports` and
/// `reuses`) in a tree.
public struct DeclarationCounts: Sendable, Hashable {
  public var entities = 0
  public var objectives = 0
  public var keyResults = 0
  public var checkins = 0
  public var links = 0

  public init() {}

  /// Adds the counts of another tree.
  public mutating func add(_ other: DeclarationCounts) {
    entities += other.entities
    objectives += other.objectives
    keyResults += other.keyResults
    checkins += other.checkins
    links += other.links
  }
}

/// A name as written, e.g. an entity, objective, KR or person id.
public struct Identifier: Sendable, Hashable {
  public var name: String
  public var span: Span

  public init(name: String, span: Span) {
    self.name = name
    self.span = span
  }

  /// The identifier written at `span` of `file`.
  init(at span: Span, in file: SourceFile) {
    self.init(name: file.text(span), span: span)
  }
}

/// A dot-qualified reference: `acme`, `acme.csat`, `acme.csat.nps`.
public struct Reference: Sendable, Hashable, CustomStringConvertible {
  public var parts: [Identifier]
  public var span: Span

  public init(parts: [Identifier], span: Span) {
    self.parts = parts
    self.span = span
  }

  public var description: String { parts.map(\.name).joined(separator: ".") }
}

/// A string literal; its span includes the quotes. Decode with ``StringLiteral/value(in:)``.
public struct StringLiteral: Sendable, Hashable {
  public var span: Span

  public init(span: Span) { self.span = span }

  /// The decoded text (escapes resolved).
  public func value(in file: SourceFile) -> String {
    StringLiteral.decode(file.bytes, span)
  }

  /// Decodes the literal at `span` of `bytes`, quotes excluded and escapes resolved.
  static func decode(_ bytes: [UInt8], _ span: Span) -> String {
    var start = Int(span.start) + 1
    var end = Int(span.end)
    if end > start, bytes[end - 1] == UInt8(ascii: "\"") { end -= 1 }
    start = min(start, end)
    guard bytes[start..<end].contains(UInt8(ascii: "\\")) else {
      return String(decoding: bytes[start..<end], as: UTF8.self)
    }
    var output: [UInt8] = []
    output.reserveCapacity(end - start)
    var index = start
    while index < end {
      let byte = bytes[index]
      guard byte == UInt8(ascii: "\\"), index + 1 < end else {
        output.append(byte)
        index += 1
        continue
      }
      let escaped = bytes[index + 1]
      index += 2
      switch escaped {
      case UInt8(ascii: "n"): output.append(UInt8(ascii: "\n"))
      case UInt8(ascii: "t"): output.append(UInt8(ascii: "\t"))
      case UInt8(ascii: "u"):
        var value: UInt32 = 0
        if index < end, bytes[index] == UInt8(ascii: "{") { index += 1 }
        while index < end, let digit = hexValue(bytes[index]) {
          value = value &* 16 &+ UInt32(digit)
          index += 1
        }
        if index < end, bytes[index] == UInt8(ascii: "}") { index += 1 }
        output.append(contentsOf: Array(String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8))
      default: output.append(escaped)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}

/// A number as written; `isPercent` when it ends in `%` (the value is the number before it).
public struct NumberLiteral: Sendable, Hashable {
  public var value: Double
  public var isPercent: Bool
  public var span: Span

  public init(value: Double, isPercent: Bool, span: Span) {
    self.value = value
    self.isPercent = isPercent
    self.span = span
  }

  /// The value as a fraction: `40%` and `0.4` are both 0.4.
  public var fraction: Double { isPercent ? value / 100 : value }
}

/// A date literal such as `2026-02-15`.
public struct DateLiteral: Sendable, Hashable {
  public var day: Day
  public var span: Span
}

/// A period as written: a literal period or the name of a declared cycle.
public struct PeriodSyntax: Sendable, Hashable {
  public enum Value: Sendable, Hashable {
    case literal(Period)
    case named(String)
  }

  public var value: Value
  public var span: Span
}

/// `include "teams/*.okr"`.
public struct IncludeDecl: Sendable {
  public var path: StringLiteral
  public var span: Span
}

/// `cycle NAME PERIOD [closed]`, `cycle PERIOD closed`, `cycle NAME closed`.
public struct CycleDecl: Sendable {
  /// The cycle's name, when it declares or closes a named cycle.
  public var name: Identifier?
  /// The period, when given.
  public var period: PeriodSyntax?
  /// The `closed` keyword, when present.
  public var closed: Span?
  public var span: Span
}

/// `company|unit|team|person ID ["Name"] [in A, B] [{ … }]`.
public struct EntityDecl: Sendable {
  public var level: Level
  public var levelSpan: Span
  public var id: Identifier
  public var name: StringLiteral?
  /// The enclosing entities named after `in`.
  public var parents: [Reference] { didSet { hasParents = !parents.isEmpty } }
  /// The statements of the block, in source order (empty with no block).
  public var members: [EntityMember] { didSet { hasPeople = members.contains { $0.people != nil } } }
  /// Whether the declaration has an `in` list, and whether some member is an `admin` or `lead`
  /// line, kept with the lists: the walks over every declaration read these rather than the lists
  /// (each one a read from memory far away, and a person's members may be hundreds of objectives).
  public private(set) var hasParents: Bool
  public private(set) var hasPeople: Bool
  /// The braces of the block, when it has one.
  public var body: Span?
  public var span: Span
}

/// The level, id and name of an entity declaration, and whether it has an `in` list.
struct EntityHeading {
  var level: Level
  var levelSpan: Span
  var id: Identifier
  var name: StringLiteral?
  var hasParents: Bool
}

/// A statement inside an entity block.
public enum EntityMember: Sendable {
  /// `admin P, …` (companies).
  case admins([Identifier], span: Span)
  /// `lead P, …` (units and teams).
  case leads([Identifier], span: Span)
  case objective(ObjectiveDecl)

  public var span: Span {
    switch self {
    case .admins(_, let span), .leads(_, let span): span
    case .objective(let decl): decl.span
    }
  }

  /// The id of an objective declaration, the counts of its key results, where its facts are and
  /// what it reuses; nil for other members. (Reading parts of a member this way copies only them;
  /// binding the whole declaration copies all of it.)
  var objectiveHeading:
    (id: Identifier, keyResultCounts: ObjectiveDecl.KeyResultCounts, facts: ObjectiveFactsPlace, reuses: Reference?)?
  {
    if case .objective(let decl) = self { (decl.id, decl.keyResultCounts, decl.facts, decl.reuses) } else { nil }
  }

  /// What building an objective reads of its declaration.
  typealias ObjectiveParts = (id: Identifier, title: StringLiteral?, facts: ObjectiveFactsPlace)

  /// The id, title and facts of an objective declaration: what building its objective reads; nil
  /// for other members. (Binding the whole declaration to read them cost 250 instructions per
  /// objective in copying it and letting go of the copy.)
  var objectiveParts: ObjectiveParts? {
    if case .objective(let decl) = self { (decl.id, decl.title, decl.facts) } else { nil }
  }

  /// The persons of an `admin` or `lead` line, and which of the two it is; nil for objectives.
  var people: (names: [Identifier], isAdmin: Bool)? {
    switch self {
    case .admins(let names, _): (names, true)
    case .leads(let names, _): (names, false)
    case .objective: nil
    }
  }
}

/// `objective ID "Title" { … }` or `objective ID reuses REF { … }`.
///
/// A plan may have a million objectives, and their statement lists were most of the tree's
/// size; so an objective that parsed without a problem keeps no statements, and
/// ``statements(in:)`` reads them again from the source when asked. One with a problem keeps
/// the statements that parsed, read again once it is parsed (the parser keeps statements only
/// when asked to, as the formatter does). What
/// the statements say is kept apart, compactly, in the file's fact tables, which is what
/// resolving reads.
public struct ObjectiveDecl: Sendable {
  // Stored in this order to leave the least padding (117 bytes in 120): a plan may have a million.
  public var id: Identifier
  /// The objective whose title this one takes, and which it supports.
  public var reuses: Reference?
  /// The statements, when kept rather than read again (see ``statements(in:)``).
  var storedStatements: [ObjectiveStatement]?
  public var span: Span
  /// How many key results have an id not used before in the objective, and their check-ins:
  /// what the plan will hold of them (repeated ones are reported and left out).
  var keyResultCounts = KeyResultCounts()
  /// Where what the statements say is kept in ``SyntaxFile/factTables``.
  var facts = ObjectiveFactsPlace()
  public var title: StringLiteral?
  /// The braces of the block, when it has one.
  public var body: Span?

  struct KeyResultCounts: Sendable {
    var keyResults: Int32 = 0
    var checkins: Int32 = 0
  }

  /// The statements of the block in source order; `file` is the source file the objective was
  /// parsed from.
  public func statements(in file: SourceFile) -> [ObjectiveStatement] {
    storedStatements ?? PlanParser.statements(of: self, in: file)
  }
}

/// `supports REF [weight W] [accepted by P [on DATE]]`.
public struct SupportsClause: Sendable {
  public var target: Reference
  public var weight: NumberLiteral?
  public var acceptedBy: Identifier?
  public var acceptedOn: DateLiteral?
  public var span: Span
}

/// A statement inside an objective block.
public enum ObjectiveStatement: Sendable {
  case cycle(PeriodSyntax, span: Span)
  case owner(Identifier, span: Span)
  case supports(SupportsClause)
  case shared(span: Span)
  case keyResult(KeyResultDecl)
  /// `progress N% override`.
  case progressOverride(NumberLiteral, span: Span)
  case tags([Identifier], span: Span)
  case note(StringLiteral, span: Span)

  public var span: Span {
    switch self {
    case .cycle(_, let span), .owner(_, let span), .shared(let span),
      .progressOverride(_, let span), .tags(_, let span), .note(_, let span):
      span
    case .supports(let clause): clause.span
    case .keyResult(let decl): decl.span
    }
  }
}

/// `kr ID "Title" CLAUSES [{ CLAUSES }]`.
///
/// Key results are part of their objective's statements, which are read again from the source
/// when asked (see ``ObjectiveDecl``), clauses and all; a key result made without its clauses (as
/// the resolver does for one with several `owner` clauses) has ``clauses(in:)`` read them again.
/// What the clauses say (the measure, weight, check-ins, …) is kept apart in the file's fact
/// tables, which is what resolving reads.
public struct KeyResultDecl: Sendable {
  public var id: Identifier
  public var title: StringLiteral?
  /// The clauses, when kept rather than read again (see ``clauses(in:)``).
  var storedClauses: [KeyResultClause]?
  /// The number of `checkin` clauses.
  public var checkinCount: Int
  /// The braces of the block, when it has one.
  public var body: Span?
  public var span: Span

  /// Every clause, those on the header line first, then those of the block; `file` is the
  /// source file the key result was parsed from.
  public func clauses(in file: SourceFile) -> [KeyResultClause] {
    storedClauses ?? PlanParser.clauses(of: self, in: file)
  }
}

/// One clause of a key result.
public enum KeyResultClause: Sendable {
  /// `from A to B [unit WORD]`.
  case range(from: NumberLiteral, to: NumberLiteral, unit: Identifier?, span: Span)
  case current(NumberLiteral, span: Span)
  case checkin(Checkin)
  case milestone(span: Span)
  case done(DateLiteral?, span: Span)
  /// `progress N%` (manual progress).
  case progress(NumberLiteral, span: Span)
  case weight(NumberLiteral, span: Span)
  case owner(Identifier, span: Span)
  case note(StringLiteral, span: Span)
  case source(StringLiteral, span: Span)

  public var span: Span {
    switch self {
    case .range(_, _, _, let span), .current(_, let span), .milestone(let span), .done(_, let span),
      .progress(_, let span), .weight(_, let span), .owner(_, let span), .note(_, let span),
      .source(_, let span):
      span
    case .checkin(let checkin): checkin.span
    }
  }
}

/// `checkin DATE V [confidence C] ["note"]`.
public struct Checkin: Sendable {
  public var date: DateLiteral
  public var value: NumberLiteral
  public var confidence: NumberLiteral?
  public var note: StringLiteral?
  public var span: Span
}

/// `policy { … }`.
public struct PolicyDecl: Sendable {
  public var statements: [PolicyStatement]
  public var body: Span
  public var span: Span
}

/// A statement of a policy block. Level and rule names are kept as written; the checker validates them.
public enum PolicyStatement: Sendable {
  case maxParents(NumberLiteral, span: Span)
  case allow(child: Identifier, parent: Identifier, span: Span)
  case deny(child: Identifier, parent: Identifier, span: Span)
  /// `objectives-per-owner LEVEL N, …`.
  case objectivesPerOwner([(level: Identifier, limit: NumberLiteral)], span: Span)
  /// `status NAME N …` (e.g. `at-risk 0.8 off-track 0.5`).
  case status([(name: Identifier, threshold: NumberLiteral)], span: Span)
  /// `rule NAME error|warning|note|off`.
  case rule(name: Identifier, setting: Identifier, span: Span)

  public var span: Span {
    switch self {
    case .maxParents(_, let span), .allow(_, _, let span), .deny(_, _, let span),
      .objectivesPerOwner(_, let span), .status(_, let span), .rule(_, _, let span):
      span
    }
  }
}

/// Prints plan files in their one canonical layout: what `okr fmt` writes.
///
/// The layout (docs/formatting.md shows it with an example):
/// * Two spaces per block level; one statement per line (`;`-joined statements are split).
/// * Single spaces between words, `, ` in lists; literals (numbers, dates, periods, strings
///   with their escapes) exactly as written, only white space inside a range period removed.
/// * Top-level declarations that take more than one line are separated by a blank line;
///   one-line declarations (`include`, `cycle`, `person bob "Bob" in cs`) may stay grouped.
///   Elsewhere a blank line is kept (collapsed to one) where the source had one, except
///   at the top and bottom of a block.
/// * An empty block prints as `{}`. An entity whose block holds one `admin` or `lead` line
///   stays on one line, `team cs "CS" in ops { lead alice }`, when that fits in
///   ``lineLimit`` characters.
/// * A key result is one line when it has no check-ins and fits in ``lineLimit`` characters.
///   Otherwise it is a block: a leading `from … to … [unit …]` or `milestone` clause stays on
///   the `kr` line and every other clause gets a line of its own, in the order written.
/// * Nothing is reordered. Every comment is kept: a comment that followed code on its line
///   stays at the end of that code's line (after two spaces); any other comment gets a line
///   of its own before what follows it, at that statement's indentation. Constructs with a
///   comment inside are never joined onto one line, and a list broken by a comment after a
///   comma continues on the next line, four spaces deeper. Trailing white space is removed.
public enum PlanFormatter {
  /// The widest line, in characters, onto which the formatter joins a key result or an entity block.
  public static let lineLimit = 100

  /// What formatting one file gives.
  public enum Outcome: Sendable {
    /// The file in canonical layout.
    case formatted(String)
    /// The file has syntax or literal errors: it is not formatted (it could lose text).
    case invalid([Diagnostic])
  }

  /// What formatting one file gives, as UTF-8 bytes: what a program that writes or compares
  /// files needs, with no `String` made.
  public enum ByteOutcome: Sendable {
    /// The file in canonical layout.
    case formatted([UInt8])
    /// The file has syntax or literal errors: it is not formatted (it could lose text).
    case invalid([Diagnostic])
  }

  /// Parses and formats `file`; files with any parse diagnostic are left alone.
  public static func format(_ file: SourceFile) -> Outcome {
    switch formatBytes(file) {
    case .formatted(let bytes): .formatted(String(decoding: bytes, as: UTF8.self))
    case .invalid(let diagnostics): .invalid(diagnostics)
    }
  }

  /// ``format(_:)``, giving bytes.
  public static func formatBytes(_ file: SourceFile) -> ByteOutcome {
    let (syntax, diagnostics) = PlanParser.parse(file, keepingStatements: true)
    guard diagnostics.isEmpty else { return .invalid(diagnostics) }
    return .formatted(formatBytes(file, syntax))
  }

  /// Formats each of `files` on its own, on all cores; the outcomes come in the order of the files.
  public static func formatBytes(_ files: [SourceFile]) -> [ByteOutcome] {
    ParallelWork.map(files) { formatBytes($0) }
  }

  /// The canonical text of `file`, whose tree is `syntax`.
  ///
  /// Only for files that parsed without diagnostics: a tree with errors lacks the
  /// statements that failed to parse, and they would be dropped.
  public static func format(_ file: SourceFile, _ syntax: SyntaxFile) -> String {
    String(decoding: formatBytes(file, syntax), as: UTF8.self)
  }

  /// ``format(_:_:)``, giving bytes.
  public static func formatBytes(_ file: SourceFile, _ syntax: SyntaxFile) -> [UInt8] {
    var layout = PlanLayout(writer: FormatWriter(bytes: file.bytes, comments: syntax.comments), source: file)
    layout.file(syntax)
    return layout.writer.rendered()
  }
}

/// Decides the layout of each construct and hands its lines to a ``FormatWriter``.
///
/// Recursion follows the grammar's fixed nesting (entity › objective › key result), so
/// its depth is bounded whatever the input. A statement's pieces are gathered in one array,
/// ``line``, emptied and filled again for each statement, so laying out allocates nothing
/// per statement.
struct PlanLayout {
  var writer: FormatWriter
  /// The file being formatted (key results read their clauses from it).
  let source: SourceFile
  /// The pieces of the statement being laid out.
  private var line: [Piece] = []

  private static let step = FormatWriter.indentWidth

  init(writer: FormatWriter, source: SourceFile) {
    self.writer = writer
    self.source = source
  }

  mutating func file(_ syntax: SyntaxFile) {
    var previousTookLines = false
    for (index, item) in syntax.items.enumerated() {
      let groupStart = writer.lines.count
      writer.placeComments(before: item.span.start, indent: 0)
      let firstLine = writer.lines.count
      switch item {
      case .include(let decl):
        startLine(word("include", at: decl.span.start), literal(decl.path.span))
        addLine(indent: 0, covering: decl.span)
      case .cycle(let decl):
        cycle(decl)
      case .entity(let decl):
        entity(decl, indent: 0)
      case .policy(let decl):
        policy(decl)
      }
      let tookLines = writer.lines.count - firstLine > 1
      if index > 0, tookLines || previousTookLines { writer.requireBlankLine(before: groupStart) }
      previousTookLines = tookLines
      writer.finishLines()
    }
    writer.placeComments(before: .max, indent: 0)
  }

  // MARK: - Declarations

  private mutating func cycle(_ decl: CycleDecl) {
    startLine(word("cycle", at: decl.span.start))
    if let name = decl.name { line.append(literal(name.span)) }
    if let period = decl.period { line.append(self.period(period)) }
    if let closed = decl.closed { line.append(literal(closed)) }
    addLine(indent: 0, covering: decl.span)
  }

  private mutating func entity(_ decl: EntityDecl, indent: Int) {
    startLine(word(Self.keyword(of: decl.level), at: decl.span.start), literal(decl.id.span))
    if let name = decl.name { line.append(literal(name.span)) }
    if let first = decl.parents.first {
      line.append(word("in", at: first.span.start))
      for parent in decl.parents { appendListElement(reference(parent)) }
      endList()
    }
    guard let body = decl.body else {
      addLine(indent: indent, covering: decl.span)
      return
    }
    if decl.members.count == 1, let only = decl.members.first, !writer.hasComment(in: decl.span) {
      let people: (keyword: StaticString, names: [Identifier], span: Span)? =
        switch only {
        case .admins(let names, let span): ("admin", names, span)
        case .leads(let names, let span): ("lead", names, span)
        case .objective: nil
        }
      if let people {
        let headerCount = line.count
        line.append(Piece(.word("{"), openingBrace(body)))
        appendPeople(people.keyword, people.names, people.span)
        line.append(Piece(.word("}"), closingBrace(body)))
        if fits(line, indent: indent) {
          addLine(indent: indent, covering: decl.span)
          return
        }
        line.removeSubrange(headerCount...)
      }
    }
    guard openBlock(body: body, isEmpty: decl.members.isEmpty, indent: indent) else { return }
    let inner = indent + PlanLayout.step
    for member in decl.members {
      switch member {
      case .admins(let people, let span):
        line.removeAll(keepingCapacity: true)
        appendPeople("admin", people, span)
        addLine(indent: inner, covering: span)
      case .leads(let people, let span):
        line.removeAll(keepingCapacity: true)
        appendPeople("lead", people, span)
        addLine(indent: inner, covering: span)
      case .objective(let objective):
        self.objective(objective, indent: inner)
      }
    }
    writer.closeBlock(closingBrace(body), indent: indent)
  }

  /// Appends `admin P, …` or `lead P, …`.
  private mutating func appendPeople(_ keyword: StaticString, _ people: [Identifier], _ span: Span) {
    line.append(word(keyword, at: span.start))
    for person in people { appendListElement(literal(person.span)) }
    endList()
  }

  private mutating func objective(_ decl: ObjectiveDecl, indent: Int) {
    startLine(word("objective", at: decl.span.start), literal(decl.id.span))
    if let title = decl.title { line.append(literal(title.span)) }
    if let reuses = decl.reuses {
      line.append(word("reuses", at: reuses.span.start))
      line.append(reference(reuses))
    }
    guard let body = decl.body else {
      addLine(indent: indent, covering: decl.span)
      return
    }
    let statements = decl.statements(in: source)
    guard openBlock(body: body, isEmpty: statements.isEmpty, indent: indent) else { return }
    let inner = indent + PlanLayout.step
    for statement in statements { objectiveStatement(statement, indent: inner) }
    writer.closeBlock(closingBrace(body), indent: indent)
  }

  private mutating func objectiveStatement(_ statement: ObjectiveStatement, indent: Int) {
    switch statement {
    case .keyResult(let decl):
      keyResult(decl, indent: indent)
      return
    case .cycle(let period, let span):
      startLine(word("cycle", at: span.start), self.period(period))
    case .owner(let person, let span):
      startLine(word("owner", at: span.start), literal(person.span))
    case .supports(let clause):
      line.removeAll(keepingCapacity: true)
      appendSupports(clause)
    case .shared(let span):
      startLine(word("shared", at: span.start))
    case .progressOverride(let value, let span):
      startLine(word("progress", at: span.start), literal(value.span), word("override", at: value.span.end))
    case .tags(let tags, let span):
      startLine(word("tag", at: span.start))
      for tag in tags { appendListElement(literal(tag.span)) }
      endList()
    case .note(let text, let span):
      startLine(word("note", at: span.start), literal(text.span))
    }
    addLine(indent: indent, covering: statement.span)
  }

  /// Appends `supports REF` and its `weight` and `accepted by` parts in the order written.
  private mutating func appendSupports(_ clause: SupportsClause) {
    line.append(word("supports", at: clause.span.start))
    line.append(reference(clause.target))
    let weightFirst = clause.weight.map { weight in clause.acceptedBy.map { weight.span.start < $0.span.start } ?? true
    }
    if weightFirst == true { appendWeight(of: clause) }
    if let person = clause.acceptedBy {
      line.append(word("accepted by", at: person.span.start))
      line.append(literal(person.span))
      if let date = clause.acceptedOn {
        line.append(word("on", at: date.span.start))
        line.append(literal(date.span))
      }
    }
    if weightFirst == false { appendWeight(of: clause) }
  }

  private mutating func appendWeight(of clause: SupportsClause) {
    guard let weight = clause.weight else { return }
    line.append(word("weight", at: weight.span.start))
    line.append(literal(weight.span))
  }

  // MARK: - Key results

  private mutating func keyResult(_ decl: KeyResultDecl, indent: Int) {
    startLine(word("kr", at: decl.span.start), literal(decl.id.span))
    if let title = decl.title { line.append(literal(title.span)) }
    // The clause that says what kind of measure this is stays on the `kr` line, unless a comment
    // sits before it (the comment must stay before it).
    let clauses = decl.clauses(in: source)
    var rest = clauses[...]
    if let first = rest.first, first.isKind, !writer.hasComment(in: Span(start: decl.span.start, end: first.span.end)) {
      append(first)
      rest = rest.dropFirst()
    }
    if !writer.hasComment(in: decl.span) {
      let headerCount = line.count
      for clause in rest { append(clause) }
      let hasCheckin = clauses.contains { $0.isCheckin }
      if rest.isEmpty || !hasCheckin && fits(line, indent: indent) {
        addLine(indent: indent, covering: decl.span)
        return
      }
      line.removeSubrange(headerCount...)
    }
    let end = Span(start: decl.span.end, end: decl.span.end)
    let open = decl.body.map(openingBrace) ?? end
    line.append(Piece(.word("{"), open))
    addLine(indent: indent, opensBlock: true)
    for clause in rest {
      line.removeAll(keepingCapacity: true)
      append(clause)
      addLine(indent: indent + PlanLayout.step, covering: clause.span)
    }
    writer.closeBlock(decl.body.map(closingBrace) ?? end, indent: indent)
  }

  private mutating func append(_ clause: KeyResultClause) {
    switch clause {
    case .range(let from, let to, let unit, let span):
      line.append(word("from", at: span.start))
      line.append(literal(from.span))
      line.append(word("to", at: to.span.start))
      line.append(literal(to.span))
      if let unit {
        line.append(word("unit", at: unit.span.start))
        line.append(literal(unit.span))
      }
    case .current(let value, let span):
      appendPair("current", at: span, value.span)
    case .checkin(let checkin):
      line.append(word("checkin", at: checkin.span.start))
      line.append(literal(checkin.date.span))
      line.append(literal(checkin.value.span))
      if let confidence = checkin.confidence { appendPair("confidence", at: confidence.span, confidence.span) }
      if let note = checkin.note { line.append(literal(note.span)) }
    case .milestone(let span):
      line.append(word("milestone", at: span.start))
    case .done(let date, let span):
      line.append(word("done", at: span.start))
      if let date { line.append(literal(date.span)) }
    case .progress(let value, let span):
      appendPair("progress", at: span, value.span)
    case .weight(let value, let span):
      appendPair("weight", at: span, value.span)
    case .owner(let person, let span):
      appendPair("owner", at: span, person.span)
    case .note(let text, let span):
      appendPair("note", at: span, text.span)
    case .source(let name, let span):
      appendPair("source", at: span, name.span)
    }
  }

  /// Appends `keyword` (written at the start of `span`) and the literal at `value`.
  private mutating func appendPair(_ keyword: StaticString, at span: Span, _ value: Span) {
    line.append(word(keyword, at: span.start))
    line.append(literal(value))
  }

  // MARK: - Policy

  private mutating func policy(_ decl: PolicyDecl) {
    startLine(word("policy", at: decl.span.start))
    guard openBlock(body: decl.body, isEmpty: decl.statements.isEmpty, indent: 0) else { return }
    for statement in decl.statements {
      line.removeAll(keepingCapacity: true)
      append(statement)
      addLine(indent: PlanLayout.step, covering: statement.span)
    }
    writer.closeBlock(closingBrace(decl.body), indent: 0)
  }

  private mutating func append(_ statement: PolicyStatement) {
    switch statement {
    case .maxParents(let value, let span):
      appendPair("max-parents", at: span, value.span)
    case .allow(let child, let parent, let span):
      line.append(word("allow", at: span.start))
      appendLevelPair(child, parent)
    case .deny(let child, let parent, let span):
      line.append(word("deny", at: span.start))
      appendLevelPair(child, parent)
    case .objectivesPerOwner(let limits, let span):
      line.append(word("objectives-per-owner", at: span.start))
      for limit in limits {
        line.append(literal(limit.level.span))
        appendListElement(literal(limit.limit.span))
      }
      endList()
    case .status(let thresholds, let span):
      line.append(word("status", at: span.start))
      for threshold in thresholds {
        line.append(literal(threshold.name.span))
        line.append(literal(threshold.threshold.span))
      }
    case .rule(let name, let setting, let span):
      line.append(word("rule", at: span.start))
      line.append(literal(name.span))
      line.append(literal(setting.span))
    }
  }

  /// `CHILD -> PARENT` of an `allow` or `deny` line.
  private mutating func appendLevelPair(_ child: Identifier, _ parent: Identifier) {
    line.append(literal(child.span))
    line.append(word("->", at: parent.span.start))
    line.append(literal(parent.span))
  }

  // MARK: - Lines

  /// Empties ``line`` and starts it with the pieces given.
  private mutating func startLine(_ first: Piece, _ second: Piece? = nil, _ third: Piece? = nil) {
    line.removeAll(keepingCapacity: true)
    line.append(first)
    if let second { line.append(second) }
    if let third { line.append(third) }
  }

  /// Hands ``line`` to the writer as one statement.
  private mutating func addLine(indent: Int, covering: Span? = nil, opensBlock: Bool = false) {
    writer.statement(line, indent: indent, covering: covering, opensBlock: opensBlock)
  }

  /// Appends the last piece of an element of a comma-separated list: a comma follows it unless
  /// ``endList()`` finds it is the last.
  private mutating func appendListElement(_ piece: Piece) {
    var piece = piece
    piece.comma = true
    line.append(piece)
  }

  /// Ends a list: its last element takes no comma.
  private mutating func endList() {
    if !line.isEmpty { line[line.count - 1].comma = false }
  }

  /// Prints ``line`` (the header) with ` {` and returns true, or with ` {}` and false for an
  /// empty block without comments.
  private mutating func openBlock(body: Span, isEmpty: Bool, indent: Int) -> Bool {
    if isEmpty, !writer.hasComment(in: body) {
      line.append(Piece(.word("{}"), body))
      addLine(indent: indent, covering: body)
      return false
    }
    line.append(Piece(.word("{"), openingBrace(body)))
    addLine(indent: indent, opensBlock: true)
    return true
  }

  private func openingBrace(_ body: Span) -> Span {
    Span(start: body.start, end: min(body.start + 1, body.end))
  }

  private func closingBrace(_ body: Span) -> Span {
    Span(start: body.end > body.start ? body.end - 1 : body.start, end: body.end)
  }

  /// Whether `pieces` joined by single spaces fit in ``PlanFormatter/lineLimit`` at `indent`.
  private func fits(_ pieces: [Piece], indent: Int) -> Bool {
    var width = indent + max(0, pieces.count - 1)
    for piece in pieces {
      width += characterCount(of: piece)
      if width > PlanFormatter.lineLimit { return false }
    }
    return true
  }

  /// The characters `piece` prints, its comma included: one per byte when they are all ASCII.
  private func characterCount(of piece: Piece) -> Int {
    writer.withBytes(of: piece) { bytes in
      let comma = piece.comma ? 1 : 0
      guard bytes.contains(where: { $0 >= 0x80 }) else { return bytes.count + comma }
      let text = String(decoding: bytes, as: UTF8.self)
      return (piece.comma ? text + "," : text).count
    }
  }

  /// A keyword (or `->`): an empty span at `position`, where it stands in the source.
  private func word(_ text: StaticString, at position: UInt32) -> Piece {
    Piece(.word(text), Span(start: position, end: position))
  }

  /// The keyword that declares an entity of `level`.
  private static func keyword(of level: Level) -> StaticString {
    switch level {
    case .company: "company"
    case .unit: "unit"
    case .team: "team"
    case .person: "person"
    }
  }

  /// A token printed exactly as written.
  private func literal(_ span: Span) -> Piece {
    Piece(.source(span), span)
  }

  /// A period as written; a range loses any white space around its `..`.
  private mutating func period(_ period: PeriodSyntax) -> Piece {
    let written = writer.sourceBytes(period.span)
    // White space in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
    guard written.contains(where: { $0 >= 0x80 || (0x09...0x0D).contains($0) || $0 == 0x20 }) else {
      return literal(period.span)
    }
    let kept = String(decoding: written, as: UTF8.self).filter { !$0.isWhitespace }
    return Piece(writer.keep(kept.utf8), period.span)
  }

  /// A reference's parts joined by dots: as written when nothing stands between them.
  private mutating func reference(_ reference: Reference) -> Piece {
    let parts = reference.parts
    let joinedAsWritten = parts.indices.dropFirst().allSatisfy { index in
      parts[index].span.start == parts[index - 1].span.end + 1
    }
    if let first = parts.first, let last = parts.last, joinedAsWritten {
      return Piece(.source(Span(start: first.span.start, end: last.span.end)), reference.span)
    }
    var joined: [UInt8] = []
    for (index, part) in parts.enumerated() {
      if index > 0 { joined.append(UInt8(ascii: ".")) }
      joined.append(contentsOf: writer.sourceBytes(part.span))
    }
    return Piece(writer.keep(joined), reference.span)
  }
}

extension KeyResultClause {
  /// `from … to …` or `milestone`: the clause that says what kind of measure a key result is.
  fileprivate var isKind: Bool {
    switch self {
    case .range, .milestone: true
    default: false
    }
  }

  fileprivate var isCheckin: Bool {
    if case .checkin = self { return true }
    return false
  }
}

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

  /// Parses and formats `file`; files with any parse diagnostic are left alone.
  public static func format(_ file: SourceFile) -> Outcome {
    let (syntax, diagnostics) = PlanParser.parse(file, keepingStatements: true)
    guard diagnostics.isEmpty else { return .invalid(diagnostics) }
    return .formatted(format(file, syntax))
  }

  /// The canonical text of `file`, whose tree is `syntax`.
  ///
  /// Only for files that parsed without diagnostics: a tree with errors lacks the
  /// statements that failed to parse, and they would be dropped.
  public static func format(_ file: SourceFile, _ syntax: SyntaxFile) -> String {
    var layout = PlanLayout(writer: FormatWriter(bytes: file.bytes, comments: syntax.comments), source: file)
    layout.file(syntax)
    return layout.writer.rendered()
  }
}

/// Decides the layout of each construct and hands its lines to a ``FormatWriter``.
///
/// Recursion follows the grammar's fixed nesting (entity › objective › key result), so
/// its depth is bounded whatever the input.
struct PlanLayout {
  var writer: FormatWriter
  /// The file being formatted (key results read their clauses from it).
  let source: SourceFile

  private static let step = FormatWriter.indentWidth

  mutating func file(_ syntax: SyntaxFile) {
    var previousTookLines = false
    for (index, item) in syntax.items.enumerated() {
      let groupStart = writer.lines.count
      writer.placeComments(before: item.span.start, indent: 0)
      let firstLine = writer.lines.count
      switch item {
      case .include(let decl):
        let pieces = [word("include", at: decl.span.start), literal(decl.path.span)]
        writer.statement(pieces, indent: 0, covering: decl.span)
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
    }
    writer.placeComments(before: .max, indent: 0)
  }

  // MARK: - Declarations

  private mutating func cycle(_ decl: CycleDecl) {
    var pieces = [word("cycle", at: decl.span.start)]
    if let name = decl.name { pieces.append(literal(name.span)) }
    if let period = decl.period { pieces.append(self.period(period)) }
    if let closed = decl.closed { pieces.append(literal(closed)) }
    writer.statement(pieces, indent: 0, covering: decl.span)
  }

  private mutating func entity(_ decl: EntityDecl, indent: Int) {
    var header = [word(decl.level.rawValue, at: decl.span.start), literal(decl.id.span)]
    if let name = decl.name { header.append(literal(name.span)) }
    if let first = decl.parents.first {
      header.append(word("in", at: first.span.start))
      header.append(contentsOf: list(decl.parents.map { [reference($0)] }))
    }
    guard let body = decl.body else {
      writer.statement(header, indent: indent, covering: decl.span)
      return
    }
    if decl.members.count == 1, let only = decl.members.first, !writer.hasComment(in: decl.span) {
      let members: [Piece]? =
        switch only {
        case .admins(let people, let span): peopleLine("admin", people, span)
        case .leads(let people, let span): peopleLine("lead", people, span)
        case .objective: nil
        }
      if let members {
        let oneLine = header + [Piece("{", openingBrace(body))] + members + [Piece("}", closingBrace(body))]
        if fits(oneLine, indent: indent) {
          writer.statement(oneLine, indent: indent, covering: decl.span)
          return
        }
      }
    }
    guard openBlock(header, body: body, isEmpty: decl.members.isEmpty, indent: indent) else { return }
    let inner = indent + PlanLayout.step
    for member in decl.members {
      switch member {
      case .admins(let people, let span):
        writer.statement(peopleLine("admin", people, span), indent: inner, covering: span)
      case .leads(let people, let span):
        writer.statement(peopleLine("lead", people, span), indent: inner, covering: span)
      case .objective(let objective):
        self.objective(objective, indent: inner)
      }
    }
    writer.closeBlock(closingBrace(body), indent: indent)
  }

  /// `admin P, …` or `lead P, …`.
  private func peopleLine(_ keyword: String, _ people: [Identifier], _ span: Span) -> [Piece] {
    [word(keyword, at: span.start)] + list(people.map { [literal($0.span)] })
  }

  private mutating func objective(_ decl: ObjectiveDecl, indent: Int) {
    var header = [word("objective", at: decl.span.start), literal(decl.id.span)]
    if let title = decl.title { header.append(literal(title.span)) }
    if let reuses = decl.reuses {
      header.append(contentsOf: [word("reuses", at: reuses.span.start), reference(reuses)])
    }
    guard let body = decl.body else {
      writer.statement(header, indent: indent, covering: decl.span)
      return
    }
    let statements = decl.statements(in: source)
    guard openBlock(header, body: body, isEmpty: statements.isEmpty, indent: indent) else { return }
    let inner = indent + PlanLayout.step
    for statement in statements { objectiveStatement(statement, indent: inner) }
    writer.closeBlock(closingBrace(body), indent: indent)
  }

  private mutating func objectiveStatement(_ statement: ObjectiveStatement, indent: Int) {
    let pieces: [Piece]
    switch statement {
    case .keyResult(let decl):
      keyResult(decl, indent: indent)
      return
    case .cycle(let period, let span):
      pieces = [word("cycle", at: span.start), self.period(period)]
    case .owner(let person, let span):
      pieces = [word("owner", at: span.start), literal(person.span)]
    case .supports(let clause):
      pieces = supports(clause)
    case .shared(let span):
      pieces = [word("shared", at: span.start)]
    case .progressOverride(let value, let span):
      pieces = [word("progress", at: span.start), literal(value.span), word("override", at: value.span.end)]
    case .tags(let tags, let span):
      pieces = [word("tag", at: span.start)] + list(tags.map { [literal($0.span)] })
    case .note(let text, let span):
      pieces = [word("note", at: span.start), literal(text.span)]
    }
    writer.statement(pieces, indent: indent, covering: statement.span)
  }

  /// `supports REF` and its `weight` and `accepted by` parts in the order written.
  private func supports(_ clause: SupportsClause) -> [Piece] {
    var parts: [(start: UInt32, pieces: [Piece])] = []
    if let weight = clause.weight {
      parts.append((weight.span.start, [word("weight", at: weight.span.start), literal(weight.span)]))
    }
    if let person = clause.acceptedBy {
      var accepted = [word("accepted by", at: person.span.start), literal(person.span)]
      if let date = clause.acceptedOn {
        accepted.append(contentsOf: [word("on", at: date.span.start), literal(date.span)])
      }
      parts.append((person.span.start, accepted))
    }
    return [word("supports", at: clause.span.start), reference(clause.target)]
      + parts.sorted { $0.start < $1.start }.flatMap(\.pieces)
  }

  // MARK: - Key results

  private mutating func keyResult(_ decl: KeyResultDecl, indent: Int) {
    var header = [word("kr", at: decl.span.start), literal(decl.id.span)]
    if let title = decl.title { header.append(literal(title.span)) }
    // The clause that says what kind of measure this is stays on the `kr` line, unless a comment
    // sits before it (the comment must stay before it).
    let clauses = decl.clauses(in: source)
    var rest = clauses[...]
    if let first = rest.first, first.isKind, !writer.hasComment(in: Span(start: decl.span.start, end: first.span.end)) {
      header.append(contentsOf: pieces(of: first))
      rest = rest.dropFirst()
    }
    if !writer.hasComment(in: decl.span) {
      let oneLine = header + rest.flatMap(pieces(of:))
      let hasCheckin = clauses.contains { $0.isCheckin }
      if rest.isEmpty || !hasCheckin && fits(oneLine, indent: indent) {
        writer.statement(oneLine, indent: indent, covering: decl.span)
        return
      }
    }
    let end = Span(start: decl.span.end, end: decl.span.end)
    let open = decl.body.map(openingBrace) ?? end
    writer.statement(header + [Piece("{", open)], indent: indent, opensBlock: true)
    for clause in rest {
      writer.statement(pieces(of: clause), indent: indent + PlanLayout.step, covering: clause.span)
    }
    writer.closeBlock(decl.body.map(closingBrace) ?? end, indent: indent)
  }

  private func pieces(of clause: KeyResultClause) -> [Piece] {
    switch clause {
    case .range(let from, let to, let unit, let span):
      var pieces = [word("from", at: span.start), literal(from.span), word("to", at: to.span.start), literal(to.span)]
      if let unit { pieces.append(contentsOf: [word("unit", at: unit.span.start), literal(unit.span)]) }
      return pieces
    case .current(let value, let span):
      return [word("current", at: span.start), literal(value.span)]
    case .checkin(let checkin):
      var pieces = [word("checkin", at: checkin.span.start), literal(checkin.date.span), literal(checkin.value.span)]
      if let confidence = checkin.confidence {
        pieces.append(contentsOf: [word("confidence", at: confidence.span.start), literal(confidence.span)])
      }
      if let note = checkin.note { pieces.append(literal(note.span)) }
      return pieces
    case .milestone(let span):
      return [word("milestone", at: span.start)]
    case .done(let date, let span):
      return [word("done", at: span.start)] + (date.map { [literal($0.span)] } ?? [])
    case .progress(let value, let span):
      return [word("progress", at: span.start), literal(value.span)]
    case .weight(let value, let span):
      return [word("weight", at: span.start), literal(value.span)]
    case .owner(let person, let span):
      return [word("owner", at: span.start), literal(person.span)]
    case .note(let text, let span):
      return [word("note", at: span.start), literal(text.span)]
    case .source(let name, let span):
      return [word("source", at: span.start), literal(name.span)]
    }
  }

  // MARK: - Policy

  private mutating func policy(_ decl: PolicyDecl) {
    let header = [word("policy", at: decl.span.start)]
    guard openBlock(header, body: decl.body, isEmpty: decl.statements.isEmpty, indent: 0) else { return }
    for statement in decl.statements {
      writer.statement(pieces(of: statement), indent: PlanLayout.step, covering: statement.span)
    }
    writer.closeBlock(closingBrace(decl.body), indent: 0)
  }

  private func pieces(of statement: PolicyStatement) -> [Piece] {
    switch statement {
    case .maxParents(let value, let span):
      return [word("max-parents", at: span.start), literal(value.span)]
    case .allow(let child, let parent, let span):
      return [word("allow", at: span.start)] + levelPair(child, parent)
    case .deny(let child, let parent, let span):
      return [word("deny", at: span.start)] + levelPair(child, parent)
    case .objectivesPerOwner(let limits, let span):
      return [word("objectives-per-owner", at: span.start)]
        + list(limits.map { [literal($0.level.span), literal($0.limit.span)] })
    case .status(let thresholds, let span):
      return [word("status", at: span.start)]
        + thresholds.flatMap { [literal($0.name.span), literal($0.threshold.span)] }
    case .rule(let name, let setting, let span):
      return [word("rule", at: span.start), literal(name.span), literal(setting.span)]
    }
  }

  /// `CHILD -> PARENT` of an `allow` or `deny` line.
  private func levelPair(_ child: Identifier, _ parent: Identifier) -> [Piece] {
    [literal(child.span), word("->", at: parent.span.start), literal(parent.span)]
  }

  // MARK: - Pieces

  /// Prints `header {` and returns true, or `header {}` and false for an empty block without comments.
  private mutating func openBlock(_ header: [Piece], body: Span, isEmpty: Bool, indent: Int) -> Bool {
    if isEmpty, !writer.hasComment(in: body) {
      writer.statement(header + [Piece("{}", body)], indent: indent, covering: body)
      return false
    }
    writer.statement(header + [Piece("{", openingBrace(body))], indent: indent, opensBlock: true)
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
      width += piece.text.count
      if width > PlanFormatter.lineLimit { return false }
    }
    return true
  }

  /// A keyword (or `->`): an empty span at `position`, where it stands in the source.
  private func word(_ text: String, at position: UInt32) -> Piece {
    Piece(text, Span(start: position, end: position))
  }

  /// A token printed exactly as written.
  private func literal(_ span: Span) -> Piece {
    Piece(writer.text(span), span)
  }

  /// A period as written; a range loses any white space around its `..`.
  private func period(_ period: PeriodSyntax) -> Piece {
    let written = writer.text(period.span)
    return Piece(written.filter { !$0.isWhitespace }, period.span)
  }

  private func reference(_ reference: Reference) -> Piece {
    Piece(reference.parts.map { writer.text($0.span) }.joined(separator: "."), reference.span)
  }

  /// The elements of a comma-separated list, each but the last ending in a comma.
  private func list(_ elements: [[Piece]]) -> [Piece] {
    var pieces: [Piece] = []
    for (index, element) in elements.enumerated() {
      pieces.append(contentsOf: element)
      if index < elements.count - 1, !pieces.isEmpty { pieces[pieces.count - 1].text += "," }
    }
    return pieces
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

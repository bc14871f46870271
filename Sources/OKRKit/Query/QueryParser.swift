/// Parses query text (LANGUAGE.md §7) into ``Query`` values, reusing the plan language's lexer.
///
/// Several queries may be separated by `;` or line breaks. Listing conditions are checked
/// against the fields' types here, so `progress < 2026-02-20` or a misspelt field is an error
/// before anything runs. Parentheses and `not` nest at most ``maximumNesting`` levels deep.
public enum QueryParser {
  /// The deepest nesting of parentheses and `not` a condition may have.
  public static let maximumNesting = 200

  /// The words that start a query.
  public static let commands: [String] =
    ["show", "tree"] + QueryRelation.allCases.map(\.rawValue)
    + ["impact", "orphans", "progress", "history", "check", "stats", "set", "reset"]
    + ListingKind.allCases.map(\.rawValue)

  /// The fields `set` can change.
  public static let settableFields = ["current", "value", "progress", "override", "done", "weight"]

  /// The queries in `text`, in order; an empty text gives none.
  public static func parse(_ text: String) throws(QueryError) -> [Query] {
    var parser = try QueryTokenParser(text)
    return try parser.parseAll()
  }
}

/// The recursive-descent parser over the lexed query tokens.
private struct QueryTokenParser {
  let bytes: [UInt8]
  let tokens: [Token]
  var position = 0

  init(_ text: String) throws(QueryError) {
    let bytes = Array(text.utf8)
    var tokens: [Token] = []
    var problems: [Diagnostic] = []
    bytes.withUnsafeBufferPointer { buffer in
      var lexer = Lexer(bytes: buffer, file: FileID(0))
      while true {
        let token = lexer.next()
        tokens.append(token)
        if token.kind == .endOfFile { break }
      }
      problems = lexer.diagnostics
    }
    if let problem = problems.first {
      throw QueryError(problem.message, at: problem.location.span, label: problem.primaryLabel, help: problem.help)
    }
    self.bytes = bytes
    self.tokens = tokens
  }

  // MARK: - Tokens

  var current: Token { tokens[position] }

  func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }

  mutating func advance() {
    if position < tokens.count - 1 { position += 1 }
  }

  func text(_ token: Token) -> String {
    String(decoding: bytes[Int(token.span.start)..<Int(token.span.end)], as: UTF8.self)
  }

  func isWord(_ word: String) -> Bool { current.kind == .identifier && text(current) == word }

  var atEndOfQuery: Bool {
    switch current.kind {
    case .endOfFile, .semicolon, .newline: true
    default: false
    }
  }

  /// How the current token reads in an error message.
  var found: String {
    switch current.kind {
    case .endOfFile: "the end of the query"
    case .newline: "the end of the line"
    default: "'\(String(text(current).prefix(40)))'"
    }
  }

  /// A span at the current token, or just after the previous one at the end of the query.
  var here: Span {
    if current.kind == .endOfFile, position > 0 {
      let end = tokens[position - 1].span.end
      return Span(start: end, end: end + 1)
    }
    return current.span
  }

  // MARK: - Queries

  mutating func parseAll() throws(QueryError) -> [Query] {
    var queries: [Query] = []
    while true {
      while current.kind == .semicolon || current.kind == .newline { advance() }
      if current.kind == .endOfFile { return queries }
      let start = current
      let query = try parseQuery()
      guard atEndOfQuery else {
        throw QueryError(
          "unexpected \(found) after the query", at: here, label: "not part of '\(text(start))'",
          help: help(after: query))
      }
      queries.append(query)
    }
  }

  private func help(after query: Query) -> String {
    switch query {
    case .listing: "a listing takes where, sort and limit, in that order; separate queries with ;"
    case .tree: "write tree [REF] [depth N]; separate queries with ;"
    case .impact: "write impact REF [on REF]; separate queries with ;"
    case .progress: "write progress REF [at DATE]; separate queries with ;"
    default: "separate queries with ;"
    }
  }

  mutating func parseQuery() throws(QueryError) -> Query {
    guard current.kind == .identifier else {
      throw QueryError(
        "expected a query, found \(found)", at: here, label: "not a query",
        help: "queries start with " + QueryParser.commands.map { "`\($0)`" }.joined(separator: ", "))
    }
    let word = text(current)
    let wordSpan = current.span
    advance()
    switch word {
    case "show":
      return .show(try reference(after: word))
    case "tree":
      var root: QueryReference?
      if !atEndOfQuery, !(isWord("depth") && peek(1).kind == .number) { root = try reference(after: word) }
      var depth: Int?
      if isWord("depth") {
        advance()
        depth = try wholeNumber(after: "depth")
      }
      return .tree(root, depth: depth)
    case "impact":
      let source = try reference(after: word)
      var target: QueryReference?
      if isWord("on") {
        advance()
        target = try reference(after: "on")
      }
      return .impact(source, on: target)
    case "orphans": return .orphans
    case "progress":
      let node = try reference(after: word)
      var date: Day?
      if isWord("at") {
        advance()
        date = try day(after: "at")
      }
      return .progress(node, at: date)
    case "history": return .history(try reference(after: word))
    case "check": return .check
    case "stats": return .stats
    case "reset": return .reset
    case "set":
      let target = try reference(after: word)
      guard current.kind == .identifier else {
        throw QueryError(
          "expected the field to change after '\(target)', found \(found)", at: here,
          label: "expected a field", help: "write set REF FIELD VALUE, e.g. set acme.csat.nps current 45")
      }
      let field = QueryWord(text(current), span: current.span)
      guard QueryParser.settableFields.contains(field.text) else {
        throw QueryError(
          "'\(field.text)' cannot be changed by set", at: field.span, label: "not a settable field",
          help: Suggestions.didYouMean(field.text, among: QueryParser.settableFields)
            ?? "set changes " + QueryParser.settableFields.map { "`\($0)`" }.joined(separator: ", "))
      }
      advance()
      return .set(target, field: field, value: try literal(after: field.text))
    default:
      if let relation = QueryRelation(rawValue: word) { return .related(relation, try reference(after: word)) }
      if let kind = ListingKind(rawValue: word) { return .listing(try listing(kind)) }
      throw QueryError(
        "unknown query '\(word)'", at: wordSpan, label: "not a query",
        help: Suggestions.didYouMean(word, among: QueryParser.commands)
          ?? "queries start with " + QueryParser.commands.map { "`\($0)`" }.joined(separator: ", "))
    }
  }

  mutating func reference(after word: String) throws(QueryError) -> QueryReference {
    guard current.kind == .identifier else {
      throw QueryError(
        "expected a name after '\(word)', found \(found)", at: here, label: "expected a name",
        help: "name an entity, objective or key result, e.g. \(word) acme.csat")
    }
    let start = current.span.start
    let parts = try dottedName()
    var linkParent: [String]?
    var linkParentSpan: Span?
    if current.kind == .arrow {
      advance()
      guard current.kind == .identifier else {
        throw QueryError(
          "expected the parent after '->', found \(found)", at: here, label: "expected a name",
          help: "a link is written CHILD->PARENT, e.g. cs.csat95->acme.csat")
      }
      let parentStart = current.span.start
      linkParent = try dottedName()
      linkParentSpan = Span(start: parentStart, end: tokens[position - 1].span.end)
    }
    return QueryReference(
      parts: parts, linkParent: linkParent, span: Span(start: start, end: tokens[position - 1].span.end),
      linkParentSpan: linkParentSpan)
  }

  /// `a.b.c`: identifiers joined by dots, with no spaces around the dots.
  mutating func dottedName() throws(QueryError) -> [String] {
    var parts = [text(current)]
    advance()
    while current.kind == .dot, current.span.start == tokens[position - 1].span.end {
      advance()
      guard current.kind == .identifier, current.span.start == tokens[position - 1].span.end else {
        throw QueryError(
          "expected a name after '.', found \(found)", at: here, label: "expected a name",
          help: "qualified names are written acme.csat or acme.csat.nps")
      }
      parts.append(text(current))
      advance()
    }
    return parts
  }

  mutating func wholeNumber(after word: String) throws(QueryError) -> Int {
    let written = text(current)
    guard current.kind == .number, !written.hasSuffix("%"),
      let value = Double(written.filter { $0 != "_" }), value >= 0, value == value.rounded()
    else {
      throw QueryError(
        "expected a whole number after '\(word)', found \(found)", at: here,
        label: "expected a whole number", help: "e.g. \(word) 10")
    }
    advance()
    return Int(min(value, Double(Int32.max)))
  }

  mutating func day(after word: String) throws(QueryError) -> Day {
    guard current.kind == .date else {
      throw QueryError(
        "expected a date after '\(word)', found \(found)", at: here, label: "expected a date",
        help: "write a date as 2026-02-20")
    }
    guard let day = Day(text(current)) else {
      throw QueryError(
        "'\(text(current))' is not a date", at: current.span, label: "no such day",
        help: "write a date that exists, as YYYY-MM-DD")
    }
    advance()
    return day
  }

  mutating func literal(after word: String) throws(QueryError) -> QueryLiteral {
    let token = current
    let written = text(token)
    switch token.kind {
    case .number:
      let isPercent = written.hasSuffix("%")
      let digits = String(written.dropLast(isPercent ? 1 : 0).filter { $0 != "_" })
      guard let value = Double(digits), value.isFinite else {
        throw QueryError(
          "'\(written)' is not a number", at: token.span, label: "not a number",
          help: "write a number such as 42, 4.8 or 50%")
      }
      advance()
      return QueryLiteral(.number(value, isPercent: isPercent), span: token.span)
    case .string:
      advance()
      return QueryLiteral(.string(StringLiteral.decode(bytes, token.span)), span: token.span)
    case .date:
      return QueryLiteral(.date(try day(after: word)), span: token.span)
    case .period:
      guard let period = Period(written) else {
        throw QueryError(
          "'\(written)' is not a period", at: token.span, label: "not a period",
          help: "write 2026, 2026-Q1, 2026-H2 or 2026-03")
      }
      advance()
      return QueryLiteral(.period(period), span: token.span)
    case .identifier:
      let start = token.span.start
      let parts = try dottedName()
      let span = Span(start: start, end: tokens[position - 1].span.end)
      return QueryLiteral(parts.count == 1 ? .word(parts[0]) : .reference(parts), span: span)
    default:
      throw QueryError(
        "expected a value after '\(word)', found \(found)", at: here, label: "expected a value",
        help: "values are written 50%, 0.5, \"text\", 2026-02-20, 2026-Q1, team, at-risk or acme.csat")
    }
  }

  // MARK: - Listings

  mutating func listing(_ kind: ListingKind) throws(QueryError) -> QueryListing {
    var listing = QueryListing(kind: kind)
    if isWord("where") {
      advance()
      listing.filter = try disjunction(kind, depth: 0)
    }
    if isWord("sort") {
      advance()
      listing.sort = QuerySort(field: try field(of: kind, after: "sort"), descending: false)
      if isWord("desc") {
        listing.sort?.descending = true
        advance()
      } else if isWord("asc") {
        advance()
      }
    }
    if isWord("limit") {
      advance()
      listing.limit = try wholeNumber(after: "limit")
    }
    return listing
  }

  mutating func field(of kind: ListingKind, after word: String) throws(QueryError) -> QueryField {
    guard current.kind == .identifier else {
      throw QueryError(
        "expected a field after '\(word)', found \(found)", at: here, label: "expected a field",
        help: "the fields of \(kind.rawValue) are " + kind.fields.map(\.name).joined(separator: ", "))
    }
    let name = text(current)
    guard let field = kind.field(named: name) else {
      throw QueryError(
        "\(kind.rawValue) have no field '\(name)'", at: current.span,
        label: "not a field of \(kind.rawValue)",
        help: Suggestions.didYouMean(name, among: kind.fields.map(\.name))
          ?? "the fields of \(kind.rawValue) are " + kind.fields.map(\.name).joined(separator: ", "))
    }
    advance()
    return field
  }

  mutating func disjunction(_ kind: ListingKind, depth: Int) throws(QueryError) -> QueryFilter {
    var terms = [try conjunction(kind, depth: depth)]
    while isWord("or") {
      advance()
      terms.append(try conjunction(kind, depth: depth))
    }
    return terms.count == 1 ? terms[0] : .or(terms)
  }

  mutating func conjunction(_ kind: ListingKind, depth: Int) throws(QueryError) -> QueryFilter {
    var terms = [try negation(kind, depth: depth)]
    while isWord("and") {
      advance()
      terms.append(try negation(kind, depth: depth))
    }
    return terms.count == 1 ? terms[0] : .and(terms)
  }

  mutating func negation(_ kind: ListingKind, depth: Int) throws(QueryError) -> QueryFilter {
    if isWord("not") || current.kind == .leftParen {
      guard depth < QueryParser.maximumNesting else {
        throw QueryError(
          "the condition nests more than \(QueryParser.maximumNesting) levels deep", at: current.span,
          label: "too deep", help: "simplify the condition: and/or chains need no parentheses")
      }
    }
    if isWord("not") {
      advance()
      return .not(try negation(kind, depth: depth + 1))
    }
    if current.kind == .leftParen {
      let open = current.span
      advance()
      let inner = try disjunction(kind, depth: depth + 1)
      guard current.kind == .rightParen else {
        throw QueryError(
          "expected ')' to close the '(' at column \(column(of: open)), found \(found)", at: here,
          label: "expected ')'", help: "close every ( with )")
      }
      advance()
      return inner
    }
    return .comparison(try comparison(kind))
  }

  mutating func comparison(_ kind: ListingKind) throws(QueryError) -> QueryComparison {
    let fieldSpan = here
    let field = try field(of: kind, after: position > 0 ? text(tokens[position - 1]) : "where")
    let op: ComparisonOperator
    switch current.kind {
    case .equal: op = .equal
    case .notEqual: op = .notEqual
    case .less: op = .less
    case .lessEqual: op = .lessEqual
    case .greater: op = .greater
    case .greaterEqual: op = .greaterEqual
    default:
      guard isWord("contains") else {
        throw QueryError(
          "expected an operator after '\(field.name)', found \(found)", at: here,
          label: "expected =, !=, <, <=, >, >= or contains", help: "e.g. \(field.name) = …")
      }
      op = .contains
    }
    let opWord = QueryWord(text(current), span: current.span)
    advance()
    let value = try literal(after: opWord.text)
    try QueryComparison.check(field: field, op: opWord, operator: op, value: value)
    return QueryComparison(field: field, fieldSpan: fieldSpan, op: op, value: value)
  }

  private func column(of span: Span) -> Int {
    LineTable(bytes).location(of: Int(span.start)).column
  }
}

/// Parses plan files into ``SyntaxFile`` trees.
public enum PlanParser {
  /// Parses one file. Syntax and literal problems come back as diagnostics; the tree holds
  /// everything that parsed, so later phases can still check the rest of the file.
  ///
  /// Large files are split at top-level block boundaries and the pieces parsed on all cores;
  /// if any piece reports a problem the file is parsed again in one piece, so diagnostics
  /// are always exactly those of a sequential parse.
  public static func parse(_ file: SourceFile) -> (syntax: SyntaxFile, diagnostics: [Diagnostic]) {
    parse(file, keepingStatements: false)
  }

  /// Parses one file; with `keepingStatements`, every objective keeps its statements and every
  /// key result its clauses (for tools that walk the whole tree, such as the formatter, rather
  /// than read them again one by one). `minimumChunk` is the smallest piece a file is cut into
  /// (tests use small ones).
  static func parse(
    _ file: SourceFile, keepingStatements: Bool, minimumChunk: Int = ChunkSplitter.minimumChunk
  ) -> (syntax: SyntaxFile, diagnostics: [Diagnostic]) {
    file.bytes.withUnsafeBufferPointer { buffer in
      let chunks = ChunkSplitter.chunks(of: buffer, minimumChunk: minimumChunk)
      if chunks.count > 1 {
        var pieces = ParallelWork.map(Array(chunks.enumerated())) { table, range in
          parseRange(
            range, of: buffer, file: file.id, factTable: Int32(table), keepingStatements: keepingStatements)
        }
        if pieces.allSatisfy({ $0.diagnostics.isEmpty }) {
          let items = joinedItems(of: &pieces)
          var comments: [Span] = []
          var counts = DeclarationCounts()
          var factTables: [BodyFactTable] = []
          for piece in pieces {
            comments.append(contentsOf: piece.syntax.comments)
            counts.add(piece.syntax.counts)
            factTables.append(contentsOf: piece.syntax.factTables)
          }
          return (
            SyntaxFile(file: file.id, items: items, comments: comments, counts: counts, factTables: factTables), []
          )
        }
      }
      return parseRange(0..<buffer.count, of: buffer, file: file.id, keepingStatements: keepingStatements)
    }
  }

  /// The items of `pieces`, one piece after another, taken out of them. Each piece's items are
  /// moved on the core that takes that piece, and what they leave behind holds nothing to let go
  /// of: copying them (and then letting go of the copies taken from) counted a reference for
  /// every array in every declaration, 30 ms of processor time at a million objectives.
  private static func joinedItems(of pieces: inout [(syntax: SyntaxFile, diagnostics: [Diagnostic])])
    -> [SyntaxFile.Item]
  {
    let lists = pieces.indices.map { ItemList(taking: &pieces[$0].syntax.items) }
    var starts: [Int] = []
    var total = 0
    for list in lists {
      starts.append(total)
      total += list.count
    }
    return [SyntaxFile.Item](unsafeUninitializedCapacity: total) { buffer, initialized in
      nonisolated(unsafe) let slots = buffer
      _ = ParallelWork.map(Array(lists.indices)) { piece in
        var items = lists[piece].take()
        items.withUnsafeMutableBufferPointer { taken in
          _ = UnsafeMutableBufferPointer(rebasing: slots[starts[piece]..<starts[piece] + taken.count])
            .moveInitialize(fromContentsOf: taken)
          let empty = Span(start: 0, end: 0)
          let nothing = SyntaxFile.Item.include(IncludeDecl(path: StringLiteral(span: empty), span: empty))
          taken.initialize(repeating: nothing)
        }
      }
      initialized = total
    }
  }

  /// One piece's items, handed to the core that joins them.
  private final class ItemList: @unchecked Sendable {
    private var items: [SyntaxFile.Item] = []
    let count: Int

    init(taking items: inout [SyntaxFile.Item]) {
      swap(&self.items, &items)
      count = self.items.count
    }

    /// The items, leaving none here: the caller holds the only reference.
    func take() -> [SyntaxFile.Item] {
      var taken: [SyntaxFile.Item] = []
      swap(&taken, &items)
      return taken
    }
  }

  /// The statements of an objective parsed from `file`, read again from its source.
  static func statements(of objective: ObjectiveDecl, in file: SourceFile) -> [ObjectiveStatement] {
    file.bytes.withUnsafeBufferPointer { buffer in
      let end = min(Int(objective.span.end), buffer.count)
      let start = min(Int(objective.span.start), end)
      var parser = Parser(bytes: UnsafeBufferPointer(rebasing: buffer[0..<end]), file: file.id, start: start)
      return parser.statementsOfObjective()
    }
  }

  /// The clauses of a key result parsed from `file`, read again from its source.
  static func clauses(of keyResult: KeyResultDecl, in file: SourceFile) -> [KeyResultClause] {
    // The parser never makes a key result without a title; the clauses start after it.
    let title = keyResult.title ?? StringLiteral(span: keyResult.id.span)
    // Nothing after the title: no clauses (common for key results measured by their supporters).
    guard keyResult.span.end > title.span.end else { return [] }
    return file.bytes.withUnsafeBufferPointer { buffer in
      let end = min(Int(keyResult.span.end), buffer.count)
      let start = min(Int(title.span.end), end)
      var parser = Parser(bytes: UnsafeBufferPointer(rebasing: buffer[0..<end]), file: file.id, start: start)
      return parser.clauses(of: keyResult, title: title)
    }
  }

  /// Parses `range` of the buffer as a sequence of top-level declarations; spans stay file-wide.
  /// The objectives' and key results' facts go to table `factTable` of the file.
  static func parseRange(
    _ range: Range<Int>, of buffer: UnsafeBufferPointer<UInt8>, file: FileID, factTable: Int32 = 0,
    keepingStatements: Bool = false
  ) -> (syntax: SyntaxFile, diagnostics: [Diagnostic]) {
    var table = BodyFactTable()
    var parsed = parseRange(
      range, of: buffer, file: file, factTable: factTable, keepingStatements: keepingStatements, adding: &table)
    parsed.syntax.factTables = [table]
    return parsed
  }

  /// ``parseRange(_:of:file:factTable:keepingStatements:)``, adding the facts to `table` (which may
  /// hold those of other files) and leaving the tree without tables.
  private static func parseRange(
    _ range: Range<Int>, of buffer: UnsafeBufferPointer<UInt8>, file: FileID, factTable: Int32,
    keepingStatements: Bool, adding table: inout BodyFactTable
  ) -> (syntax: SyntaxFile, diagnostics: [Diagnostic]) {
    var parser = Parser(
      bytes: UnsafeBufferPointer(rebasing: buffer[0..<range.upperBound]), file: file,
      start: range.lowerBound)
    // A large piece's table is sized for its bytes; a small file's grows as usual, unless it is
    // parsed with others (``parse(together:)`` sizes their shared table once).
    if range.count >= ChunkSplitter.minimumChunk { table.reserve(forBytes: range.count) }
    return parse(with: &parser, factTable: factTable, keepingStatements: keepingStatements, adding: &table)
  }

  /// Parses the range `parser` was made or restarted for, adding the facts to `table` (into table
  /// number `factTable` of the file) and leaving the tree without tables.
  private static func parse(
    with parser: inout Parser, factTable: Int32, keepingStatements: Bool, adding table: inout BodyFactTable
  ) -> (syntax: SyntaxFile, diagnostics: [Diagnostic]) {
    parser.factTableNumber = factTable
    parser.keepsStatements = keepingStatements
    // Moved in and out, not copied: the parser appends to the only reference.
    swap(&parser.factTable, &table)
    let items = parser.parseFile()
    swap(&parser.factTable, &table)
    var diagnostics = parser.lexer.diagnostics
    diagnostics.append(contentsOf: parser.diagnostics)
    let syntax = SyntaxFile(file: parser.file, items: items, comments: parser.lexer.comments, counts: parser.counts)
    return (syntax, diagnostics.sortedByLocation())
  }

  /// Parses files one after another, as ``parse(_:)`` does each, except that the small ones (under
  /// ``ChunkSplitter/minimumChunk``, never cut into pieces) keep their facts in one table, which
  /// their trees share. A folder of
  /// thousands of small files then has a few large tables instead of five small arrays per file,
  /// which, let go of while the files' bytes stay, would leave the heap full of holes that handing
  /// memory back to the system has to visit one by one.
  ///
  /// The small files are read by one parser, restarted for each, which keeps the names it made;
  /// the shared table is sized once for all of them.
  static func parse(together files: [SourceFile]) -> [(syntax: SyntaxFile, diagnostics: [Diagnostic])] {
    var shared = BodyFactTable()
    shared.reserve(forBytes: files.reduce(0) { $1.bytes.count < ChunkSplitter.minimumChunk ? $0 + $1.bytes.count : $0 })
    var parsed: [(syntax: SyntaxFile, diagnostics: [Diagnostic])] = []
    parsed.reserveCapacity(files.count)
    var sharing: [Int] = []
    var parser: Parser?
    for file in files {
      guard file.bytes.count < ChunkSplitter.minimumChunk else {
        parsed.append(parse(file))
        continue
      }
      sharing.append(parsed.count)
      parsed.append(
        file.bytes.withUnsafeBufferPointer { buffer in
          if parser == nil {
            parser = Parser(bytes: buffer, file: file.id)
          } else {
            parser!.restart(bytes: buffer, file: file.id)
          }
          return parse(with: &parser!, factTable: 0, keepingStatements: false, adding: &shared)
        })
    }
    shared.isSharedByFiles = sharing.count > 1
    for index in sharing { parsed[index].syntax.factTables = [shared] }
    return parsed
  }
}

/// Finds places to cut a large file into pieces that parse independently.
enum ChunkSplitter {
  /// Files smaller than this are parsed in one piece.
  static let minimumChunk = 4 << 20
  /// Pieces per core: with eight, the cores take them as they come free and end within about an
  /// eighth of a core's share of each other (pieces of the same size take from 38 to 60 ms each at
  /// 100k objectives, so two per core could leave one core idle for a third of the parse), and the
  /// resolver lets go of a large file's facts in small steps as it builds the plan.
  static let piecesPerCore = 8

  /// Ranges covering the buffer, cut just after a line holding only `}` at column 0
  /// (the end of a top-level block in any formatted plan).
  static func chunks(of buffer: UnsafeBufferPointer<UInt8>, minimumChunk: Int = minimumChunk) -> [Range<Int>] {
    let pieces = min(ParallelWork.coreCount * piecesPerCore, buffer.count / minimumChunk)
    guard pieces > 1 else { return [0..<buffer.count] }
    var ranges: [Range<Int>] = []
    var start = 0
    for index in 1..<pieces {
      var cut = max(start, buffer.count * index / pieces)
      var found = false
      while cut + 2 < buffer.count {
        if buffer[cut] == UInt8(ascii: "\n"), buffer[cut + 1] == UInt8(ascii: "}"),
          buffer[cut + 2] == UInt8(ascii: "\n")
        {
          cut += 3
          found = true
          break
        }
        cut += 1
      }
      guard found else { break }
      ranges.append(start..<cut)
      start = cut
    }
    ranges.append(start..<buffer.count)
    return ranges
  }
}

/// A recursive-descent parser over the lexer's tokens, one token of lookahead.
///
/// Each statement parser reports at most one error and returns nil; the caller
/// then skips to the next statement boundary (``synchronize()``), so one
/// mistake gives one diagnostic and the rest of the file is still checked.
/// Nesting is bounded by the grammar (entity › objective › key result), so the
/// recursion depth is too.
struct Parser {
  var lexer: Lexer
  private(set) var diagnostics: [Diagnostic] = []
  /// How many declarations of each kind parsed so far.
  private(set) var counts = DeclarationCounts()
  /// Members, statements and clauses of the blocks being parsed. Each block collects into these
  /// and copies (members: moves) its own out at its end: one exactly sized array per block
  /// instead of an array regrown (and left with spare room) statement by statement. Clauses are
  /// kept only with the statements, and cleared when the next key result starts.
  private var memberScratch = MovingScratch<EntityMember>()
  private var statementScratch: [ObjectiveStatement] = []
  private var clauseScratch: [KeyResultClause] = []
  /// The key result ids of the objective being parsed, to count those not repeated.
  private var keyResultIDs = KeyResultIDs()
  /// The names of identifiers read so far.
  private var names = ShortNameCache()
  private var current: Token
  private var peeked: Token?
  private var bytes: UnsafeBufferPointer<UInt8>
  private(set) var file: FileID
  /// The end of the last token consumed.
  private var previousEnd: UInt32 = 0
  /// The kind of the last token consumed.
  private var previousKind: TokenKind = .newline
  private var syntaxErrorCount = 0
  /// Past this many syntax errors a file is not worth reading on (random bytes, a binary file).
  static let maximumSyntaxErrors = 1000

  /// Whether parsing gave up on the file (after reporting so).
  private var gaveUp = false
  /// Whether objectives keep their statements and key results their clauses even when they
  /// parsed without a problem.
  var keepsStatements = false
  /// What the objectives and key results say, and which of the file's tables this is.
  fileprivate(set) var factTable = BodyFactTable()
  var factTableNumber: Int32 = 0

  init(bytes: UnsafeBufferPointer<UInt8>, file: FileID, start: Int = 0) {
    self.bytes = bytes
    self.file = file
    self.previousEnd = UInt32(start)
    (lexer, current) = Self.lexer(bytes: bytes, file: file, start: start)
  }

  /// A lexer from `start` of `bytes`, and its first token.
  private static func lexer(bytes: UnsafeBufferPointer<UInt8>, file: FileID, start: Int) -> (Lexer, Token) {
    var lexer = Lexer(bytes: bytes, file: file, start: start)
    lexer.reportLimit = Parser.maximumSyntaxErrors
    let first = lexer.next()
    return (lexer, first)
  }

  /// Points the parser at another file, as a new parser would start, keeping only what does not
  /// depend on the file: the names it made (a folder's files name the same people and key results
  /// over and again), its scratch room and its fact table.
  mutating func restart(bytes: UnsafeBufferPointer<UInt8>, file: FileID, start: Int = 0) {
    // Field by field rather than from a new parser: that cost about 1,900 instructions per file
    // to make the new one's empty scratch and let go of the old one's.
    (self.bytes, self.file) = (bytes, file)
    (diagnostics, counts) = ([], DeclarationCounts())
    (previousEnd, previousKind, syntaxErrorCount, gaveUp) = (UInt32(start), .newline, 0, false)
    (lexer, current) = Self.lexer(bytes: bytes, file: file, start: start)
    peeked = nil
  }

  // MARK: - Token helpers

  /// Moves to the next token. Inlined (it is called once per token, from many places), with the
  /// rare steps out of line.
  @inline(__always)
  private mutating func advance() {
    previousEnd = current.span.end
    previousKind = current.kind
    if hasProblems || peeked != nil {
      advanceTheLongWay()
    } else {
      current = lexer.next()
    }
  }

  /// ``advance()`` once problems were reported (the parser may give up) or a token was peeked at.
  @inline(never)
  private mutating func advanceTheLongWay() {
    if hasProblems, giveUpWhenFull(at: current.span, adding: 0) {
      current = Token(kind: .endOfFile, span: Span(start: current.span.end, end: current.span.end))
      peeked = nil
      return
    }
    if let next = peeked {
      current = next
      peeked = nil
    } else {
      current = lexer.next()
    }
  }

  private mutating func peekNext() -> Token {
    if let peeked { return peeked }
    let next = lexer.next()
    peeked = next
    return next
  }

  private func text(_ token: Token) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(token.span.start)..<Int(token.span.end)]), as: UTF8.self)
  }

  private func isWord(_ token: Token, _ word: StaticString) -> Bool {
    guard token.kind == .identifier, token.span.length == word.utf8CodeUnitCount else { return false }
    let start = Int(token.span.start)
    return word.withUTF8Buffer { expected in
      for index in 0..<expected.count where bytes[start + index] != expected[index] { return false }
      return true
    }
  }

  private var atStatementEnd: Bool {
    switch current.kind {
    case .newline, .semicolon, .rightBrace, .endOfFile: true
    default: false
    }
  }

  private func location(_ span: Span) -> SourceLocation { SourceLocation(file: file, span: span) }

  /// How the current token reads in a message.
  private var currentDescription: String {
    switch current.kind {
    case .newline: "the end of the line"
    case .endOfFile: "the end of the file"
    case .string: "a string"
    case .invalid: "'\(TerminalText.escaped(String(text(current).prefix(20))))'"
    default: "'\(TerminalText.escaped(String(text(current).prefix(40))))'"
    }
  }

  private mutating func error(
    _ message: String, at span: Span? = nil, label: String? = nil, labels: [Diagnostic.Label] = [],
    help: String? = nil
  ) {
    var span = span ?? current.span
    // Bytes that are not UTF-8 were reported by the lexer already: one problem, one diagnostic.
    if current.kind == .invalid, span == current.span, bytes[Int(span.start)] >= 0x80 { return }
    guard !giveUpWhenFull(at: span, adding: 1) else { return }
    countError()
    if current.kind == .newline || current.kind == .endOfFile, span == current.span {
      // Point just after the previous token rather than at the line break.
      span = Span(start: previousEnd, end: previousEnd)
    }
    diagnostics.append(
      Diagnostic(.syntax, message, at: location(span), label: label, labels: labels, help: help))
  }

  private mutating func invalidLiteral(_ message: String, at span: Span, help: String) {
    guard !giveUpWhenFull(at: span, adding: 1) else { return }
    countError()
    diagnostics.append(Diagnostic(.invalidLiteral, message, at: location(span), help: help))
  }

  /// Whether any problem was found (or parsing gave up): until then there is no budget to check.
  private var hasProblems: Bool {
    syntaxErrorCount != 0 || lexer.hasProblems || gaveUp
  }

  /// Counts a parser error against the file's budget, which the lexer shares.
  private mutating func countError() {
    syntaxErrorCount += 1
    lexer.reportLimit = max(0, Parser.maximumSyntaxErrors - syntaxErrorCount)
  }

  /// When reporting `adding` more problems would go past ``maximumSyntaxErrors`` (counting the
  /// lexer's, and any it had to drop), says so once and returns true: the rest of the file is not read.
  private mutating func giveUpWhenFull(at span: Span, adding: Int) -> Bool {
    if gaveUp { return true }
    let full = lexer.droppedReports || syntaxErrorCount + lexer.diagnostics.count + adding > Parser.maximumSyntaxErrors
    guard full else { return false }
    gaveUp = true
    diagnostics.append(
      Diagnostic(
        .syntax, "too many errors; the rest of this file is not checked",
        at: location(span), help: "fix the errors above, or check that this is a plan file"))
    return true
  }

  /// Skips to the next statement boundary: past a newline or `;`, or up to the `}` closing
  /// the current block. Blocks met on the way are skipped whole.
  private mutating func synchronize() {
    var depth = 0
    while true {
      switch current.kind {
      case .endOfFile:
        return
      case .newline, .semicolon:
        if depth == 0 {
          advance()
          return
        }
      case .leftBrace:
        depth += 1
      case .rightBrace:
        if depth == 0 { return }
        depth -= 1
      default:
        break
      }
      advance()
    }
  }

  /// After a statement: the next thing must end it, unless a line break already did
  /// (a block that lost its `}` ends where the next declaration starts).
  private mutating func expectStatementEnd(_ what: String) -> Bool {
    if atStatementEnd || previousKind == .newline || previousKind == .semicolon { return true }
    reportUnexpected(after: what)
    return false
  }

  /// Reports what follows a statement on its line. Out of line, as the other reports of the
  /// parser's most frequent steps: their messages would otherwise make every call of those steps
  /// set up a larger frame.
  @inline(never)
  private mutating func reportUnexpected(after what: String) {
    error(
      "unexpected \(currentDescription) after \(what)", label: "expected the end of the statement",
      help: "put each statement on its own line, or separate statements with ';'")
  }

  private mutating func skipNewlines() {
    while current.kind == .newline { advance() }
  }

  // MARK: - Files

  mutating func parseFile() -> [SyntaxFile.Item] {
    var items: [SyntaxFile.Item] = []
    while current.kind != .endOfFile, !gaveUp {
      if current.kind == .newline || current.kind == .semicolon {
        advance()
        continue
      }
      if current.kind == .rightBrace {
        // A run of stray braces is one mistake.
        let first = current.span
        var last = first
        var count = 0
        while current.kind == .rightBrace || current.kind == .newline {
          if current.kind == .rightBrace {
            last = current.span
            count += 1
          }
          advance()
        }
        error(
          count == 1 ? "unexpected '}' with no block open" : "\(count) unexpected '}' with no block open",
          at: count == 1 ? first : Span(start: first.start, end: last.end), label: "nothing to close",
          help:
            "remove \(count == 1 ? "this brace" : "these braces"), or add the '{' \(count == 1 ? "it was" : "they were") meant to close"
        )
        continue
      }
      let start = current.span.start
      if let item = parseItem() {
        items.append(item)
        if !expectStatementEnd("a declaration") { synchronize() }
      } else {
        synchronize()
      }
      if current.span.start == start, current.kind != .endOfFile { advance() }
    }
    return items
  }

  private mutating func parseItem() -> SyntaxFile.Item? {
    let token = current
    if isWord(token, "include") { return parseInclude().map { .include($0) } }
    if isWord(token, "cycle") { return parseCycleDecl().map { .cycle($0) } }
    if isWord(token, "policy") { return parsePolicy().map { .policy($0) } }
    if let level = levelKeyword(token) { return parseEntity(level: level).map { .entity($0) } }
    let help: String
    if isWord(token, "objective") || isWord(token, "admin") || isWord(token, "lead") {
      help = "'\(text(token))' belongs inside an entity block, e.g. team cs { \(text(token)) … }"
    } else if token.kind == .identifier,
      let near = Suggestions.didYouMean(text(token), among: Parser.topLevelKeywords)
    {
      help = near
    } else {
      help = "a plan file holds company, unit, team and person blocks, cycle declarations, include and policy"
    }
    error("expected a declaration, found \(currentDescription)", label: "not a declaration", help: help)
    return nil
  }

  private static let topLevelKeywords = ["include", "cycle", "policy", "company", "unit", "team", "person"]

  private func levelKeyword(_ token: Token) -> Level? {
    if isWord(token, "company") { return .company }
    if isWord(token, "unit") { return .unit }
    if isWord(token, "team") { return .team }
    if isWord(token, "person") { return .person }
    return nil
  }

  private mutating func parseInclude() -> IncludeDecl? {
    let start = current.span.start
    advance()
    guard current.kind == .string else {
      error("expected a quoted path after 'include'", help: "write include \"teams/*.okr\"")
      return nil
    }
    let path = StringLiteral(span: current.span)
    advance()
    return IncludeDecl(path: path, span: Span(start: start, end: previousEnd))
  }

  private mutating func parseCycleDecl() -> CycleDecl? {
    let start = current.span.start
    advance()
    var name: Identifier?
    var period: PeriodSyntax?
    if current.kind == .identifier && !isWord(current, "closed") {
      name = identifier()
      advance()
      if !atStatementEnd && !isWord(current, "closed") {
        guard let parsed = parsePeriod(allowNamed: false) else { return nil }
        period = parsed
      }
    } else if atStatementEnd || isWord(current, "closed") {
      error(
        "expected a period or a cycle name after 'cycle'",
        help: "write cycle FY26 2025-07-01..2026-06-30, or cycle 2025-Q4 closed")
      return nil
    } else {
      guard let parsed = parsePeriod(allowNamed: false) else { return nil }
      period = parsed
    }
    var closed: Span?
    if isWord(current, "closed") {
      closed = current.span
      advance()
    }
    if name == nil, closed == nil {
      error(
        "expected 'closed' or a name for this cycle",
        help: "name the period (cycle FY26 2025-07-01..2026-06-30) or mark it closed (cycle 2025-Q4 closed)")
      return nil
    }
    if name != nil, period == nil, closed == nil {
      error("expected a period after the cycle name", help: "write cycle FY26 2025-07-01..2026-06-30")
      return nil
    }
    return CycleDecl(name: name, period: period, closed: closed, span: Span(start: start, end: previousEnd))
  }

  // MARK: - Entities

  private mutating func parseEntity(level: Level) -> EntityDecl? {
    let start = current.span.start
    let levelSpan = current.span
    advance()
    guard current.kind == .identifier else {
      error("expected an id after '\(level.rawValue)'", help: "write \(level.rawValue) ID \"Name\" { … }")
      return nil
    }
    let id = identifier()
    advance()
    var name: StringLiteral?
    if current.kind == .string {
      name = StringLiteral(span: current.span)
      advance()
    }
    var parents: [Reference] = []
    if isWord(current, "in") {
      advance()
      guard let list = parseReferenceList(after: "in") else { return nil }
      parents = list
    }
    let firstMember = memberScratch.count
    var body: Span?
    var hasPeople = false
    if current.kind == .leftBrace {
      body = parseBlock(kind: .entity(level)) { parser in
        guard let member = parser.parseEntityMember(level: level) else { return false }
        if member.people != nil { hasPeople = true }
        parser.memberScratch.append(member)
        return true
      }
    }
    let members = memberScratch.moveOut(from: firstMember)
    counts.entities += 1
    return EntityDecl(
      level: level, levelSpan: levelSpan, id: id, name: name, parents: parents, members: members,
      hasParents: !parents.isEmpty, hasPeople: hasPeople, body: body, span: Span(start: start, end: previousEnd))
  }

  private mutating func parseEntityMember(level: Level) -> EntityMember? {
    let start = current.span.start
    if isWord(current, "admin") || isWord(current, "lead") {
      let isAdmin = isWord(current, "admin")
      let keyword = isAdmin ? "admin" : "lead"
      advance()
      guard let people = parseIdentifierList(after: keyword) else { return nil }
      let span = Span(start: start, end: previousEnd)
      return isAdmin ? .admins(people, span: span) : .leads(people, span: span)
    }
    if isWord(current, "objective") { return parseObjective().map { .objective($0) } }
    reportUnknownMember(of: level)
    return nil
  }

  /// Reports the current token, which starts no member of a `level` block (out of line, as
  /// ``reportUnexpected(after:)``).
  @inline(never)
  private mutating func reportUnknownMember(of level: Level) {
    let help =
      current.kind == .identifier
      ? Suggestions.didYouMean(text(current), among: ["objective", "admin", "lead"]) : nil
    error(
      "expected 'objective', 'admin' or 'lead' in a \(level.rawValue) block, found \(currentDescription)",
      help: help ?? "an entity block holds objectives, admin lines (in a company) and lead lines (in a unit or team)")
  }

  /// What a `{ … }` block belongs to.
  private enum BlockKind: Equatable {
    case entity(Level)
    case objective, keyResult, policy

    /// How messages name the block.
    var name: String {
      switch self {
      case .entity(let level): "\(level.rawValue) block"
      case .objective: "objective block"
      case .keyResult: "key result block"
      case .policy: "policy block"
      }
    }
  }

  /// Parses `{ members }`; returns the span of the braces. Reports an unclosed block once.
  private mutating func parseBlock(kind: BlockKind, member: (inout Parser) -> Bool) -> Span {
    let open = current.span
    advance()
    while true {
      while current.kind == .newline || current.kind == .semicolon { advance() }
      if current.kind == .rightBrace {
        advance()
        return Span(start: open.start, end: previousEnd)
      }
      if gaveUp { return Span(start: open.start, end: previousEnd) }
      if current.kind == .endOfFile || startsOuterDeclaration(kind: kind) {
        reportUnclosed(kind, openedAt: open)
        return Span(start: open.start, end: previousEnd)
      }
      let start = current.span.start
      if member(&self) {
        if !expectStatementEnd("this statement") { synchronize() }
      } else {
        synchronize()
      }
      if current.span.start == start, current.kind != .endOfFile, current.kind != .rightBrace {
        advance()
      }
    }
  }

  /// Reports the block `kind` opened at `open`, which has no `}` (out of line, as
  /// ``reportUnexpected(after:)``).
  @inline(never)
  private mutating func reportUnclosed(_ kind: BlockKind, openedAt open: Span) {
    error(
      "this \(kind.name) is never closed", at: open, label: "this '{' has no matching '}'",
      help: "add '}' at the end of the \(kind.name)")
  }

  /// A keyword at the start of a statement that cannot occur inside `kind`: the block
  /// above must have lost its `}`.
  private func startsOuterDeclaration(kind: BlockKind) -> Bool {
    guard current.kind == .identifier else { return false }
    // Only a keyword followed by what a declaration needs counts (ids may be spelled like keywords).
    if isWord(current, "include") || isWord(current, "policy") { return true }
    if levelKeyword(current) != nil { return true }
    if isWord(current, "objective") { return kind == .objective || kind == .keyResult }
    // Objective statements that are no key result clause: the key result block lost its `}`.
    return kind == .keyResult && Parser.objectiveOnlyKeywords.contains { isWord(current, $0) }
  }

  // MARK: - Objectives

  private mutating func parseObjective() -> ObjectiveDecl? {
    let start = current.span.start
    advance()
    guard current.kind == .identifier else {
      error("expected an id after 'objective'", help: "write objective ID \"Title\" { … }")
      return nil
    }
    let id = identifier()
    advance()
    var title: StringLiteral?
    var reuses: Reference?
    if current.kind == .string {
      title = StringLiteral(span: current.span)
      advance()
    } else if isWord(current, "reuses") {
      advance()
      guard let target = parseReference(after: "reuses") else { return nil }
      reuses = target
    } else {
      reportMissingTitle(ofObjective: id)
      return nil
    }
    let problemsBefore = problemCount
    let firstStatement = statementScratch.count
    // Only when statements were kept: removing an empty range from the empty list still made it a
    // new buffer, 155 instructions for every objective parsed.
    defer { if statementScratch.count > firstStatement { statementScratch.removeSubrange(firstStatement...) } }
    let firstFacts = factTable.endPlace
    var body: Span?
    // The key results with an id not used before in this objective, and their check-ins.
    var keyResultCounts = ObjectiveDecl.KeyResultCounts()
    keyResultIDs.startObjective()
    if current.kind == .leftBrace {
      body = parseBlock(kind: .objective) { parser in parser.parseObjectiveStatement(counting: &keyResultCounts) }
    }
    let span = Span(start: start, end: previousEnd)
    var statements: [ObjectiveStatement]?
    if keepsStatements {
      statements = Parser.exactCopy(statementScratch[firstStatement...])
    } else if problemCount != problemsBefore {
      // An objective with a problem keeps the statements that parsed, read again (parsing keeps
      // them only when asked to; the rest are read again on demand, see ``ObjectiveDecl``).
      var reader = Parser(bytes: UnsafeBufferPointer(rebasing: bytes[0..<Int(span.end)]), file: file, start: Int(start))
      statements = reader.statementsOfObjective()
    }
    counts.objectives += 1
    if reuses != nil { counts.links += 1 }
    return ObjectiveDecl(
      id: id, reuses: reuses, storedStatements: statements, span: span, keyResultCounts: keyResultCounts,
      facts: factTable.place(since: firstFacts, table: factTableNumber), title: title, body: body)
  }

  /// Reports that the objective `id` has neither a title nor `reuses` (out of line, as
  /// ``reportUnexpected(after:)``).
  @inline(never)
  private mutating func reportMissingTitle(ofObjective id: Identifier) {
    error(
      "expected a title or 'reuses' after the objective id, found \(currentDescription)",
      help: "write objective \(id.name) \"What we want to achieve\" { … }")
  }

  /// Reads the objective starting here again, keeping its statements (for
  /// ``PlanParser/statements(of:in:)``).
  mutating func statementsOfObjective() -> [ObjectiveStatement] {
    keepsStatements = true
    return parseObjective()?.storedStatements ?? []
  }

  /// How many problems the lexer and parser have reported so far.
  private var problemCount: Int { diagnostics.count + lexer.diagnostics.count }

  /// Statements of an objective block that cannot start a key result clause.
  private static let objectiveOnlyKeywords: [StaticString] = ["kr", "cycle", "supports", "shared", "tag"]

  private static let objectiveKeywords = [
    "cycle", "owner", "supports", "shared", "kr", "progress", "tag", "note",
  ]

  /// Parses the statement starting here and records what it says in the fact table (and, when
  /// statements are kept, the statement itself); counts the key results with an id not used
  /// before in the objective. False when it did not parse.
  private mutating func parseObjectiveStatement(counting keyResultCounts: inout ObjectiveDecl.KeyResultCounts) -> Bool {
    // `supports`, `kr` and `cycle` statements (every objective has them) are recorded without an
    // `ObjectiveStatement` in between unless statements are kept: letting go of one (an optional
    // enum with many kinds of payload) goes through its type's metadata, which costs more than
    // reading the statement.
    if isWord(current, "supports") { return parseSupportsStatement() }
    if isWord(current, "kr") { return parseKeyResultStatement(counting: &keyResultCounts) }
    if isWord(current, "cycle") { return parseCycleStatement() }
    guard let statement = parseOtherObjectiveStatement() else { return false }
    factTable.add(statement)
    if keepsStatements { statementScratch.append(statement) }
    return true
  }

  private mutating func parseSupportsStatement() -> Bool {
    guard let supports = parseSupports() else { return false }
    factTable.supports.append(SupportsFact(supports))
    if keepsStatements { statementScratch.append(.supports(supportsClause(supports))) }
    return true
  }

  private mutating func parseKeyResultStatement(
    counting keyResultCounts: inout ObjectiveDecl.KeyResultCounts
  ) -> Bool {
    guard let keyResult = parseKeyResult() else { return false }
    if keyResultIDs.earlierDeclaration(of: keyResult.id, in: UnsafeRawBufferPointer(bytes)) == nil {
      keyResultCounts.keyResults += 1
      keyResultCounts.checkins += Int32(keyResult.checkinCount)
    }
    if keepsStatements { statementScratch.append(.keyResult(keyResultDecl(keyResult))) }
    return true
  }

  private mutating func parseCycleStatement() -> Bool {
    let start = current.span.start
    advance()
    guard let period = parsePeriod(allowNamed: true) else { return false }
    let span = Span(start: start, end: previousEnd)
    factTable.statements.append(.cycle(period, span: span))
    if keepsStatements { statementScratch.append(.cycle(period, span: span)) }
    return true
  }

  /// A statement of an objective other than `supports`, `kr` and `cycle`.
  private mutating func parseOtherObjectiveStatement() -> ObjectiveStatement? {
    let start = current.span.start
    let keyword = current
    func span(_ parser: Parser) -> Span { Span(start: start, end: parser.previousEnd) }
    if isWord(keyword, "owner") {
      advance()
      guard let person = expectIdentifier(after: "owner", example: "owner alice") else { return nil }
      return .owner(person, span: span(self))
    }
    if isWord(keyword, "shared") {
      advance()
      return .shared(span: span(self))
    }
    if isWord(keyword, "progress") {
      advance()
      guard let value = parseNumber(after: "progress") else { return nil }
      guard isWord(current, "override") else {
        error(
          "expected 'override' after an objective's progress",
          help:
            "write progress \(text(Token(kind: .number, span: value.span))) override to set the objective's progress by hand, or put progress on a key result"
        )
        return nil
      }
      advance()
      return .progressOverride(value, span: span(self))
    }
    if isWord(keyword, "tag") {
      advance()
      guard let tags = parseIdentifierList(after: "tag") else { return nil }
      return .tags(tags, span: span(self))
    }
    if isWord(keyword, "note") {
      advance()
      guard let note = expectString(after: "note") else { return nil }
      return .note(note, span: span(self))
    }
    var help = "an objective holds cycle, owner, supports, shared, kr, progress … override, tag and note"
    if keyword.kind == .identifier, let near = Suggestions.didYouMean(text(keyword), among: Parser.objectiveKeywords) {
      help = near
    }
    error("expected an objective statement, found \(currentDescription)", help: help)
    return nil
  }

  private mutating func parseSupports() -> WrittenSupports? {
    let start = current.span.start
    advance()
    guard let target = parseWrittenReference(after: "supports") else { return nil }
    var weight: NumberLiteral?
    var acceptedBy: Span?
    var acceptedOn: DateLiteral?
    while !atStatementEnd {
      if isWord(current, "weight"), weight == nil {
        advance()
        guard let value = parsePlainNumber(after: "weight") else { return nil }
        weight = value
      } else if isWord(current, "accepted"), acceptedBy == nil {
        advance()
        guard isWord(current, "by") else {
          error("expected 'by' after 'accepted'", help: "write accepted by PERSON [on DATE]")
          return nil
        }
        advance()
        guard let person = expectName(after: "accepted by", example: "accepted by ceo on 2026-01-08")
        else { return nil }
        acceptedBy = person
        if isWord(current, "on") {
          advance()
          guard let date = parseDate(after: "on") else { return nil }
          acceptedOn = date
        }
      } else {
        reportUnexpectedInSupports()
        return nil
      }
    }
    counts.links += 1
    return WrittenSupports(
      target: target, weight: weight, acceptedBy: acceptedBy, acceptedOn: acceptedOn,
      span: Span(start: start, end: previousEnd))
  }

  /// Reports the current token, which a `supports` clause cannot hold there: an option given
  /// twice, or no option at all (out of line, as ``reportUnexpected(after:)``).
  @inline(never)
  private mutating func reportUnexpectedInSupports() {
    if isWord(current, "weight") || isWord(current, "accepted") {
      error("\(currentDescription) appears twice in this supports clause", help: "give each option once")
      return
    }
    var help = "write supports REF [weight W] [accepted by PERSON [on DATE]]"
    if current.kind == .identifier, let near = Suggestions.didYouMean(text(current), among: ["weight", "accepted"]) {
      help = near
    }
    error("unexpected \(currentDescription) in a supports clause", help: help)
  }

  /// The statement of a `supports` clause.
  private mutating func supportsClause(_ supports: WrittenSupports) -> SupportsClause {
    SupportsClause(
      target: reference(supports.target), weight: supports.weight,
      acceptedBy: supports.acceptedBy.map { identifier(writtenAt: $0) }, acceptedOn: supports.acceptedOn,
      span: supports.span)
  }

  // MARK: - Key results

  private static let clauseKeywords = [
    "from", "current", "checkin", "milestone", "done", "progress", "weight", "owner", "note", "source",
  ]

  /// A key result as read: where its parts are, and how many check-ins it has. It holds nothing to
  /// let go of (unlike a ``KeyResultDecl``, made only when statements are kept, with the clauses
  /// the read left in ``clauseScratch``).
  private struct KeyResultReading {
    var start: UInt32
    var id: Span
    var title: Span
    var checkinCount: Int
    var body: Span?
    var end: UInt32
  }

  private mutating func parseKeyResult() -> KeyResultReading? {
    let start = current.span.start
    advance()
    guard current.kind == .identifier else {
      error("expected an id after 'kr'", help: "write kr ID \"Title\" from 0 to 10")
      return nil
    }
    let id = current.span
    advance()
    guard current.kind == .string else {
      reportMissingTitle(ofKeyResult: id)
      return nil
    }
    let title = current.span
    advance()
    return parseKeyResultClauses(start: start, id: id, title: title)
  }

  /// Reports that the key result `id` has no title (out of line, as ``reportUnexpected(after:)``).
  @inline(never)
  private mutating func reportMissingTitle(ofKeyResult id: Span) {
    error(
      "expected the key result's title after its id, found \(currentDescription)",
      help: "write kr \(name(at: id)) \"What we measure\" …")
  }

  /// The declaration of the key result just read, with its clauses.
  private mutating func keyResultDecl(_ reading: KeyResultReading) -> KeyResultDecl {
    KeyResultDecl(
      id: Identifier(name: name(at: reading.id), span: reading.id), title: StringLiteral(span: reading.title),
      storedClauses: Parser.exactCopy(clauseScratch[...]), checkinCount: reading.checkinCount, body: reading.body,
      span: Span(start: reading.start, end: reading.end))
  }

  /// The clauses after a key result's title (those on its line, then its block, if any), which
  /// make up the key result starting at `start`. When statements are kept, the clauses are left
  /// in ``clauseScratch``.
  private mutating func parseKeyResultClauses(start: UInt32, id: Span, title: Span) -> KeyResultReading? {
    let checkinsBefore = counts.checkins
    // What the clauses say goes to the fact table as they are read; the clauses themselves are
    // kept only when asked to (otherwise they are read again on demand, see ``KeyResultDecl``).
    var facts = factTable.startKeyResult(id: id, title: title)
    if keepsStatements { clauseScratch.removeAll(keepingCapacity: true) }
    while !atStatementEnd && current.kind != .leftBrace {
      guard parseClause(into: &facts) else {
        factTable.dropKeyResult(facts)
        return nil
      }
    }
    var body: Span?
    if current.kind == .leftBrace {
      body = parseBlock(kind: .keyResult) { parser in
        var parsedAny = false
        while !parser.atStatementEnd {
          guard parser.parseClause(into: &facts) else { return false }
          parsedAny = true
        }
        return parsedAny
      }
    }
    counts.keyResults += 1
    factTable.addKeyResult(&facts, end: previousEnd)
    return KeyResultReading(
      start: start, id: id, title: title, checkinCount: counts.checkins - checkinsBefore, body: body, end: previousEnd)
  }

  /// Adds what `clause` says to the key result's `facts`, and keeps the clause when asked to.
  /// Inlined where each kind of clause is read, so that no clause is made only to be taken apart.
  @inline(__always)
  private mutating func add(_ clause: WrittenClause, to facts: inout KeyResultFactsBuilder) {
    factTable.add(clause, to: &facts)
    if keepsStatements { clauseScratch.append(keyResultClause(clause)) }
  }

  /// The clause `written` says, its names made.
  private mutating func keyResultClause(_ written: WrittenClause) -> KeyResultClause {
    switch written {
    case .range(let from, let to, let unit, let span):
      .range(from: from, to: to, unit: unit.map { identifier(writtenAt: $0) }, span: span)
    case .current(let value, let span): .current(value, span: span)
    case .checkin(let checkin): .checkin(checkin)
    case .milestone(let span): .milestone(span: span)
    case .done(let date, let span): .done(date, span: span)
    case .progress(let value, let span): .progress(value, span: span)
    case .weight(let value, let span): .weight(value, span: span)
    case .owner(let person, let span): .owner(identifier(writtenAt: person), span: span)
    case .note(let literal, let span): .note(literal, span: span)
    case .source(let literal, let span): .source(literal, span: span)
    }
  }

  /// Reads the clauses of `keyResult` again, from the end of its title (where the parser
  /// starts), keeping them (for ``PlanParser/clauses(of:in:)``).
  mutating func clauses(of keyResult: KeyResultDecl, title: StringLiteral) -> [KeyResultClause] {
    keepsStatements = true
    guard parseKeyResultClauses(start: keyResult.span.start, id: keyResult.id.span, title: title.span) != nil else {
      return []
    }
    return Parser.exactCopy(clauseScratch[...])
  }

  /// Reads the clause starting here and adds it to the key result's `facts` (``add(_:to:)``);
  /// false when it does not parse.
  private mutating func parseClause(into facts: inout KeyResultFactsBuilder) -> Bool {
    let start = current.span.start
    let keyword = current
    func span(_ parser: Parser) -> Span { Span(start: start, end: parser.previousEnd) }
    if isWord(keyword, "from") {
      advance()
      guard let from = parseNumber(after: "from") else { return false }
      guard isWord(current, "to") else {
        reportMissingTo(after: from)
        return false
      }
      advance()
      guard let to = parseNumber(after: "to") else { return false }
      var unit: Span?
      if isWord(current, "unit") {
        advance()
        guard current.kind == .identifier || current.kind == .string else {
          error("expected a unit word after 'unit'", help: "write unit ms, unit USD or unit \"tickets/day\"")
          return false
        }
        unit = current.span
        advance()
      }
      add(.range(from: from, to: to, unit: unit, span: span(self)), to: &facts)
      return true
    }
    if isWord(keyword, "current") {
      advance()
      guard let value = parseNumber(after: "current") else { return false }
      add(.current(value, span: span(self)), to: &facts)
      return true
    }
    if isWord(keyword, "checkin") {
      advance()
      guard let date = parseDate(after: "checkin") else { return false }
      guard let value = parseNumber(after: "the check-in date") else { return false }
      var confidence: NumberLiteral?
      if isWord(current, "confidence") {
        advance()
        guard let parsed = parseNumber(after: "confidence") else { return false }
        confidence = parsed
      }
      var note: StringLiteral?
      if current.kind == .string {
        note = StringLiteral(span: current.span)
        advance()
      }
      counts.checkins += 1
      add(.checkin(Checkin(date: date, value: value, confidence: confidence, note: note, span: span(self))), to: &facts)
      return true
    }
    if isWord(keyword, "milestone") {
      advance()
      add(.milestone(span: span(self)), to: &facts)
      return true
    }
    if isWord(keyword, "done") {
      advance()
      var date: DateLiteral?
      if current.kind == .date {
        guard let parsed = parseDate(after: "done") else { return false }
        date = parsed
      }
      add(.done(date, span: span(self)), to: &facts)
      return true
    }
    if isWord(keyword, "progress") {
      advance()
      guard let value = parseNumber(after: "progress") else { return false }
      add(.progress(value, span: span(self)), to: &facts)
      return true
    }
    if isWord(keyword, "weight") {
      advance()
      guard let value = parsePlainNumber(after: "weight") else { return false }
      add(.weight(value, span: span(self)), to: &facts)
      return true
    }
    if isWord(keyword, "owner") {
      advance()
      guard let person = expectName(after: "owner", example: "owner alice") else { return false }
      add(.owner(person, span: span(self)), to: &facts)
      return true
    }
    if isWord(keyword, "note") {
      advance()
      guard let note = expectString(after: "note") else { return false }
      add(.note(note, span: span(self)), to: &facts)
      return true
    }
    if isWord(keyword, "source") {
      advance()
      guard let name = expectString(after: "source") else { return false }
      add(.source(name, span: span(self)), to: &facts)
      return true
    }
    reportUnknownClause(keyword)
    return false
  }

  /// Reports a range whose `to` is missing after `from` (out of line, as
  /// ``reportUnexpected(after:)``).
  @inline(never)
  private mutating func reportMissingTo(after from: NumberLiteral) {
    error(
      "expected 'to' after 'from \(text(Token(kind: .number, span: from.span)))'",
      help: "write from START to TARGET, e.g. from 30 to 60")
  }

  /// Reports `keyword`, which starts no key result clause (out of line, as
  /// ``reportUnexpected(after:)``).
  @inline(never)
  private mutating func reportUnknownClause(_ keyword: Token) {
    var help =
      "a key result's clauses are from … to …, current, checkin, milestone, done, progress, weight, owner, note and source"
    if keyword.kind == .identifier, let near = Suggestions.didYouMean(text(keyword), among: Parser.clauseKeywords) {
      help = near
    }
    error("expected a key result clause, found \(currentDescription)", help: help)
  }

  // MARK: - Policy

  private static let policyKeywords = ["max-parents", "allow", "deny", "objectives-per-owner", "status", "rule"]

  private mutating func parsePolicy() -> PolicyDecl? {
    let start = current.span.start
    advance()
    guard current.kind == .leftBrace else {
      error("expected '{' after 'policy'", help: "write policy { max-parents 2 }")
      return nil
    }
    var statements: [PolicyStatement] = []
    let body = parseBlock(kind: .policy) { parser in
      parser.parsePolicyStatement().map { statements.append($0) } != nil
    }
    return PolicyDecl(statements: statements, body: body, span: Span(start: start, end: previousEnd))
  }

  private mutating func parsePolicyStatement() -> PolicyStatement? {
    let start = current.span.start
    let keyword = current
    func span(_ parser: Parser) -> Span { Span(start: start, end: parser.previousEnd) }
    if isWord(keyword, "max-parents") {
      advance()
      guard let value = parsePlainNumber(after: "max-parents") else { return nil }
      return .maxParents(value, span: span(self))
    }
    if isWord(keyword, "allow") || isWord(keyword, "deny") {
      let allow = isWord(keyword, "allow")
      let word = allow ? "allow" : "deny"
      advance()
      guard let child = expectIdentifier(after: word, example: "\(word) unit -> team", expected: "a level") else {
        return nil
      }
      guard current.kind == .arrow else {
        error("expected '->' between the two levels", help: "write \(word) \(child.name) -> team")
        return nil
      }
      advance()
      guard let parent = expectIdentifier(after: "->", example: "\(word) unit -> team", expected: "a level") else {
        return nil
      }
      return allow
        ? .allow(child: child, parent: parent, span: span(self))
        : .deny(child: child, parent: parent, span: span(self))
    }
    if isWord(keyword, "objectives-per-owner") {
      advance()
      var limits: [(level: Identifier, limit: NumberLiteral)] = []
      repeat {
        if !limits.isEmpty {
          advance()
          skipNewlines()
        }
        guard
          let level = expectIdentifier(
            after: "objectives-per-owner", example: "objectives-per-owner team 3, person 3", expected: "a level"),
          let limit = parsePlainNumber(after: "objectives-per-owner")
        else { return nil }
        limits.append((level, limit))
      } while current.kind == .comma
      return .objectivesPerOwner(limits, span: span(self))
    }
    if isWord(keyword, "status") {
      advance()
      var thresholds: [(name: Identifier, threshold: NumberLiteral)] = []
      repeat {
        guard
          let name = expectIdentifier(
            after: "status", example: "status at-risk 0.8 off-track 0.5", expected: "at-risk or off-track"),
          let value = parseNumber(after: "'\(name.name)'")
        else { return nil }
        thresholds.append((name, value))
      } while !atStatementEnd
      return .status(thresholds, span: span(self))
    }
    if isWord(keyword, "rule") {
      advance()
      guard let name = expectIdentifier(after: "rule", example: "rule orphan error"),
        let setting = expectIdentifier(
          after: "rule \(name.name)", example: "rule \(name.name) off",
          expected: "error, warning, note or off")
      else { return nil }
      return .rule(name: name, setting: setting, span: span(self))
    }
    var help = "a policy holds max-parents, allow, deny, objectives-per-owner, status and rule lines"
    if keyword.kind == .identifier, let near = Suggestions.didYouMean(text(keyword), among: Parser.policyKeywords) {
      help = near
    }
    error("expected a policy setting, found \(currentDescription)", help: help)
    return nil
  }

  // MARK: - Pieces

  private mutating func identifier() -> Identifier { identifier(writtenAt: current.span) }

  /// The identifier or string literal (decoded) at `span`.
  private mutating func identifier(writtenAt span: Span) -> Identifier {
    guard bytes[Int(span.start)] == UInt8(ascii: "\"") else { return Identifier(name: name(at: span), span: span) }
    let literal = Array(bytes[Int(span.start)..<Int(span.end)])
    return Identifier(name: StringLiteral.decode(literal, Span(start: 0, end: UInt32(literal.count))), span: span)
  }

  /// The name written at `span`.
  private mutating func name(at span: Span) -> String {
    names.name(at: span, in: UnsafeRawBufferPointer(bytes))
  }

  /// An identifier after `what`; `expected` says what kind of word (a name, unless given).
  private mutating func expectIdentifier(
    after what: String, example: @autoclosure () -> String, expected: String = "a name"
  ) -> Identifier? {
    expectName(after: what, example: example(), expected: expected).map { identifier(writtenAt: $0) }
  }

  /// Where the identifier after `what` is written (see ``expectIdentifier(after:example:expected:)``);
  /// the `example` of the help is made only for an error.
  private mutating func expectName(
    after what: String, example: @autoclosure () -> String, expected: String = "a name"
  ) -> Span? {
    guard current.kind == .identifier else {
      reportMissing(expected, after: what, example: example())
      return nil
    }
    let span = current.span
    advance()
    return span
  }

  /// Reports that `expected` does not follow `what` (out of line, as ``reportUnexpected(after:)``),
  /// with the help `write <example>`.
  @inline(never)
  private mutating func reportMissing(_ expected: String, after what: String, example: String) {
    reportMissing(expected, after: what, help: "write \(example)")
  }

  /// ``reportMissing(_:after:example:)`` with a help of its own.
  @inline(never)
  private mutating func reportMissing(_ expected: String, after what: String, help: String) {
    error("expected \(expected) after '\(what)', found \(currentDescription)", help: help)
  }

  private mutating func expectString(after what: String) -> StringLiteral? {
    guard current.kind == .string else {
      reportMissing("a quoted string", after: what, example: "\(what) \"…\"")
      return nil
    }
    let literal = StringLiteral(span: current.span)
    advance()
    return literal
  }

  private mutating func parseIdentifierList(after what: String) -> [Identifier]? {
    var list: [Identifier] = []
    repeat {
      if !list.isEmpty {
        advance()
        skipNewlines()
      }
      guard let id = expectIdentifier(after: list.isEmpty ? what : ",", example: "\(what) alice, bob") else {
        return nil
      }
      list.append(id)
    } while current.kind == .comma
    return list
  }

  private mutating func parseReferenceList(after what: String) -> [Reference]? {
    var list: [Reference] = []
    repeat {
      if !list.isEmpty {
        advance()
        skipNewlines()
      }
      guard
        let reference = parseReference(
          after: list.isEmpty ? what : ",", help: "name the enclosing entities, e.g. team cs \(what) ops, acme")
      else { return nil }
      list.append(reference)
    } while current.kind == .comma
    return list
  }

  /// A reference, as written: owner, owner.objective or owner.objective.kr. The `help` of the
  /// error is made only when there is an error (an `in` list's names the list's keyword).
  private mutating func parseWrittenReference(
    after what: String,
    help: @autoclosure () -> String =
      "name an entity (acme), an objective (acme.csat) or a key result (acme.csat.nps)"
  ) -> WrittenReference? {
    guard current.kind == .identifier else {
      reportMissing("a name", after: what, help: help())
      return nil
    }
    var written = WrittenReference(firstPart: current.span)
    advance()
    while current.kind == .dot {
      advance()
      guard current.kind == .identifier else {
        reportMissing("a name", after: ".", help: "a reference is owner, owner.objective or owner.objective.kr")
        return nil
      }
      written.append(current.span)
      advance()
    }
    written.span.end = previousEnd
    if written.partCount > 3 {
      reportLongReference(written.span)
      return nil
    }
    return written
  }

  /// Reports the reference at `span`, which has more than three parts (out of line, as
  /// ``reportUnexpected(after:)``).
  @inline(never)
  private mutating func reportLongReference(_ span: Span) {
    error(
      "a reference has at most three parts", at: span,
      help: "name an entity (acme), an objective (acme.csat) or a key result (acme.csat.nps)")
  }

  /// The reference written at `written`.
  private mutating func reference(_ written: WrittenReference) -> Reference {
    var parts: [Identifier] = []
    parts.reserveCapacity(written.partCount)
    for index in 0..<written.partCount {
      let part = written.part(index)
      parts.append(Identifier(name: name(at: part), span: part))
    }
    return Reference(parts: parts, span: written.span)
  }

  private mutating func parseReference(
    after what: String,
    help: @autoclosure () -> String =
      "name an entity (acme), an objective (acme.csat) or a key result (acme.csat.nps)"
  ) -> Reference? {
    parseWrittenReference(after: what, help: help()).map { reference($0) }
  }

  /// A number that counts something or weighs something: `%` makes no sense on it.
  private mutating func parsePlainNumber(after what: String) -> NumberLiteral? {
    guard let number = parseNumber(after: what) else { return nil }
    if number.isPercent {
      invalidLiteral(
        "'\(what)' takes a plain number, not a percentage", at: number.span,
        help: "write \(what) \(JSONValue.format(number.value))")
    }
    return number
  }

  /// Inlined: most clauses are a keyword and a number, and the call cost about as much as the read.
  @inline(__always)
  private mutating func parseNumber(after what: String) -> NumberLiteral? {
    guard current.kind == .number else {
      reportMissingNumber(after: what)
      return nil
    }
    let token = current
    // Mostly as the lexer read it (a number token lexed next would take its place).
    let lexed = lexer.number(at: token.span)
    advance()
    // Key results' weights are read again from their spans the same way (``KeyResultDeclarer``).
    guard
      let (value, isPercent) = lexed ?? plainLiterals.number(token.span) ?? plainLiterals.generalNumber(token.span)
    else { return unreadableNumber(token) }
    return NumberLiteral(value: value, isPercent: isPercent, span: token.span)
  }

  /// Reports that no number follows `what` (out of line, as ``reportUnexpected(after:)``).
  @inline(never)
  private mutating func reportMissingNumber(after what: String) {
    error(
      "expected a number after \(what.hasPrefix("the") || what.hasPrefix("'") ? what : "'\(what)'"), found \(currentDescription)",
      help: "write a number such as 42, 4.8, 1_000 or 15%")
  }

  /// The number `token` that has no value (too many digits, or letters glued to it), reported
  /// unless the lexer did; it reads as 0 (out of line, as ``reportUnexpected(after:)``).
  @inline(never)
  private mutating func unreadableNumber(_ token: Token) -> NumberLiteral {
    // Letters glued to digits were already reported by the lexer.
    if !text(token).contains(where: \.isLetter) {
      invalidLiteral(
        "the number '\(TerminalText.escaped(String(text(token).prefix(40))))' is too large",
        at: token.span, help: "write a number with at most 15 significant digits")
    }
    return NumberLiteral(value: 0, isPercent: text(token).hasSuffix("%"), span: token.span)
  }

  private mutating func parseDate(after what: String) -> DateLiteral? {
    guard current.kind == .date else {
      reportMissing("a date", after: what, example: "a date as 2026-02-15")
      return nil
    }
    let token = current
    // Mostly from the numbers the lexer read (a date token lexed next would take their place).
    let lexed = lexer.date(at: token.span).flatMap { Day(year: $0.year, month: $0.month, day: $0.day) }
    advance()
    guard let day = lexed ?? plainLiterals.date(token.span) ?? Day(text(token)) else {
      reportImpossibleDate(token)
      return nil
    }
    return DateLiteral(day: day, span: token.span)
  }

  /// Reports the date `token`, which names no day of the calendar (out of line, as
  /// ``reportUnexpected(after:)``).
  @inline(never)
  private mutating func reportImpossibleDate(_ token: Token) {
    invalidLiteral(
      "'\(text(token))' is not a calendar date", at: token.span,
      help: "write an existing date as YYYY-MM-DD, e.g. 2026-02-28")
  }

  /// A period literal (`2026`, `2026-Q1`, `2026-H1`, `2026-03`, `DATE..DATE`) or, when allowed, a cycle name.
  private mutating func parsePeriod(allowNamed: Bool) -> PeriodSyntax? {
    let token = current
    switch token.kind {
    case .identifier where allowNamed:
      advance()
      return PeriodSyntax(value: .named(text(token)), span: token.span)
    case .number:
      advance()
      if let year = plainLiterals.year(token.span), year >= 1 {
        return PeriodSyntax(value: .literal(.year(year)), span: token.span)
      }
      return yearReadAgain(token)
    case .period:
      advance()
      guard let period = plainLiterals.period(token.span) ?? Period(text(token)) else {
        reportNotAPeriod(
          token, help: "quarters are Q1…Q4, halves H1 and H2, months 01…12: e.g. 2026-Q1, 2026-H2, 2026-03")
        return nil
      }
      return PeriodSyntax(value: .literal(period), span: token.span)
    case .date:
      return parseDateRange()
    default:
      reportMissingPeriod(allowNamed: allowNamed)
      return nil
    }
  }

  /// The year `token` (a number) that ``PlainLiterals/year(_:)`` did not read, or nil, reported,
  /// when it is none. This and the next few are out of line, as ``reportUnexpected(after:)``.
  @inline(never)
  private mutating func yearReadAgain(_ token: Token) -> PeriodSyntax? {
    let digits = text(token)
    guard digits.count == 4, let year = Int(digits), year >= 1 else {
      reportNotAPeriod(
        token,
        help:
          "write a year (2026), quarter (2026-Q1), half (2026-H1), month (2026-03) or range (2026-01-05..2026-03-27)")
      return nil
    }
    return PeriodSyntax(value: .literal(.year(year)), span: token.span)
  }

  @inline(never)
  private mutating func reportNotAPeriod(_ token: Token, help: String) {
    invalidLiteral(
      "'\(TerminalText.escaped(String(text(token).prefix(40))))' is not a period", at: token.span, help: help)
  }

  /// A range of dates, `DATE..DATE`.
  @inline(never)
  private mutating func parseDateRange() -> PeriodSyntax? {
    guard let from = parseDate(after: "cycle") else { return nil }
    guard current.kind == .dotDot else {
      error(
        "a single date is not a period", at: from.span,
        help: "write a range such as \(from.day)..\(from.day.adding(days: 90)), or a quarter such as 2026-Q1")
      return nil
    }
    advance()
    guard let to = parseDate(after: "..") else { return nil }
    guard from.day <= to.day else {
      invalidLiteral(
        "the range ends before it starts", at: Span(start: from.span.start, end: to.span.end),
        help: "write the earlier date first")
      return nil
    }
    return PeriodSyntax(
      value: .literal(.range(from.day, to.day)), span: Span(start: from.span.start, end: to.span.end))
  }

  @inline(never)
  private mutating func reportMissingPeriod(allowNamed: Bool) {
    error(
      "expected a period after 'cycle', found \(currentDescription)",
      help:
        "write a year (2026), quarter (2026-Q1), half (2026-H1), month (2026-03), range (2026-01-05..2026-03-27)\(allowNamed ? " or a cycle name" : "")"
    )
  }

  /// A new array holding just `elements`. (`Array(slice)` may hand back the scratch buffer itself,
  /// spare room and all, when the slice covers all of it.)
  private static func exactCopy<Element>(_ elements: ArraySlice<Element>) -> [Element] {
    var copy: [Element] = []
    copy.reserveCapacity(elements.count)
    copy.append(contentsOf: elements)
    return copy
  }

  /// Reads the usual forms of literals straight from the bytes (a copy of the parser would
  /// cost more than reading them).
  private var plainLiterals: PlainLiterals { PlainLiterals(bytes: bytes) }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a generated plan back and checks what a line-by-line reader can check cheaply.
///
/// It is no parser: it knows only the generator's own layout (one statement per line, a
/// block opened by `{` at the end of a line and closed by a line holding `}`), and it is a
/// self-check of the generator, not a stand-in for `okr check`. It checks that entity ids
/// are unique plan-wide, objective ids within their owner and key-result ids within their
/// objective; that every `supports` target, owner, acceptor, lead, admin and `in` entity
/// is declared (a person where a person is needed); that every link is accepted; that every
/// objective below the company supports something, with at most two parents and `shared`
/// when it has two; that no owner has more objectives in a cycle than the default policy
/// allows; and that check-ins fall inside the objective's cycle on distinct dates.
/// Names are kept as 64-bit FNV-1a hashes, so a 1,000,000-objective plan fits in memory.
struct PlanVerifier {
  private enum Kind: String {
    case company, unit, team, person

    /// The default policy's most objectives per owner and cycle (§5).
    var objectivesPerCycle: Int { self == .company ? 5 : 4 }
  }

  /// Where something was written: an index into `files` and a 1-based line.
  private struct Location {
    let file: Int
    let line: Int
  }

  /// A name to resolve once every file has been read.
  private struct Reference {
    let name: UInt64
    let expected: Kind?
    let location: Location
    let text: String
  }

  /// The objective whose block is open.
  private struct OpenObjective {
    let name: UInt64
    let location: Location
    var cycle: Cycle?
    var parents = 0
    var isShared = false
    var checkinDays: [Int] = []
  }

  /// How many objective blocks were read.
  private(set) var objectiveCount = 0
  private var problems: [String] = []
  private var files: [String] = []
  private var entities: [UInt64: Kind] = [:]
  private var objectives: Set<UInt64> = []
  private var keyResults: Set<UInt64> = []
  private var objectivesPerOwnerAndCycle: [UInt64: Int] = [:]
  private var supportTargets: [Reference] = []
  private var namedEntities: [Reference] = []
  private var entity: (kind: Kind, name: UInt64)?
  private var objective: OpenObjective?
  private var keyResultIsOpen = false

  /// Reads the plan file at `path` and, through its `include`s, every file it loads.
  mutating func read(path: String) throws {
    let text = try Self.contents(of: path)
    files.append(path)
    let file = files.count - 1
    let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    try text.withUnsafeBufferPointer { bytes in
      var tokens: [Range<Int>] = []
      var lineStart = 0
      var lineNumber = 0
      while lineStart < bytes.count {
        let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        lineNumber += 1
        Self.tokenize(bytes, lineStart..<lineEnd, into: &tokens)
        if !tokens.isEmpty {
          try statement(
            tokens.map { bytes[$0] }, at: Location(file: file, line: lineNumber), folder: folder)
        }
        lineStart = lineEnd + 1
      }
    }
  }

  /// Resolves the references collected while reading and returns every problem found.
  mutating func finish() -> [String] {
    for reference in supportTargets
    where !objectives.contains(reference.name) && !keyResults.contains(reference.name) {
      problem(at: reference.location, "`supports \(reference.text)` names no declared objective or key result")
    }
    for reference in namedEntities {
      switch (entities[reference.name], reference.expected) {
      case (nil, _): problem(at: reference.location, "`\(reference.text)` is not a declared entity")
      case (let kind?, let expected?) where kind != expected:
        problem(at: reference.location, "`\(reference.text)` is not a \(expected)")
      default: break
      }
    }
    return problems
  }

  private typealias Token = Slice<UnsafeBufferPointer<UInt8>>

  private mutating func statement(_ tokens: [Token], at location: Location, folder: String) throws {
    let keyword = String(decoding: tokens[0], as: UTF8.self)
    if let kind = Kind(rawValue: keyword) { return declareEntity(tokens, kind: kind, at: location) }
    switch keyword {
    case "include":
      for path in globbed("\(folder)/\(Self.unquoted(tokens[1]))") { try read(path: path) }
    case "admin", "lead", "owner":
      for person in tokens.dropFirst() { expect(person, kind: .person, at: location) }
    case "objective":
      openObjective(named: tokens[1], at: location)
    case "cycle":
      setCycle(tokens[1], at: location)
    case "supports":
      addParent(tokens, at: location)
    case "shared":
      objective?.isShared = true
    case "kr":
      guard let owner = objective?.name else { return problem(at: location, "a key result outside an objective") }
      if !keyResults.insert(Self.hash(tokens[1], continuing: Self.hash(".".utf8, continuing: owner))).inserted {
        problem(at: location, "key result `\(String(decoding: tokens[1], as: UTF8.self))` is declared twice")
      }
      keyResultIsOpen = tokens[tokens.count - 1].elementsEqual("{".utf8)
    case "checkin":
      addCheckin(tokens[1], at: location)
    case "}":
      closeBlock()
    default:
      problem(at: location, "unexpected statement `\(keyword)`")
    }
  }

  private mutating func declareEntity(_ tokens: [Token], kind: Kind, at location: Location) {
    let name = Self.hash(tokens[1])
    if tokens.count > 2, tokens[2].first == UInt8(ascii: "\"") {
      if entities.updateValue(kind, forKey: name) != nil {
        problem(at: location, "entity `\(String(decoding: tokens[1], as: UTF8.self))` is declared twice")
      }
    } else {
      expect(tokens[1], kind: kind, at: location)
    }
    if let inIndex = tokens.firstIndex(where: { $0.elementsEqual("in".utf8) }) {
      for enclosing in tokens[(inIndex + 1)...] where !enclosing.elementsEqual("{".utf8) {
        expect(enclosing, kind: nil, at: location)
      }
    }
    if tokens[tokens.count - 1].elementsEqual("{".utf8) { entity = (kind, name) }
  }

  private mutating func openObjective(named id: Token, at location: Location) {
    guard let entity else { return problem(at: location, "an objective outside an entity block") }
    let name = Self.hash(id, continuing: Self.hash(".".utf8, continuing: entity.name))
    if !objectives.insert(name).inserted {
      problem(at: location, "objective `\(String(decoding: id, as: UTF8.self))` is declared twice for its owner")
    }
    objective = OpenObjective(name: name, location: location)
    objectiveCount += 1
  }

  private mutating func setCycle(_ spelling: Token, at location: Location) {
    guard let entity, objective != nil, let cycle = Cycle.spelled(by: spelling) else {
      return problem(at: location, "a cycle the generator does not use, or outside an objective")
    }
    objective?.cycle = cycle
    let key = Self.hash(spelling, continuing: Self.hash("@".utf8, continuing: entity.name))
    objectivesPerOwnerAndCycle[key, default: 0] += 1
    if objectivesPerOwnerAndCycle[key] == entity.kind.objectivesPerCycle + 1 {
      problem(at: location, "more than \(entity.kind.objectivesPerCycle) objectives of one owner in \(cycle.spelling)")
    }
  }

  private mutating func addParent(_ tokens: [Token], at location: Location) {
    objective?.parents += 1
    supportTargets.append(
      Reference(
        name: Self.hash(tokens[1]), expected: nil, location: location,
        text: String(decoding: tokens[1], as: UTF8.self)))
    guard let accepted = tokens.firstIndex(where: { $0.elementsEqual("accepted".utf8) }),
      accepted + 4 < tokens.count, tokens[accepted + 1].elementsEqual("by".utf8),
      tokens[accepted + 3].elementsEqual("on".utf8), Calendar2026.day(spelledBy: tokens[accepted + 4]) != nil
    else { return problem(at: location, "a link without `accepted by PERSON on DATE`") }
    expect(tokens[accepted + 2], kind: .person, at: location)
  }

  private mutating func addCheckin(_ date: Token, at location: Location) {
    guard let day = Calendar2026.day(spelledBy: date), let cycle = objective?.cycle, cycle.contains(day: day) else {
      return problem(at: location, "a check-in outside its objective's cycle")
    }
    if objective?.checkinDays.contains(day) == true {
      problem(at: location, "two check-ins of an objective on one date")
    }
    objective?.checkinDays.append(day)
  }

  private mutating func closeBlock() {
    if keyResultIsOpen {
      keyResultIsOpen = false
    } else if let closed = objective {
      if entity?.kind != .company && closed.parents == 0 {
        problem(at: closed.location, "an objective that supports nothing")
      }
      if closed.parents > 2 || (closed.parents == 2 && !closed.isShared) {
        problem(at: closed.location, "more than two parents, or two without `shared`")
      }
      objective = nil
    } else {
      entity = nil
    }
  }

  /// Notes a name to resolve at the end, to an entity of `kind` (any kind when `nil`).
  private mutating func expect(_ name: Token, kind: Kind?, at location: Location) {
    let trimmed = name.last == UInt8(ascii: ",") ? name.dropLast() : name
    namedEntities.append(
      Reference(
        name: Self.hash(trimmed), expected: kind, location: location, text: String(decoding: trimmed, as: UTF8.self)))
  }

  private mutating func problem(at location: Location, _ message: String) {
    problems.append("\(files[location.file]):\(location.line): \(message)")
  }

  /// Splits a line into words and whole string literals, up to a `#` comment.
  private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, into tokens: inout [Range<Int>])
  {
    tokens.removeAll(keepingCapacity: true)
    var index = line.lowerBound
    while index < line.upperBound {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        index += 1
      case UInt8(ascii: "#"):
        return
      case UInt8(ascii: "\""):
        let start = index
        index += 1
        while index < line.upperBound && bytes[index] != UInt8(ascii: "\"") {
          index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        index = min(index + 1, line.upperBound)
        tokens.append(start..<index)
      default:
        let start = index
        while index < line.upperBound && bytes[index] != UInt8(ascii: " ") { index += 1 }
        tokens.append(start..<index)
      }
    }
  }

  /// A token's text without surrounding quotes.
  private static func unquoted(_ token: Token) -> String {
    let text = String(decoding: token, as: UTF8.self)
    return text.hasPrefix("\"") && text.hasSuffix("\"") && text.count > 1 ? String(text.dropFirst().dropLast()) : text
  }

  /// 64-bit FNV-1a, continuable: hashing `a.b` equals hashing `b` after `.` after `a`.
  private static func hash(_ bytes: some Sequence<UInt8>, continuing state: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
    bytes.reduce(state) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
  }

  private static func contents(of path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else {
      throw GeneratorError(description: "cannot read \(path): \(String(cString: strerror(errno)))")
    }
    defer { fclose(file) }
    fseek(file, 0, SEEK_END)
    let size = ftell(file)
    rewind(file)
    return try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = fread(buffer.baseAddress, 1, size, file)
      guard count == size else { throw GeneratorError(description: "cannot read all of \(path)") }
    }
  }
}

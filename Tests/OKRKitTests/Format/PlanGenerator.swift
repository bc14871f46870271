/// SplitMix64: a small, seeded, reproducible source of random numbers for property tests.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

/// Writes random, syntactically valid plans in deliberately varied layouts: odd spacing and
/// indentation, `;`-joined statements, blank lines, comments on their own lines and at line
/// ends (inside lists too), one-line and block key results, one-line entity blocks, CRLF lines.
struct PlanGenerator {
  private var random: SeededGenerator
  private var text = ""

  init(seed: UInt64) { random = SeededGenerator(seed: seed) }

  /// A whole plan file.
  mutating func plan() -> String {
    text = ""
    if chance(0.3) { ownLineComments() }
    for _ in 0..<int(0...6) {
      switch int(0...9) {
      case 0: statement(["include", string(["teams/*.okr", "people.okr", "ü/x.okr"])])
      case 1, 2: cycleDeclaration()
      case 3: policy()
      default: entity()
      }
      terminator(topLevel: true)
    }
    if chance(0.3) { ownLineComments() }
    return text
  }

  // MARK: - Declarations

  private mutating func cycleDeclaration() {
    switch int(0...2) {
    case 0: statement(["cycle", pick(["FY26", "H1", "lead"]), literalPeriod()] + (chance(0.3) ? ["closed"] : []))
    case 1: statement(["cycle", literalPeriod(), "closed"])
    default: statement(["cycle", pick(["FY25", "Q"]), "closed"])
    }
  }

  private mutating func entity() {
    let level = pick(["company", "unit", "team", "person"])
    var header = [level, pick(["acme", "ops", "cs", "bob", "équipe", "done"])]
    if chance(0.7) {
      header.append(string(["Acme Corp", "Customer Success", "Zoë \\\"Z\\\" Ångström", "日本 🚀"]))
    }
    write(header)
    if chance(0.5) {
      space()
      text += "in"
      space()
      list(count: int(1...3)) { generator in generator.text += generator.pick(["acme", "ops", "cs", "acme.x"]) }
    }
    guard chance(0.8) else { return }
    block { generator in
      let count = generator.int(0...4)
      return (0..<count).map { _ in
        { (generator: inout PlanGenerator) in
          switch generator.int(0...3) {
          case 0:
            generator.text += generator.pick(["admin", "lead"])
            generator.space()
            generator.list(count: generator.int(1...3)) { $0.text += $0.pick(["alice", "bob", "ceo", "lead"]) }
          default:
            generator.objective()
          }
        }
      }
    }
  }

  private mutating func objective() {
    var header = ["objective", pick(["csat", "growth", "cycle", "o1", "qualité"])]
    if chance(0.8) {
      let long = "Long title " + String(repeating: "x", count: int(0...80))
      header.append(string(["Customer satisfaction", "Grow \\u{1F600} revenue", "Tab\\there", long]))
    } else {
      header.append(contentsOf: ["reuses", pick(["acme.csat", "cs.o1"])])
    }
    write(header)
    guard chance(0.85) else { return }
    block { generator in
      (0..<generator.int(0...6)).map { _ in
        { (generator: inout PlanGenerator) in generator.objectiveStatement() }
      }
    }
  }

  private mutating func objectiveStatement() {
    switch int(0...9) {
    case 0: write(["cycle", chance(0.5) ? literalPeriod() : pick(["FY26", "lead"])])
    case 1: write(["owner", pick(["alice", "ceo"])])
    case 2:
      let weight = ["weight", plainNumber()]
      var accepted = ["accepted", "by", pick(["ceo", "alice"])]
      if chance(0.5) { accepted.append(contentsOf: ["on", date()]) }
      var words = ["supports", pick(["acme.csat", "cs.o1.k", "acme"])]
      switch int(0...3) {
      case 0: words += weight
      case 1: words += accepted
      case 2: words += weight + accepted
      default: words += accepted + weight
      }
      write(words)
    case 3: write(["shared"])
    case 4: write(["progress", pick(["40%", "0%", "100%"]), "override"])
    case 5:
      text += "tag"
      space()
      list(count: int(1...3)) { $0.text += $0.pick(["exploratory", "innovation", "done", "x-y"]) }
    case 6: write(["note", string(["plain", "with \\\"quotes\\\" and \\\\", "naïve ☕"])])
    default: keyResult()
    }
  }

  /// `kr ID "Title"`, some clauses on the header line, the others (if any) in a block,
  /// several to a line at times.
  private mutating func keyResult() {
    let long = "Reach a long target " + String(repeating: "y", count: int(0...90))
    write(["kr", pick(["nps", "done", "k", "délai"]), string(["NPS", long, "Ship"])])
    var clauses: [[String]] = (0..<int(0...5)).map { _ in clause() }
    if chance(0.6) { clauses.insert(chance(0.8) ? range() : ["milestone"], at: 0) }
    let onHeader = chance(0.4) ? clauses.count : int(0...clauses.count)
    for clause in clauses[..<onHeader] {
      space()
      write(clause)
    }
    let inBlock = Array(clauses[onHeader...])
    guard !inBlock.isEmpty || chance(0.2) else { return }
    // Group the block's clauses into lines of one to three.
    var lines: [[[String]]] = []
    var index = 0
    while index < inBlock.count {
      let size = min(int(1...3), inBlock.count - index)
      lines.append(Array(inBlock[index..<index + size]))
      index += size
    }
    block { _ in
      lines.map { line in
        { (generator: inout PlanGenerator) in
          for (position, clause) in line.enumerated() {
            if position > 0 { generator.space() }
            generator.write(clause)
          }
        }
      }
    }
  }

  private mutating func clause() -> [String] {
    switch int(0...9) {
    case 0: return range()
    case 1: return ["current", number()]
    case 2, 3:
      var words = ["checkin", date(), number()]
      if chance(0.4) { words.append(contentsOf: ["confidence", pick(["0.5", "0.75", "1"])]) }
      if chance(0.4) { words.append(string(["better", "naïve 😀", "a \\\"quote\\\""])) }
      return words
    case 4: return ["done"] + (chance(0.5) ? [date()] : [])
    case 5: return ["progress", pick(["40%", "5%"])]
    case 6: return ["weight", plainNumber()]
    case 7: return ["owner", pick(["alice", "bob"])]
    case 8: return ["note", string(["weekly", "ü"])]
    default: return ["source", string(["crm.pipeline"])]
    }
  }

  private mutating func range() -> [String] {
    var words = ["from", number(), "to", number()]
    if chance(0.3) { words.append(contentsOf: ["unit", pick(["ms", "\"tickets/day\"", "USD"])]) }
    return words
  }

  private mutating func policy() {
    write(["policy"])
    block { generator in
      (0..<generator.int(0...5)).map { _ in
        { (generator: inout PlanGenerator) in
          switch generator.int(0...5) {
          case 0: generator.write(["max-parents", generator.pick(["2", "3"])])
          case 1:
            generator.write([generator.pick(["allow", "deny"]), "unit", "->", generator.pick(["team", "company"])])
          case 2:
            generator.text += "objectives-per-owner"
            generator.space()
            generator.list(count: generator.int(1...3)) { generator in
              generator.write([generator.pick(["team", "person", "unit"]), generator.pick(["3", "4"])])
            }
          case 3: generator.write(["status", "at-risk", "0.8", "off-track", "0.5"])
          default:
            let rule = generator.pick(["orphan", "unaccepted-link"])
            generator.write(["rule", rule, generator.pick(["off", "error", "note"])])
          }
        }
      }
    }
  }

  // MARK: - Layout

  /// Writes `{`, the statements (each a closure that writes one), and `}`, in one of many layouts.
  private mutating func block(_ statements: (inout PlanGenerator) -> [(inout PlanGenerator) -> Void]) {
    space()
    text += "{"
    let bodies = statements(&self)
    if chance(0.3) { endOfLineComment() }
    for (index, body) in bodies.enumerated() {
      if index == 0, !text.hasSuffix("\n"), chance(0.5) {
        space()
      } else {
        if !text.hasSuffix("\n") { newline() }
        if chance(0.2) { ownLineComments() }
        indentation()
      }
      body(&self)
      if index < bodies.count - 1 { terminator(topLevel: false) }
    }
    if chance(0.3), !bodies.isEmpty { endOfLineComment() }
    if text.hasSuffix("\n") || chance(0.5) {
      if !text.hasSuffix("\n") { newline() }
      if chance(0.2) { ownLineComments() }
      indentation()
    } else {
      space()
    }
    text += "}"
  }

  /// Ends a statement: a line break (maybe after a comment, maybe with blank lines) or `;`.
  private mutating func terminator(topLevel: Bool) {
    if chance(0.2) {
      text += pick([";", " ;", "; ", " ; "])
      if chance(0.3) {
        endOfLineComment()
        if topLevel { indentation() }
      }
      return
    }
    if chance(0.3) {
      endOfLineComment()
    } else {
      newline()
    }
    if chance(0.25) { for _ in 0..<int(1...2) { newline() } }
    if chance(0.15) { ownLineComments() }
    if topLevel { indentation() }
  }

  /// A comma-separated list of `count` elements; after a comma maybe a line break or a comment.
  private mutating func list(count: Int, element: (inout PlanGenerator) -> Void) {
    for index in 0..<count {
      if index > 0 {
        text += ","
        switch int(0...5) {
        case 0: endOfLineComment()
        case 1:
          newline()
          if chance(0.5) { ownLineComments() }
        default: break
        }
        space()
      }
      element(&self)
    }
  }

  private mutating func write(_ words: [String]) {
    for (index, word) in words.enumerated() {
      if index > 0 { space() }
      text += word
    }
  }

  /// A statement at the current position.
  private mutating func statement(_ words: [String]) { write(words) }

  private mutating func space() {
    text += pick([" ", " ", " ", "  ", "\t", " \t "])
  }

  private mutating func indentation() {
    text += pick(["", "  ", "    ", "\t", "       "])
  }

  private mutating func newline() {
    text += chance(0.1) ? "\r\n" : "\n"
  }

  private mutating func endOfLineComment() {
    space()
    text += comment()
    newline()
  }

  private mutating func ownLineComments() {
    for _ in 0..<int(1...2) {
      indentation()
      text += comment()
      newline()
      if chance(0.2) { newline() }
    }
  }

  private mutating func comment() -> String {
    pick([
      "# note", "#", "#tight", "# trailing spaces   ", "# ünïcode ☕", "# a } brace { and ; semicolon", "## double",
    ])
  }

  // MARK: - Literals

  private mutating func literalPeriod() -> String {
    pick(["2026", "2026-Q1", "2026-H2", "2026-03", "2026-01-05..2026-03-27", "2026-01-05 .. 2026-03-27"])
  }

  private mutating func number() -> String {
    pick(["42", "-3", "4.8", "1_000", "15%", "0.5", "0", "2"])
  }

  /// A weight: a plain number (a percentage is an invalid literal there).
  private mutating func plainNumber() -> String {
    pick(["42", "-3", "4.8", "1_000", "0.5", "0", "2"])
  }

  private mutating func date() -> String {
    pick(["2026-01-15", "2026-02-28", "2025-12-31"])
  }

  private mutating func string(_ contents: [String]) -> String {
    "\"" + pick(contents) + "\""
  }

  private mutating func chance(_ probability: Double) -> Bool {
    Double.random(in: 0..<1, using: &random) < probability
  }

  private mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &random)
  }

  private mutating func pick(_ choices: [String]) -> String {
    choices[int(0...choices.count - 1)]
  }
}

import OKRKit
import OKRLineEditing

/// Tab completion that knows where in a query the cursor is.
///
/// * the first word: query commands and `:` meta-commands;
/// * after `where`, `and`, `or`, `not`, `(` and `sort`: field names;
/// * after a comparison: level or status names (entity ids after `owner =`);
/// * anywhere else: qualified names, `nova.la` → `nova.launch`, `cs.` → the team's objectives.
struct ReplCompleter {
  let plan: Plan
  let commands: [String]
  let setFields: [String]

  /// The fields of the listing a query starts with, or of every listing.
  private func fields(forQueryStartingWith first: String) -> [String] {
    let kinds = ListingKind(rawValue: first).map { [$0] } ?? ListingKind.allCases
    return kinds.flatMap { $0.fields.map(\.name) }
  }

  /// Characters that end the word being completed.
  private static let separators: Set<Character> = [" ", "\t", "(", ")", "=", "<", ">", ",", ";", "!"]

  func complete(line: String, cursor: Int) -> CompletionResult {
    let before = String(line.prefix(cursor))
    var wordStart = before.endIndex
    while wordStart > before.startIndex, !ReplCompleter.separators.contains(before[before.index(before: wordStart)]) {
      wordStart = before.index(before: wordStart)
    }
    let word = String(before[wordStart...])
    let previous = precedingTokens(String(before[..<wordStart]))
    let candidates = candidates(for: word, after: previous).filter { $0.hasPrefix(word) }
    return CompletionResult(word: word, candidates: Array(Set(candidates)).sorted())
  }

  /// The last two tokens before the word (words and operators), newest last.
  private func precedingTokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    func flush() {
      if !current.isEmpty { tokens.append(current) }
      current = ""
    }
    for character in text {
      if character == " " || character == "\t" {
        flush()
      } else if "()=<>,;!".contains(character) {
        if "=<>!".contains(character), let last = current.last, "=<>!".contains(last) {
          current.append(character)
          continue
        }
        flush()
        current.append(character)
        if character == "(" || character == ")" || character == "," || character == ";" { flush() }
      } else {
        if let last = current.last, "=<>!".contains(last) { flush() }
        current.append(character)
      }
    }
    flush()
    // A `;` starts a new query: only what follows it counts.
    if let separator = tokens.lastIndex(of: ";") { tokens.removeSubrange(...separator) }
    return tokens
  }

  private func candidates(for word: String, after tokens: [String]) -> [String] {
    guard let last = tokens.last else {
      if word.hasPrefix(":") { return MetaCommand.names.map { ":" + $0 } }
      return commands
    }
    let first = tokens.first ?? ""
    let fields = fields(forQueryStartingWith: first)
    switch last {
    case ":help", ":h": return MetaCommand.names + commands
    case ":format", ":f": return ["text", "json"]
    case ":as-of": return ["today"]
    case "where", "and", "or", "not", "(", "sort": return fields
    case "asc", "desc", "limit", "depth": return []
    default: break
    }
    if ["=", "!=", "<", "<=", ">", ">="].contains(last) {
      let field = tokens.count >= 2 ? tokens[tokens.count - 2] : ""
      switch field {
      case "level": return Level.allCases.map(\.rawValue)
      case "status": return ProgressStatus.allCases.map(\.rawValue)
      case "owner": return plan.entities.map(\.id)
      case "cycle": return cycleNames()
      default: return Level.allCases.map(\.rawValue) + ProgressStatus.allCases.map(\.rawValue)
      }
    }
    if tokens.count >= 2, tokens[tokens.count - 2] == "sort" { return ["asc", "desc", "limit"] }
    if first == "set", tokens.count == 2 { return setFields }
    if ["objectives", "krs", "links", "entities"].contains(first) {
      return ["where", "sort", "limit", "and", "or", "not", "contains", "asc", "desc"] + fields
    }
    if first == "tree", tokens.count >= 2 { return ["depth"] + references(matching: word) }
    if first == "impact", tokens.count == 2 { return ["on"] }
    if first == "progress", tokens.count == 2 { return ["at"] }
    return references(matching: word)
  }

  /// Qualified names that continue what `word` has typed so far.
  private func references(matching word: String) -> [String] {
    let parts = word.split(separator: ".", omittingEmptySubsequences: false)
    // When one name matches, the names one level below it are offered too, so completing
    // `no` stops at `nova` (no space yet) and a second Tab lists `nova.launch`, `nova.landing`, …
    switch parts.count {
    case 1:
      let matches = plan.entities.indices.filter { plan.entities[$0].id.hasPrefix(word) }
      guard matches.count == 1, let only = matches.first else { return matches.map { plan.entities[$0].id } }
      return [plan.entities[only].id] + plan.entities[only].objectives.map { plan.qualifiedName($0) }
    case 2:
      guard let owner = plan.entity(named: String(parts[0])) else { return [] }
      let matches = plan[owner].objectives.filter { plan.qualifiedName($0).hasPrefix(word) }
      guard matches.count == 1, let only = matches.first else { return matches.map { plan.qualifiedName($0) } }
      return [plan.qualifiedName(only)] + plan[only].keyResults.map { plan.qualifiedName(KeyResultID($0)) }
    default:
      guard let owner = plan.entity(named: String(parts[0])),
        let objective = plan.objective(owner: owner, localID: String(parts[1]))
      else { return [] }
      return plan[objective].keyResults.map { plan.qualifiedName(KeyResultID($0)) }
    }
  }

  private func cycleNames() -> [String] {
    var names = Set(plan.cycles.map(\.name))
    for objective in plan.objectives { if let cycle = objective.cycle { names.insert(cycle.label) } }
    return Array(names)
  }
}

import OKRKit

/// The text of `:help` and `:help TOPIC`.
enum ReplHelp {
  /// One line per query command: its form and what it answers.
  static let commands: [(name: String, usage: String, summary: String)] = [
    ("show", "show REF", "an objective, key result or entity: title, level, cycle, progress, parents, children"),
    ("tree", "tree [REF] [depth N]", "the alignment tree below REF (or every top-level objective), with progress"),
    ("path", "path REF", "the chain of parents from REF up to the top"),
    ("parents", "parents REF", "what REF supports"),
    ("children", "children REF", "what supports REF"),
    ("ancestors", "ancestors REF", "everything REF supports, directly or not"),
    ("descendants", "descendants REF", "everything that supports REF, directly or not"),
    ("impact", "impact REF [on REF]", "how many points an ancestor moves when REF moves one point"),
    ("orphans", "orphans", "objectives below company level that support nothing"),
    ("progress", "progress REF [at DATE]", "progress, expected progress and status"),
    ("history", "history REF", "progress at each check-in date"),
    ("check", "check", "the plan's diagnostics"),
    ("stats", "stats", "counts per level, kinds of links, acceptance and orphan rates"),
    ("set", "set REF FIELD VALUE", "a what-if change, in memory only (the prompt shows okr*>)"),
    ("reset", "reset", "drop every what-if change"),
    ("objectives", "objectives [where EXPR] [sort FIELD [asc|desc]] [limit N]", "a listing; also krs, links, entities"),
  ]

  static func text(topic: String?) -> String {
    guard let topic else { return overview }
    let name = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
    if let summary = MetaCommand.summaries[name] { return summary + "\n" }
    if ["krs", "links", "entities", "listings", "where"].contains(name) { return listings }
    if let command = commands.first(where: { $0.name == name }) {
      return "\(command.usage)\n  \(command.summary)\n"
    }
    let known = commands.map(\.name) + MetaCommand.names + ["listings", "where"]
    let hint = Suggestions.didYouMean(name, among: known).map { " — \($0)" } ?? ""
    return "no help on '\(TerminalText.escaped(name))'\(hint); :help lists the topics\n"
  }

  private static var overview: String {
    let width = commands.map(\.usage.count).max() ?? 0
    var lines = ["Queries (separate several with ;):"]
    for command in commands {
      lines.append(
        "  " + command.usage + String(repeating: " ", count: max(1, width - command.usage.count + 2))
          + command.summary)
    }
    lines.append("")
    lines.append("Commands:")
    for name in MetaCommand.names { lines.append("  " + (MetaCommand.summaries[name] ?? ":" + name)) }
    lines.append("")
    lines.append("REF is entity, entity.objective or entity.objective.kr; Tab completes names, fields and commands.")
    lines.append(":help listings explains where, sort and limit.")
    return lines.joined(separator: "\n") + "\n"
  }

  private static let listings = """
    objectives|krs|links|entities [where EXPR] [sort FIELD [asc|desc]] [limit N]
      EXPR compares fields with = != < <= > >= and contains, joined by and, or, not and parentheses.
      Values: 50% or 0.5, "text", dates 2026-02-15, periods 2026-Q1, levels (team), statuses (at-risk).
      Fields include id title level owner cycle progress expected status parents children weight tags confidence.
      Example: objectives where level = team and status = at-risk sort progress limit 10

    """
}

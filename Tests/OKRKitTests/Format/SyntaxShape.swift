@testable import OKRKit

/// A span-insensitive picture of a syntax tree: one line per node, with every literal's text,
/// so two trees compare equal exactly when they say the same thing in the same order.
///
/// Whether a key result had a block is left out (the formatter decides that); whether an
/// entity, objective or policy had one is kept.
enum SyntaxShape {
  static func of(_ syntax: SyntaxFile, in file: SourceFile) -> [String] {
    var lines: [String] = []
    func text(_ span: Span) -> String { file.text(span) }
    func number(_ literal: NumberLiteral) -> String {
      "\(text(literal.span))=\(literal.value)\(literal.isPercent ? "%" : "")"
    }
    /// The text of an optional token, `-` when absent.
    func written(_ span: Span?) -> String { span.map(text) ?? "-" }
    func period(_ period: PeriodSyntax) -> String { "\(text(period.span).filter { !$0.isWhitespace })=\(period.value)" }
    func reference(_ reference: Reference) -> String { reference.parts.map(\.name).joined(separator: ".") }
    func ids(_ ids: [Identifier]) -> String { ids.map { text($0.span) }.joined(separator: ",") }
    for item in syntax.items {
      switch item {
      case .include(let decl):
        lines.append("include \(text(decl.path.span))")
      case .cycle(let decl):
        lines.append(
          "cycle name=\(written(decl.name?.span)) period=\(decl.period.map(period) ?? "-") closed=\(decl.closed != nil)"
        )
      case .entity(let decl):
        lines.append(
          "entity \(decl.level) \(text(decl.id.span)) name=\(written(decl.name?.span)) "
            + "in=\(decl.parents.map(reference)) block=\(decl.body != nil)")
        for member in decl.members {
          switch member {
          case .admins(let people, _): lines.append("  admin \(ids(people))")
          case .leads(let people, _): lines.append("  lead \(ids(people))")
          case .objective(let objective):
            lines.append(
              "  objective \(text(objective.id.span)) title=\(written(objective.title?.span)) "
                + "reuses=\(objective.reuses.map(reference) ?? "-") block=\(objective.body != nil)")
            for statement in objective.statements(in: file) {
              switch statement {
              case .cycle(let value, _): lines.append("    cycle \(period(value))")
              case .owner(let person, _): lines.append("    owner \(text(person.span))")
              case .supports(let clause):
                let weightFirst = (clause.weight?.span.start ?? 0) < (clause.acceptedBy?.span.start ?? .max)
                lines.append(
                  "    supports \(reference(clause.target)) weight=\(clause.weight.map(number) ?? "-") "
                    + "by=\(written(clause.acceptedBy?.span)) on=\(written(clause.acceptedOn?.span)) "
                    + "weightFirst=\(weightFirst)")
              case .shared: lines.append("    shared")
              case .progressOverride(let value, _): lines.append("    progress \(number(value)) override")
              case .tags(let tags, _): lines.append("    tag \(ids(tags))")
              case .note(let note, _): lines.append("    note \(text(note.span))")
              case .keyResult(let keyResult):
                lines.append("    kr \(text(keyResult.id.span)) title=\(written(keyResult.title?.span))")
                for clause in keyResult.clauses(in: file) {
                  lines.append("      " + describe(clause, written: written, number: number))
                }
              }
            }
          }
        }
      case .policy(let decl):
        lines.append("policy")
        for statement in decl.statements {
          switch statement {
          case .maxParents(let value, _): lines.append("  max-parents \(number(value))")
          case .allow(let child, let parent, _): lines.append("  allow \(text(child.span)) -> \(text(parent.span))")
          case .deny(let child, let parent, _): lines.append("  deny \(text(child.span)) -> \(text(parent.span))")
          case .objectivesPerOwner(let limits, _):
            lines.append("  objectives-per-owner \(limits.map { "\(text($0.level.span)) \(number($0.limit))" })")
          case .status(let thresholds, _):
            lines.append("  status \(thresholds.map { "\(text($0.name.span)) \(number($0.threshold))" })")
          case .rule(let name, let setting, _): lines.append("  rule \(text(name.span)) \(text(setting.span))")
          }
        }
      }
    }
    return lines
  }

  private static func describe(
    _ clause: KeyResultClause, written: (Span?) -> String, number: (NumberLiteral) -> String
  ) -> String {
    switch clause {
    case .range(let from, let to, let unit, _):
      "from \(number(from)) to \(number(to)) unit=\(written(unit?.span))"
    case .current(let value, _): "current \(number(value))"
    case .checkin(let checkin):
      "checkin \(written(checkin.date.span)) \(number(checkin.value)) "
        + "confidence=\(checkin.confidence.map(number) ?? "-") note=\(written(checkin.note?.span))"
    case .milestone: "milestone"
    case .done(let date, _): "done \(written(date?.span))"
    case .progress(let value, _): "progress \(number(value))"
    case .weight(let value, _): "weight \(number(value))"
    case .owner(let person, _): "owner \(written(person.span))"
    case .note(let note, _): "note \(written(note.span))"
    case .source(let name, _): "source \(written(name.span))"
    }
  }

  /// Where each comment sits: its text (trailing white space removed), whether it had a line
  /// of its own, the path of the innermost statement it is inside of (nil at the top level)
  /// and of the first statement that starts after it (nil at the end).
  struct CommentPlace: Hashable, CustomStringConvertible {
    var text: String
    var ownLine: Bool
    var inside: String?
    var next: String?

    var description: String {
      "\(ownLine ? "own-line" : "end-of-line") \(text) in \(inside ?? "the file") before \(next ?? "the end")"
    }
  }

  static func commentPlaces(_ syntax: SyntaxFile, in file: SourceFile) -> [CommentPlace] {
    // Every statement-level node in source order, with a path that names it independently of layout.
    var nodes: [(span: Span, path: String)] = []
    for (i, item) in syntax.items.enumerated() {
      nodes.append((item.span, "\(i)"))
      switch item {
      case .entity(let decl):
        for (m, member) in decl.members.enumerated() {
          nodes.append((member.span, "\(i).\(m)"))
          guard case .objective(let objective) = member else { continue }
          for (s, statement) in objective.statements(in: file).enumerated() {
            nodes.append((statement.span, "\(i).\(m).\(s)"))
            guard case .keyResult(let keyResult) = statement else { continue }
            for (c, clause) in keyResult.clauses(in: file).enumerated() {
              nodes.append((clause.span, "\(i).\(m).\(s).\(c)"))
            }
          }
        }
      case .policy(let decl):
        for (p, statement) in decl.statements.enumerated() { nodes.append((statement.span, "\(i).\(p)")) }
      case .include, .cycle:
        break
      }
    }
    return syntax.comments.map { comment in
      var lineStart = Int(comment.start)
      while lineStart > 0, file.bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
      let before = file.bytes[lineStart..<Int(comment.start)]
      let ownLine = before.allSatisfy { Array(" \t\r;".utf8).contains($0) }
      var text = file.text(comment)
      while let last = text.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
        text.unicodeScalars.removeLast()
      }
      // Nodes come parents first, so the last one around the comment is the innermost.
      let inside = nodes.last { $0.span.start < comment.start && comment.start < $0.span.end }?.path
      let next = nodes.first { $0.span.start > comment.start }?.path
      return CommentPlace(text: text, ownLine: ownLine, inside: inside, next: next)
    }
  }
}

extension PlanExport {
  /// The alignment graph in Graphviz's DOT language, drawn bottom to top: `dot -Tsvg`.
  ///
  /// * One box per objective, labelled with its id, its title (wrapped) and `41% · on-track`,
  ///   filled with its status's colour.
  /// * One row (a `rank=same` subgraph) per level, highest at the top, each led by a
  ///   plain-text node naming the level; invisible edges keep the rows in level order.
  /// * One edge per link, from the child to the parent objective, labelled with the key result a
  ///   promotion points at, `reuses`, and the weight when it is not 1; dashed when no one
  ///   accepted the link; grey when the child's progress does not count in the parent's.
  public func dot() -> String {
    var out = "// okr export --format dot: the alignment graph as of \(asOf).\n"
    out += "// Draw it with: dot -Tsvg FILE -o FILE.svg\n"
    out += "digraph \"okr\" {\n"
    out +=
      "  graph [label=\(DOTText.quoted("OKR alignment as of \(asOf)")), labelloc=\"t\", rankdir=\"BT\", "
      + "fontname=\"Helvetica\", nodesep=\"0.3\", ranksep=\"0.6\"];\n"
    out += "  node [shape=\"box\", style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=\"11\"];\n"
    out += "  edge [fontname=\"Helvetica\", fontsize=\"9\"];\n"
    let levels = objectivesByLevel()
    for (level, objectives) in levels {
      let levelNode = DOTText.quoted("level:" + level.rawValue)
      out += "\n  subgraph \(DOTText.quoted("rank:" + level.rawValue)) {\n"
      out += "    rank=\"same\";\n"
      out +=
        "    \(levelNode) [label=\(DOTText.quoted(level.rawValue)), shape=\"plaintext\", style=\"solid\", "
        + "fontcolor=\"#666666\"];\n"
      out += joinedText(count: objectives.count) { index in
        let id = objectives[index]
        let colors = PlanExport.colors(of: evaluation.status(of: id))
        let label =
          [DOTText.body(plan.qualifiedName(id))] + PlanExport.wrapped(title(of: id)).map(DOTText.body)
          + [DOTText.body(progressSummary(of: id))]
        return "    \(DOTText.quoted(plan.qualifiedName(id))) [label=\"\(label.joined(separator: "\\n"))\", "
          + "fillcolor=\"\(colors.fill)\", color=\"\(colors.stroke)\"];\n"
      }
      out += "  }\n"
    }
    if levels.count > 1 {
      let chain = levels.reversed().map { DOTText.quoted("level:" + $0.level.rawValue) }.joined(separator: " -> ")
      out += "\n  \(chain) [style=\"invis\"];\n"
    }
    if !plan.links.isEmpty { out += "\n" }
    out += joinedText(count: plan.links.count) { index in
      let id = LinkID(index)
      let link = plan[id]
      let parent = plan.parentObjective(of: link.target)
      var attributes: [String] = []
      if let label = edgeLabel(of: id) { attributes.append("label=\(DOTText.quoted(label))") }
      if link.acceptedBy == nil { attributes.append("style=\"dashed\"") }
      if !counts(id) { attributes.append("color=\"#999999\", fontcolor=\"#999999\"") }
      return "  \(DOTText.quoted(plan.qualifiedName(link.child))) -> \(DOTText.quoted(plan.qualifiedName(parent)))"
        + (attributes.isEmpty ? ";\n" : " [\(attributes.joined(separator: ", "))];\n")
    }
    return out + "}\n"
  }
}

/// Text inside DOT's double-quoted strings.
enum DOTText {
  /// `text` as a double-quoted DOT string.
  static func quoted(_ text: String) -> String { "\"" + body(text) + "\"" }

  /// `text` escaped for the inside of a double-quoted DOT string that Graphviz shows as a label:
  /// quotes and backslashes escaped (so `\n`, `\N` or `\G` in a title stay text), `&` written
  /// as `&amp;` (Graphviz reads entities in labels), a line break as DOT's `\n`, a tab as a
  /// space, and other control characters shown as `\u{1B}`.
  static func body(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "&": out += "&amp;"
      case "\n": out += "\\n"
      case "\t": out += " "
      default:
        TerminalText.appendShowingControls(scalar, to: &out, backslash: "\\\\")
      }
    }
    return out
  }
}

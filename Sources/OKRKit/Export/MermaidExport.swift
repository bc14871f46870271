extension PlanExport {
  /// The alignment graph as a Mermaid flowchart (`flowchart BT`), which code-hosting sites draw
  /// inside a ```` ```mermaid ```` block.
  ///
  /// Objectives are nodes `n0`, `n1`, … (by declaration order: plan ids may hold `-` and `.`,
  /// which Mermaid ids cannot), labelled with the real id, the title and `41% · on-track`, and
  /// grouped in one subgraph per level. A `classDef` per status colours them. Edges run from the
  /// child to the parent objective with the same labels as the DOT export; an unaccepted link is
  /// dotted, and a link whose child does not count in the parent's progress is grey.
  public func mermaid() -> String {
    var out = "---\ntitle: OKR alignment as of \(asOf)\n---\nflowchart BT\n"
    var statuses: [ProgressStatus: [ObjectiveID]] = [:]
    for (level, objectives) in objectivesByLevel() {
      out += "  subgraph level_\(level.rawValue)[\"\(level.rawValue)\"]\n"
      out += joinedText(count: objectives.count) { index in
        let id = objectives[index]
        let label =
          [MermaidText.escaped(plan.qualifiedName(id))]
          + PlanExport.wrapped(title(of: id)).map(MermaidText.escaped) + [MermaidText.escaped(progressSummary(of: id))]
        return "    \(MermaidText.node(id))[\"\(label.joined(separator: "<br/>"))\"]\n"
      }
      for id in objectives { statuses[evaluation.status(of: id), default: []].append(id) }
      out += "  end\n"
    }
    out += joinedText(count: plan.links.count) { index in
      let id = LinkID(index)
      let link = plan[id]
      let arrow = link.acceptedBy == nil ? "-.->" : "-->"
      let label = edgeLabel(of: id).map { "|\"\(MermaidText.escaped($0))\"|" } ?? ""
      return
        "  \(MermaidText.node(link.child)) \(arrow)\(label) \(MermaidText.node(plan.parentObjective(of: link.target)))\n"
    }
    let uncounted = plan.links.indices.filter { !counts(LinkID($0)) }
    for status in ProgressStatus.allCases {
      guard let members = statuses[status] else { continue }
      let colors = PlanExport.colors(of: status)
      let name = MermaidText.className(status)
      out += "  classDef \(name) fill:\(colors.fill),stroke:\(colors.stroke),color:#1a1a1a\n"
      out += "  class \(members.map(MermaidText.node).joined(separator: ",")) \(name)\n"
    }
    if !uncounted.isEmpty {
      out += "  linkStyle \(uncounted.map(String.init).joined(separator: ",")) stroke:#999999,color:#999999\n"
    }
    return out
  }
}

/// Names and text in Mermaid flowcharts.
enum MermaidText {
  private static let direction = Array("direction".unicodeScalars)

  /// The node id of an objective: `n` and its index.
  static func node(_ id: ObjectiveID) -> String { "n\(id.index)" }

  /// A status as a class name (class names cannot hold `-`): `onTrack`.
  static func className(_ status: ProgressStatus) -> String {
    switch status {
    case .onTrack: "onTrack"
    case .atRisk: "atRisk"
    case .offTrack: "offTrack"
    case .achieved: "achieved"
    case .missed: "missed"
    case .upcoming: "upcoming"
    case .noCycle: "noCycle"
    }
  }

  /// `text` for the inside of a double-quoted Mermaid label.
  ///
  /// Mermaid has no backslash escapes; it reads entity codes (`#quot;`, `#35;`) and turns `\n`
  /// and `<br>` into line breaks. So quotes, `#`, `&`, `<`, `>`, backslashes, backticks (which
  /// start Markdown labels), `|` (which ends an edge label), `:` and `;` (which Mermaid's styling
  /// pass looks for) are written as entity codes; a line break becomes `<br/>`, a tab a space,
  /// and another control character `\u{1B}` (its backslash an entity code too). The `d` of the
  /// word `direction` is an entity code as well: Mermaid's lexer takes any line holding
  /// `direction TB` (or `BT`, `LR`, `RL`) for a direction statement, even inside a label.
  static func escaped(_ text: String) -> String {
    var out = ""
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      if scalar == "d", scalars[index...].starts(with: direction) {
        out += "#100;"
        continue
      }
      switch scalar {
      case "\"": out += "#quot;"
      case "#": out += "#35;"
      case "&": out += "#amp;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "\\": out += "#92;"
      case "`": out += "#96;"
      case "|": out += "#124;"
      case ":": out += "#58;"
      case ";": out += "#59;"
      case "\n": out += "<br/>"
      case "\t": out += " "
      default:
        TerminalText.appendShowingControls(scalar, to: &out, backslash: "#92;")
      }
    }
    return out
  }
}

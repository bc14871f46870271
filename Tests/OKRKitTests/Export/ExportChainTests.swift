import Testing

@testable import OKRKit

/// A 100,000-long `supports` chain exports in every format without deep recursion, and the
/// Markdown list stops nesting at ``PlanExport/maximumMarkdownDepth``.
@Suite struct ExportChainTests {
  static let length = 100_000

  /// `t.o0` at the top; each `t.oN` supports `t.o(N-1)`; only the bottom one has a key result.
  static let export: PlanExport = {
    var text = "team t {\n  objective o0 \"Top\" { cycle 2026\n  }\n"
    for index in 1..<length {
      text += "  objective o\(index) \"Step \(index)\" { cycle 2026; supports t.o\(index - 1)"
      if index == length - 1 { text += "\n    kr k \"Bottom\" from 0 to 10 current 4" }
      text += "\n  }\n"
    }
    return ExportFixtures.export(text: text + "}\n", path: "chain.okr")
  }()

  @Test func markdownCapsTheIndentation() {
    let markdown = Self.export.markdown()
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    let alignment = lines.drop { $0 != "## Alignment" }.prefix { $0 != "## Orphans" }
    let items = alignment.filter { $0.drop { $0 == " " }.hasPrefix("- ") }
    #expect(items.count == Self.length + 1)
    let deepest = items.map { $0.prefix { $0 == " " }.count }.max()
    #expect(deepest == 2 * PlanExport.maximumMarkdownDepth)
    let bottom = "⋯ depth \(Self.length) · kr `k` Bottom"
    #expect(
      items.last.map(String.init) == String(repeating: "  ", count: PlanExport.maximumMarkdownDepth) + "- " + bottom
        + " — `████░░░░░░` 40% · 4 / 10")
    #expect(markdown.contains("Note: lists nest at most \(PlanExport.maximumMarkdownDepth) levels deep"))
    #expect(markdown.contains("- 🟢 **Top** `t.o0` — `████░░░░░░` 40% · on-track"))
  }

  @Test func graphsHaveEveryNodeAndEdge() {
    let dot = Self.export.dot()
    #expect(dot.split(separator: "\n").filter { $0.hasPrefix("    \"t.o") }.count == Self.length)
    #expect(dot.contains("  \"t.o\(Self.length - 1)\" -> \"t.o\(Self.length - 2)\" [style=\"dashed\"];\n"))
    let mermaid = Self.export.mermaid()
    #expect(mermaid.split(separator: "\n").filter { $0.contains(" -.-> ") }.count == Self.length - 1)
  }

  @Test func jsonHasEveryObjective() {
    guard case .array(let objectives)? = Self.export.json()["objectives"] else {
      Issue.record("objectives is an array")
      return
    }
    #expect(objectives.count == Self.length)
    #expect(objectives.allSatisfy { $0["progress"] == .number(0.4) })
  }
}

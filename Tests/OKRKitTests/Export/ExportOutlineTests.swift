import Testing

@testable import OKRKit

/// The alignment tree of the Markdown report: every objective once in full, a second parent
/// only referring to it, and plans at the edges.
@Suite struct ExportOutlineTests {
  static let sharedChild = """
    company acme "Acme" {
      admin ceo
      objective a "Alpha" { cycle 2026; kr k "K" progress 50% }
      objective b "Beta" { cycle 2026; kr k "K" progress 10% }
    }
    team t "T" in acme { lead ceo }
    person ceo "Casey" in acme
    team t {
      objective both "Serves two" {
        cycle 2026
        shared
        supports acme.a accepted by ceo
        supports acme.b weight 3 accepted by ceo
        kr k "K" from 0 to 4 current 1
      }
    }
    """

  @Test func aChildWithTwoParentsIsWrittenOnceInFull() {
    let export = ExportFixtures.export(text: Self.sharedChild)
    let outline = AlignmentOutline(export.plan)
    let both = export.plan.objectiveID("t.both")
    let rows = outline.rows.filter { if case .objective(both) = $0.item { true } else { false } }
    #expect(rows.map(\.isRepeat) == [false, true])
    #expect(outline.loopRows.isEmpty)
    let markdown = export.markdown()
    #expect(
      markdown.contains("  - 🟡 **Serves two** `t.both` — `███░░░░░░░` 25% · at-risk, expected 33% · cycle 2026\n"))
    #expect(markdown.contains("  - ↺ **Serves two** `t.both` — shown above · weight 3\n"))
    #expect(markdown.components(separatedBy: "kr `k` K — `███░░░░░░░` 25%").count == 2)
  }

  @Test func everyObjectiveAppearsInTheOutline() throws {
    let export = try ExportFixtures.export("varied")
    let outline = AlignmentOutline(export.plan)
    var expanded = Set<ObjectiveID>()
    for row in outline.rows + outline.loopRows {
      if case .objective(let id) = row.item, !row.isRepeat { #expect(expanded.insert(id).inserted) }
    }
    #expect(expanded == Set(export.objectiveIDs))
  }

  @Test(arguments: ExportFormat.allCases) func anEmptyPlanExports(_ format: ExportFormat) throws {
    let export = ExportFixtures.export(text: "# nothing yet\n")
    let text = export.text(format)
    #expect(text.hasSuffix("\n"))
    switch format {
    case .json: #expect(export.json()["objectives"] == .array([]))
    case .markdown: #expect(text.contains("The plan has no objectives."))
    case .mermaid: #expect(text.hasSuffix("flowchart BT\n"))
    case .dot:
      if let dot = ExportFixtures.dot { #expect(try ExportFixtures.svg(text, dot: dot).status == 0) }
    }
  }
}

import Foundation
import Testing

@testable import OKRKit

/// Each export format of the product-launch sample and of the fixtures in `Fixtures/export`, as
/// of 2026-05-01, against golden files (`OKR_RECORD=1` rewrites them).
@Suite struct ExportGoldenTests {
  @Test(arguments: ExportFixtures.goldenPlans, ExportFormat.allCases)
  func matchesTheGolden(_ plan: String, _ format: ExportFormat) throws {
    let export = try ExportFixtures.export(plan)
    try ExportFixtures.expectGolden(export.text(format), ExportFixtures.goldenName(plan, format))
  }

  @Test(arguments: ExportFixtures.goldenPlans)
  func graphvizDrawsTheDOT(_ plan: String) throws {
    guard let dot = ExportFixtures.dot else { return }
    let result = try ExportFixtures.svg(try ExportFixtures.export(plan).dot(), dot: dot)
    #expect(result.status == 0)
    #expect(result.errors.isEmpty, "dot said: \(result.errors)")
    #expect(result.svg.contains("<svg"))
  }

  @Test func theSampleGraphHasEveryObjectiveAndLink() throws {
    let export = try ExportFixtures.export("product-launch")
    let dot = export.dot()
    for id in export.objectiveIDs {
      #expect(dot.contains("\n    \"\(export.plan.qualifiedName(id))\" [label="))
    }
    #expect(dot.contains("\"gtm.engine\" -> \"lumen.launch-aria\" [label=\"×2\"];"))
    #expect(dot.contains("\"sales.retail\" -> \"lumen.launch-aria\" [label=\"kr pipeline\"];"))
    #expect(
      dot.contains("\"level:person\" -> \"level:team\" -> \"level:unit\" -> \"level:company\" [style=\"invis\"];"))
    let mermaid = export.mermaid()
    #expect(mermaid.hasPrefix("---\ntitle: OKR alignment as of 2026-05-01\n---\nflowchart BT\n"))
    #expect(mermaid.contains("  n2 -->|\"×2\"| n0\n"))
    #expect(mermaid.contains("  n5 -->|\"kr pipeline\"| n0\n"))
  }

  @Test func variedPlanShowsEveryStatusAndLinkStyle() throws {
    let export = try ExportFixtures.export("varied")
    let statuses = Set(export.objectiveIDs.map { export.evaluation.status(of: $0) })
    #expect(statuses == Set(ProgressStatus.allCases))
    let dot = export.dot()
    for status in ProgressStatus.allCases {
      #expect(dot.contains("fillcolor=\"\(PlanExport.colors(of: status).fill)\""), "no \(status) node")
    }
    #expect(dot.contains("\"ops.costs\" -> \"acme.grow\" [style=\"dashed\"];"))
    #expect(dot.contains("\"cs.support\" -> \"ops.support\" [label=\"reuses\"];"))
    #expect(
      dot.contains("\"cs.arr-help\" -> \"acme.grow\" [label=\"kr arr\", color=\"#999999\", fontcolor=\"#999999\"];"))
    #expect(dot.contains("\"cs.onboarding\" -> \"ops.hiring\" [color=\"#999999\", fontcolor=\"#999999\"];"))
    let mermaid = export.mermaid()
    for status in ProgressStatus.allCases {
      #expect(
        mermaid.contains("  classDef \(MermaidText.className(status)) fill:\(PlanExport.colors(of: status).fill),"))
    }
    #expect(mermaid.contains(" -.-> "))
    #expect(mermaid.contains("\n  linkStyle "))
  }
}

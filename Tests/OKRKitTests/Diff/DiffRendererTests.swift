import Testing

@testable import OKRKit

@Suite struct DiffRendererTests {
  /// base.okr → render/new.okr, with effects from the stand-in evaluator as of 2026-02-20.
  private func renderChanges() throws -> PlanChanges {
    let old = DiffFixtures.plan(DiffFixtures.base)
    let new = DiffFixtures.plan(try DiffFixtures.text("render/new.okr"))
    let asOf = Day("2026-02-20")!
    return PlanDiff.compare(
      old, new,
      progress: ProgressComparison(
        asOf: asOf,
        before: StandInProgress(plan: old, asOf: asOf), after: StandInProgress(plan: new, asOf: asOf)))
  }

  @Test func textGolden() throws {
    try DiffFixtures.expectGolden(DiffRenderer().text(try renderChanges()), "render/expected.txt")
  }

  @Test func colouredTextGolden() throws {
    try DiffFixtures.expectGolden(DiffRenderer(color: true).text(try renderChanges()), "render/expected-color.txt")
  }

  @Test func jsonGolden() throws {
    try DiffFixtures.expectGolden(DiffRenderer().json(try renderChanges()).serialized() + "\n", "render/expected.json")
  }

  @Test func jsonHasTheShapeOfLanguageSection8() throws {
    let json = DiffRenderer().json(try renderChanges())
    guard case .array(let changes)? = json["changes"], case .array(let effects)? = json["effects"] else {
      Issue.record("changes and effects are arrays")
      return
    }
    #expect(!changes.isEmpty)
    for change in changes {
      guard case .object(let members) = change else {
        Issue.record("each change is an object")
        continue
      }
      #expect(members.prefix(2).map(\.0) == ["kind", "id"])
    }
    #expect(effects.contains { $0["id"] == .string("cs.csat95") })
  }

  @Test func planTextCannotReachTheTerminalRaw() throws {
    let text = DiffRenderer().text(try renderChanges())
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("\"Learn SQL \\u{1B}[31mnow\""))
  }

  @Test func summaryCountsObjectivesAndNotableChanges() throws {
    let summary = DiffRenderer().summary(try renderChanges())
    #expect(
      summary == "4 objectives changed, 1 added, 1 removed; 1 key result added, 1 removed; "
        + "1 link added, 1 removed, 1 re-weighted, 1 acceptance changed; 1 check-in added; 1 entity added, 1 changed; "
        + "1 cycle changed; 2 policy settings changed")
  }

  @Test func theSamePlanSaysSo() {
    let plan = DiffFixtures.plan(DiffFixtures.base)
    let changes = PlanDiff.compare(plan, plan)
    #expect(DiffRenderer().text(changes) == "No changes: the plans mean the same.\n")
    #expect(DiffRenderer().json(changes).serialized(pretty: false) == #"{"changes":[],"effects":[]}"#)
  }

  @Test func effectLinesShowPointsAndStatus() {
    let changes = PlanChanges(
      sections: [
        ChangeSection(
          subject: .objective(id: "nova.launch", title: "Launch"),
          changes: [PlanChange(.keyResultCurrentChanged, "nova.launch.beta", before: .number(3), after: .number(4))])
      ],
      effects: [
        ProgressEffect(
          id: "nova.launch", before: .init(progress: 0.329, status: "at-risk"),
          after: .init(progress: 0.351, status: "at-risk")),
        ProgressEffect(
          id: "nova", before: .init(progress: 0.5, status: "at-risk"),
          after: .init(progress: 0.5, status: "on-track")),
      ], asOf: Day("2026-02-20"))
    let lines = DiffRenderer().text(changes).split(separator: "\n").map(String.init)
    #expect(lines.contains("Progress as of 2026-02-20:"))
    #expect(lines.contains("  nova.launch  32.9% → 35.1%  (+2.2)"))
    #expect(lines.contains("  nova         50.0% → 50.0%  (±0.0)  at-risk → on-track"))
  }
}

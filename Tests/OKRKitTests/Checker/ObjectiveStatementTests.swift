import Testing

@testable import OKRKit

/// The statements that concern an objective alone are read as the objective is declared: the
/// first `cycle` and `owner` count and a repeated one is reported; tags add up; unknown cycles
/// and persons are reported where they are written.
@Suite struct ObjectiveStatementTests {
  static let text = """
    company c "C" { admin p }
    person p "P" in c
    person q "Q" in c
    cycle FY 2026-01-01..2026-12-31
    company c {
      objective o "O" {
        cycle 2026-Q1
        owner p
        tag a, b
        cycle FY
        owner q
        tag c
        note "Why it matters"
        shared
        progress 40% override
      }
      objective u "U" {
        cycle FY9
        owner nobody
      }
    }
    """

  @Test func theFirstCycleAndOwnerCountAndRepeatsAreReported() throws {
    let parsed = FrontEndFixtures.parse(Self.text)
    #expect(parsed.diagnostics.isEmpty)
    let (plan, diagnostics) = PlanResolver.resolve(parsed)
    let owner = try #require(plan.entity(named: "c"))
    let objective = plan[try #require(plan.objective(owner: owner, localID: "o"))]
    #expect(objective.cycle?.period == Period("2026-Q1"))
    #expect(objective.cycle?.name == nil)
    #expect(objective.accountable == plan.entity(named: "p"))
    #expect(objective.tags == ["a", "b", "c"])
    #expect(objective.note.map { plan.text($0) } == "Why it matters")
    #expect(objective.isShared)
    #expect(objective.progressOverride == 0.4)
    let other = plan[try #require(plan.objective(owner: owner, localID: "u"))]
    #expect(other.cycle == nil)
    #expect(other.accountable == nil)

    let lines = LineTable(parsed.sources.files[0].bytes)
    func line(_ location: OKRKit.SourceLocation) -> Int { lines.lineIndex(of: Int(location.span.start)) + 1 }
    // Each diagnostic as "rule line: message (lines of its other places)".
    let found = Set(
      diagnostics.map {
        "\($0.rule.rawValue) \(line($0.location)): \($0.message) \($0.labels.map { line($0.location) })"
      })
    #expect(
      found == [
        "duplicate-definition 10: an objective has one 'cycle' [7]",
        "duplicate-definition 11: an objective has one 'owner' [8]",
        "unknown-reference 18: unknown cycle 'FY9' []",
        "unknown-reference 19: unknown person 'nobody' []",
      ])
  }
}

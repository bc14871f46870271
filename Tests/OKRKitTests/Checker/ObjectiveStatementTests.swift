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

  /// The terms of the last few literal periods are kept aside for the next objectives, and
  /// written over in turn: more periods than are kept, in any order, each give their own.
  @Test func everyObjectiveGetsTheCycleItWrites() throws {
    let periods = ["2026", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026-H1", "2026-03"]
    let order = [0, 1, 0, 2, 3, 4, 5, 6, 1, 0, 6, 5, 2, 2, 4, 3, 0, 1, 6]
    var text = "company c \"C\" {\n"
    for (index, period) in order.enumerated() { text += "  objective o\(index) \"O\" { cycle \(periods[period]) }\n" }
    text += "}\n"
    let (plan, diagnostics) = PlanResolver.resolve(FrontEndFixtures.parse(text))
    #expect(diagnostics.isEmpty)
    let owner = try #require(plan.entity(named: "c"))
    for (index, period) in order.enumerated() {
      let objective = plan[try #require(plan.objective(owner: owner, localID: "o\(index)"))]
      #expect(objective.cycle?.period == Period(periods[period]))
    }
  }
}

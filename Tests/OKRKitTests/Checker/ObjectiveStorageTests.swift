import Testing

@testable import OKRKit

/// Objectives keep their cycle's terms shared with the objectives of the same cycle, and their
/// tags, note and progress override apart (``ObjectiveExtras``): what the properties give back is
/// what was written, and what a host program sets is what it reads.
@Suite struct ObjectiveStorageTests {
  static let composed = "caf\u{E9}"
  static let decomposed = "cafe\u{301}"

  static let text = """
    cycle h1 2026-01-01..2026-06-30
    cycle \(composed) 2026-07-01..2026-12-31
    cycle 2026-Q1 closed
    company acme "Acme" {
      admin boss
      objective plain "Plain" { kr k1 "Revenue" from 0 to 10 }
      objective named "Named" { cycle h1; kr k1 "Revenue" from 0 to 10 }
      objective named2 "Named too" { cycle h1; kr k1 "Revenue" from 0 to 10 }
      objective quarter "Quarter" {
        cycle 2026-Q1
        owner boss
        tag growth, retention
        note "Why"
        progress 40% override
        kr k1 "Revenue" from 0 to 10
      }
      objective nfc "Composed" { cycle \(composed); kr k1 "Revenue" from 0 to 10 }
      objective nfd "Decomposed" { cycle \(decomposed); kr k1 "Revenue" from 0 to 10 }
    }
    person boss "Boss" in acme
    """

  static func plan() -> Plan {
    let parsed = FrontEndFixtures.parse(text)
    #expect(parsed.diagnostics.isEmpty)
    let (plan, diagnostics) = PlanResolver.resolve(parsed)
    #expect(diagnostics.allSatisfy { $0.severity != .error })
    return plan
  }

  static func objective(_ localID: String, in plan: Plan) throws -> Objective {
    try #require(plan.objectives.first { $0.localID == localID })
  }

  static func written(at location: OKRKit.SourceLocation?, in plan: Plan) -> String? {
    location.map { plan.sources[$0.file].text($0.span) }
  }

  @Test func statementsReadAsWritten() throws {
    let plan = Self.plan()
    let plain = try Self.objective("plain", in: plan)
    #expect(plain.cycle == nil && plain.tags.isEmpty && plain.note == nil && plain.progressOverride == nil)
    #expect(plain.accountable == nil && plain.accountableLocation == nil && plain.overrideLocation == nil)
    #expect(plain.reuses == nil)

    let quarter = try Self.objective("quarter", in: plan)
    let cycle = try #require(quarter.cycle)
    #expect(cycle.period == .quarter(2026, 1) && cycle.name == nil && cycle.isClosed)
    #expect(Self.written(at: cycle.location, in: plan) == "cycle 2026-Q1")
    #expect(quarter.tags == ["growth", "retention"])
    #expect(quarter.note.map { plan.sources[$0.file].text($0.literal.span) } == "\"Why\"")
    #expect(quarter.progressOverride == 0.4)
    #expect(Self.written(at: quarter.overrideLocation, in: plan) == "progress 40% override")
    #expect(quarter.accountable == plan.entity(named: "boss"))
    #expect(Self.written(at: quarter.accountableLocation, in: plan) == "owner boss")

    let named = try Self.objective("named", in: plan)
    let named2 = try Self.objective("named2", in: plan)
    #expect(named.cycle?.name == "h1" && named.cycle?.period == named2.cycle?.period && named.cycle?.isClosed == false)
    #expect(named.cycle?.location != named2.cycle?.location)
  }

  @Test func cycleNamesKeepTheFormTheyAreWrittenIn() throws {
    let plan = Self.plan()
    let composed = try #require(try Self.objective("nfc", in: plan).cycle?.name)
    let decomposed = try #require(try Self.objective("nfd", in: plan).cycle?.name)
    #expect(Array(composed.utf8) == Array(Self.composed.utf8))
    #expect(Array(decomposed.utf8) == Array(Self.decomposed.utf8))
  }

  @Test func aHostsCycleThatEndsBeforeItStartsHoldsNoDay() throws {
    var plan = Self.plan()
    let index = try #require(plan.objectives.firstIndex { $0.localID == "plain" })
    let (march, january) = (
      try #require(Day(year: 2026, month: 3, day: 1)), try #require(Day(year: 2026, month: 1, day: 1))
    )
    plan.objectives[index].cycle = CycleAssignment(
      period: .range(march, january), name: nil, isClosed: false, location: plan.objectives[index].location)
    // The rules and the roll-up take it without trapping on a range of days that cannot be made.
    _ = PlanChecker.check(plan)
    let id = ObjectiveID(index)
    let evaluator = PlanEvaluator(plan)
    #expect(evaluator.evaluate(asOf: try #require(Day(year: 2026, month: 2, day: 1))).status(of: id) == .upcoming)
    #expect(evaluator.evaluate(asOf: march).status(of: id) == .missed)
    #expect(ProgressStatus.of(progress: 1, cycle: .range(march, january), asOf: march, policy: Policy()) == .achieved)
  }

  @Test func settingAPropertyKeepsTheOthers() throws {
    var objective = try Self.objective("quarter", in: Self.plan())
    let note = objective.note
    objective.tags = ["new"]
    #expect(objective.tags == ["new"] && objective.note == note && objective.progressOverride == 0.4)
    objective.progressOverride = nil
    objective.overrideLocation = nil
    #expect(objective.progressOverride == nil && objective.tags == ["new"] && objective.note == note)
    let elsewhere = OKRKit.SourceLocation(file: FileID(3), span: Span(start: 1, end: 2))
    objective.cycle = CycleAssignment(period: .year(2027), name: "next", isClosed: false, location: elsewhere)
    #expect(objective.cycle?.period == .year(2027) && objective.cycle?.name == "next")
    #expect(objective.cycle?.location == elsewhere && objective.cycle?.isClosed == false)
    objective.cycle = nil
    #expect(objective.cycle == nil)
    objective.accountable = nil
    objective.reuses = ObjectiveID(5)
    #expect(objective.accountable == nil && objective.reuses == ObjectiveID(5))
  }
}

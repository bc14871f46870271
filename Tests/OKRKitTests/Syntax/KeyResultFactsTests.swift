import Testing

@testable import OKRKit

/// The parser gathers what each key result's clauses say; resolving builds the key results from
/// that alone. Repeated clauses, string units, escapes, unsorted check-ins and clauses after a
/// problem give the same key results as the clauses read in order.
@Suite struct KeyResultFactsTests {
  static let text = #"""
    company acme "Acme" {
      admin ceo
      objective a "A" {
        cycle 2026
        owner ceo
        kr owners "Owners" owner ceo owner nobody owner ceo
        kr unit "Unit" from 1 to 9 unit "tickets/day" current 3
        kr ranges "Ranges" from 1 to 9 unit ms from 5 to 2 current 4 current 3
        kr done "Done" milestone done 2026-02-01 progress 40%
        kr undated "Undated" done
        kr manual "Manual" progress 40% progress 60% weight 2 weight 3 note "n1" note "n\u{e9}2" source "s1" source "s\"2"
        kr checkins "Check-ins" from 0 to 10 {
          checkin 2026-03-01 5 confidence 0.5 "later"
          checkin 2026-02-01 3
          checkin 2026-02-01 4 confidence 80%
        }
        kr owners "Repeated id" from 0 to 1 owner nobody
        kr bad "Bad weight" milestone done weight 4% note "kept"
      }
    }
    person ceo "C" in acme

    """#

  static func resolved() -> (plan: Plan, diagnostics: [Diagnostic]) {
    PlanResolver.resolve(FrontEndFixtures.parse(text))
  }

  static func keyResult(_ plan: Plan, _ localID: String) throws -> KeyResult {
    let owner = try #require(plan.entity(named: "acme"))
    let objective = try #require(plan.objective(owner: owner, localID: "a"))
    return plan[try #require(plan.keyResult(of: objective, localID: localID))]
  }

  static func written(_ plan: Plan, _ location: OKRKit.SourceLocation?) -> String? {
    location.map { location in
      let bytes = plan.sources[location.file].bytes
      return String(decoding: bytes[Int(location.span.start)..<Int(location.span.end)], as: UTF8.self)
    }
  }

  @Test func measuresTakeTheLastRangeAndTheFirstMilestone() throws {
    let plan = Self.resolved().plan
    #expect(try Self.keyResult(plan, "unit").measure == .metric(from: 1, to: 9, current: 3, unit: "tickets/day"))
    let ranges = try Self.keyResult(plan, "ranges")
    #expect(ranges.measure == .metric(from: 5, to: 2, current: 3, unit: nil))
    #expect(Self.written(plan, ranges.measureLocation) == "from 5 to 2")
    let done = try Self.keyResult(plan, "done")
    #expect(done.measure == .milestone(isDone: true, doneOn: Day("2026-02-01")))
    #expect(Self.written(plan, done.measureLocation) == "milestone")
    #expect(try Self.keyResult(plan, "undated").measure == .milestone(isDone: true, doneOn: nil))
    let manual = try Self.keyResult(plan, "manual")
    #expect(manual.measure == .manual(0.6))
    #expect(Self.written(plan, manual.measureLocation) == "60%")
  }

  @Test func weightNoteAndSourceTakeTheLastClause() throws {
    let plan = Self.resolved().plan
    let manual = try Self.keyResult(plan, "manual")
    #expect(manual.weight == 3)
    #expect(Self.written(plan, manual.weightLocation) == "3")
    #expect(manual.note.map(plan.text) == "n\u{e9}2")
    #expect(manual.source == "s\"2")
    let bad = try Self.keyResult(plan, "bad")
    // `weight 4%` is reported, and the key result keeps what parsed.
    #expect(bad.weight == 4)
    #expect(bad.measure == .milestone(isDone: true, doneOn: nil))
    #expect(bad.note.map(plan.text) == "kept")
  }

  /// Extras are found by counting from the objective's first: key results without extras, one
  /// with a repeated id (whose extras are skipped with it) and the next objective's keep their own.
  @Test func extrasAndWeightsBelongToTheirKeyResult() throws {
    let text = #"""
      company acme "Acme" {
        admin ceo
        objective a "A" {
          kr plain "Plain" from 0 to 1
          kr first "First" from 0 to 1 unit ms weight 1_000 note "first"
          kr first "Repeated" from 0 to 1 unit s weight 7 note "skipped" source "skipped"
          kr long "Long" progress 10% weight 1234567890123456789
          kr redone "Redone" milestone done 2026-02-01 done
          kr dated "Dated" done done 2026-03-01
        }
        objective b "B" {
          kr plain "Plain" milestone
          kr other "Other" from 0 to 1 weight 2.5 source "b.other"
        }
      }
      person ceo "C" in acme

      """#
    let (plan, diagnostics) = PlanResolver.resolve(FrontEndFixtures.parse(text))
    #expect(diagnostics.map(\.rule) == [.duplicateDefinition])
    func keyResult(_ objective: String, _ localID: String) throws -> KeyResult {
      let owner = try #require(plan.entity(named: "acme"))
      let id = try #require(plan.objective(owner: owner, localID: objective))
      return plan[try #require(plan.keyResult(of: id, localID: localID))]
    }
    let first = try keyResult("a", "first")
    #expect(first.weight == 1000)
    #expect(first.note.map(plan.text) == "first")
    #expect(first.measure == .metric(from: 0, to: 1, current: nil, unit: "ms"))
    #expect(first.source == nil)
    #expect(try keyResult("a", "plain").weight == 1)
    #expect(try keyResult("a", "plain").note == nil)
    #expect(try keyResult("a", "long").weight == 1_234_567_890_123_456_789)
    #expect(try keyResult("a", "redone").measure == .milestone(isDone: true, doneOn: nil))
    #expect(try keyResult("a", "dated").measure == .milestone(isDone: true, doneOn: Day("2026-03-01")))
    let other = try keyResult("b", "other")
    #expect(other.weight == 2.5)
    #expect(other.source == "b.other")
    #expect(try keyResult("b", "plain").source == nil)
  }

  @Test func everyOwnerClauseIsLookedUp() throws {
    let (plan, diagnostics) = Self.resolved()
    #expect(try Self.keyResult(plan, "owners").owner == plan.entity(named: "ceo"))
    let unknown = diagnostics.filter { $0.rule == .unknownReference }
    // The middle clause of the first key result; the key result with a repeated id is skipped.
    #expect(unknown.count == 1)
    #expect(Self.written(plan, unknown.first?.location) == "nobody")
  }

  @Test func checkinsAreSortedByDateKeepingWrittenOrder() throws {
    let plan = Self.resolved().plan
    let checkins = try Self.keyResult(plan, "checkins").checkins
    let records = plan.checkins[Int(checkins.lowerBound)..<Int(checkins.upperBound)]
    #expect(records.map(\.date.description) == ["2026-02-01", "2026-02-01", "2026-03-01"])
    #expect(records.map(\.value) == [3, 4, 5])
    #expect(records.map(\.confidence) == [nil, 0.8, 0.5])
    #expect(records.map { $0.note.map(plan.text) } == [nil, nil, "later"])
  }
}

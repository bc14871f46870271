import Testing

@testable import OKRKit

/// Key results keep their measure as numbers and a kind, and their unit, source, note and written
/// weight apart (``KeyResultExtras``): what the properties give back is what was written, and
/// what a host program sets is what it reads.
@Suite struct KeyResultStorageTests {
  static let composed = "caf\u{E9}"
  static let decomposed = "cafe\u{301}"

  static let text = """
    company acme "Acme" {
      admin boss
      objective grow "Grow" {
        kr bare "Supported"
        kr range "Revenue" from 10 to 20 unit keur
        kr current "Users" from 0 to 100 unit "active users" current 40
        kr open "Launch" milestone
        kr done "Ship" milestone done
        kr dated "Audit" milestone done 2026-02-19
        kr manual "Docs" progress 35%
        kr extras "Uptime" from 99 to 99.9 unit pct weight 2 source "uptime.monthly" note "SLO"
        kr same "Latency" from 300 to 200 unit pct
        kr twin "Latency p99" from 900 to 500 unit pct
        kr nfc "Coffee" from 1 to 2 unit \(composed)
        kr nfd "Tea" from 1 to 2 unit \(decomposed)
        kr escapedNFC "Cocoa" from 1 to 2 unit "caf\\u{E9}"
        kr escapedNFD "Mate" from 1 to 2 unit "cafe\\u{301}"
      }
    }
    person boss "Boss" in acme
    """

  static func plan() -> (plan: Plan, text: (TextRef) -> String) {
    let parsed = FrontEndFixtures.parse(text)
    #expect(parsed.diagnostics.isEmpty)
    let sources = parsed.sources
    let (plan, diagnostics) = PlanResolver.resolve(parsed)
    #expect(diagnostics.isEmpty)
    return (plan, { sources[$0.file].text($0.literal.span) })
  }

  static func keyResult(_ localID: String, in plan: Plan) throws -> KeyResult {
    try #require(plan.keyResults.first { $0.localID == localID })
  }

  @Test func measuresReadAsWritten() throws {
    let plan = Self.plan().plan
    let expected: [(String, Measure)] = [
      ("bare", .none),
      ("range", .metric(from: 10, to: 20, current: nil, unit: "keur")),
      ("current", .metric(from: 0, to: 100, current: 40, unit: "active users")),
      ("open", .milestone(isDone: false, doneOn: nil)),
      ("done", .milestone(isDone: true, doneOn: nil)),
      ("dated", .milestone(isDone: true, doneOn: Day(year: 2026, month: 2, day: 19))),
      ("manual", .manual(0.35)),
      ("extras", .metric(from: 99, to: 99.9, current: nil, unit: "pct")),
    ]
    for (localID, measure) in expected {
      #expect(try Self.keyResult(localID, in: plan).measure == measure, "\(localID)")
    }
  }

  @Test func extrasReadAsWritten() throws {
    let (plan, text) = Self.plan()
    let extras = try Self.keyResult("extras", in: plan)
    #expect(extras.source == "uptime.monthly")
    #expect(extras.weight == 2)
    #expect(extras.weightLocation.map { plan.sources[$0.file].text($0.span) } == "2")
    #expect(extras.note.map(text) == "\"SLO\"")
    #expect(text(extras.title) == "\"Uptime\"")
    let plain = try Self.keyResult("range", in: plan)
    #expect(plain.source == nil && plain.note == nil && plain.weightLocation == nil && plain.weight == 1)
    #expect(plain.measureLocation.map { plan.sources[$0.file].text($0.span) } == "from 10 to 20 unit keur")
  }

  @Test func unitsKeepTheFormTheyAreWrittenIn() throws {
    let plan = Self.plan().plan
    func unit(_ localID: String) throws -> String? {
      guard case .metric(_, _, _, let unit) = try Self.keyResult(localID, in: plan).measure else { return nil }
      return unit
    }
    #expect(try unit("same") == "pct")
    #expect(try unit("nfc").map { Array($0.utf8) } == Array(Self.composed.utf8))
    #expect(try unit("nfd").map { Array($0.utf8) } == Array(Self.decomposed.utf8))
    #expect(try unit("escapedNFC").map { Array($0.utf8) } == Array(Self.composed.utf8))
    #expect(try unit("escapedNFD").map { Array($0.utf8) } == Array(Self.decomposed.utf8))
  }

  @Test func settingAPropertyKeepsTheOthers() throws {
    var keyResult = try Self.keyResult("extras", in: Self.plan().plan)
    let note = keyResult.note
    keyResult.measure = .milestone(isDone: true, doneOn: Day(year: 2026, month: 3, day: 1))
    #expect(keyResult.measure == .milestone(isDone: true, doneOn: Day(year: 2026, month: 3, day: 1)))
    #expect(keyResult.source == "uptime.monthly" && keyResult.note == note && keyResult.weightLocation != nil)
    keyResult.measure = .milestone(isDone: false, doneOn: Day(year: 1969, month: 12, day: 31))
    #expect(keyResult.measure == .milestone(isDone: false, doneOn: Day(year: 1969, month: 12, day: 31)))
    keyResult.source = nil
    keyResult.measure = .metric(from: 1, to: 0, current: .infinity, unit: "h")
    #expect(keyResult.measure == .metric(from: 1, to: 0, current: .infinity, unit: "h"))
    #expect(keyResult.source == nil && keyResult.note == note)
    keyResult.measure = .manual(-0.5)
    #expect(keyResult.measure == .manual(-0.5))
    keyResult.owner = EntityID(7)
    #expect(keyResult.owner == EntityID(7))
    keyResult.owner = nil
    #expect(keyResult.owner == nil)

    var plain = try Self.keyResult("bare", in: Self.plan().plan)
    plain.source = "signups"
    #expect(plain.source == "signups" && plain.measure == .none)
    plain.source = nil
    #expect(plain.source == nil)
  }

  /// The weight is kept with the extras, which key results with the same unit share: setting one
  /// key result's weight changes no other.
  @Test func settingAWeightChangesOneKeyResult() throws {
    var plan = Self.plan().plan
    let same = try #require(plan.keyResults.firstIndex { $0.localID == "same" })
    let twin = try #require(plan.keyResults.firstIndex { $0.localID == "twin" })
    plan.keyResults[same].weight = 3
    #expect(plan.keyResults[same].weight == 3)
    #expect(plan.keyResults[twin].weight == 1)
    #expect(plan.keyResults[same].measure == .metric(from: 300, to: 200, current: nil, unit: "pct"))
    plan.keyResults[twin].weight = .nan
    #expect(plan.keyResults[twin].weight.isNaN)
    #expect(plan.keyResults[twin].measure == .metric(from: 900, to: 500, current: nil, unit: "pct"))
    plan.keyResults[same].weight = 1
    #expect(plan.keyResults[same].weight == 1 && plan.keyResults[same].weightLocation == nil)
  }
}

import Testing

@testable import OKRKit

/// One kind of change: an edit of the base plan and exactly the changes it must produce.
struct ChangeCase: Sendable, CustomTestStringConvertible {
  var name: String
  var old: String
  var new: String
  var expected: [PlanChange]

  /// `old` is the base plan, `new` the base with `replacements` applied.
  init(_ name: String, _ replacements: [(String, String)], _ expected: [PlanChange]) {
    self.name = name
    old = DiffFixtures.base
    new = DiffFixtures.edited(replacements)
    self.expected = expected
  }

  /// `old` is the base with `replacements` applied, `new` the base.
  init(reverse name: String, _ replacements: [(String, String)], _ expected: [PlanChange]) {
    self.name = name
    old = DiffFixtures.edited(replacements)
    new = DiffFixtures.base
    self.expected = expected
  }

  var testDescription: String { name }
}

/// The `learn-sql` objective's block in the base plan, with its line break.
private let learnSQL = """
    objective learn-sql "Learn SQL for churn analysis" {
      cycle 2026-Q1
      tag exploratory                       # knowingly unlinked: no orphan warning
      kr course "Finish the course" progress 40%
    }

  """

private let detractors = "    kr detractors \"Call back every detractor within 48h\" milestone done 2026-02-01\n"
private let score = "    kr score \"CSAT at 95%\" from 88% to 95% current 91%\n"

private func day(_ text: String) -> Day { Day(text)! }

private let objectiveCases: [ChangeCase] = [
  ChangeCase(
    "objective-added",
    [
      (
        "person bob {\n",
        "person bob {\n  objective sql2 \"Teach SQL\" {\n    cycle 2026-Q2\n    kr talk \"Give a talk\" milestone\n  }\n"
      )
    ],
    [
      PlanChange(.objectiveAdded, "bob.sql2", after: .text("Teach SQL")),
      PlanChange(
        .keyResultAdded, "bob.sql2.talk", details: [ChangeDetail("target", .target(.milestone))],
        after: .text("Give a talk")),
    ]),
  ChangeCase(
    "objective-removed", [(learnSQL, "")],
    [
      PlanChange(.objectiveRemoved, "bob.learn-sql", before: .text("Learn SQL for churn analysis")),
      PlanChange(
        .keyResultRemoved, "bob.learn-sql.course", details: [ChangeDetail("target", .target(.manual))],
        before: .text("Finish the course")),
    ]),
  ChangeCase(
    "objective-renamed", [("\"Learn SQL for churn analysis\"", "\"Learn SQL\"")],
    [
      PlanChange(
        .objectiveRenamed, "bob.learn-sql", before: .text("Learn SQL for churn analysis"), after: .text("Learn SQL"))
    ]),
  ChangeCase(
    "objective-moved",
    [
      (learnSQL, ""),
      ("person alice \"Alice Martin\" in cs\n", "person alice \"Alice Martin\" in cs\nperson alice {\n\(learnSQL)}\n"),
    ],
    [PlanChange(.objectiveMoved, "alice.learn-sql", before: .word("bob.learn-sql"), after: .word("alice.learn-sql"))]),
  ChangeCase(
    "cycle-changed", [("    cycle 2026-Q1\n    owner alice", "    cycle 2026-H1\n    owner alice")],
    [PlanChange(.cycleChanged, "cs.csat95", before: .word("2026-Q1"), after: .word("2026-H1"))]),
  ChangeCase(
    "objective-owner-changed", [("    owner alice", "    owner bob")],
    [PlanChange(.objectiveOwnerChanged, "cs.csat95", before: .word("alice"), after: .word("bob"))]),
  ChangeCase(
    "objective-shared-changed", [("    owner alice\n", "    owner alice\n    shared\n")],
    [PlanChange(.objectiveSharedChanged, "cs.csat95", before: .flag(false), after: .flag(true))]),
  ChangeCase(
    "objective-override-changed", [("    owner alice\n", "    owner alice\n    progress 50% override\n")],
    [PlanChange(.objectiveOverrideChanged, "cs.csat95", before: .absent, after: .fraction(0.5))]),
  ChangeCase(
    "objective-tags-changed", [("tag exploratory", "tag learning, exploratory")],
    [
      PlanChange(
        .objectiveTagsChanged, "bob.learn-sql", before: .words(["exploratory"]),
        after: .words(["exploratory", "learning"]))
    ]),
  ChangeCase(
    "objective-note-changed", [("    tag exploratory", "    note \"for the churn study\"\n    tag exploratory")],
    [PlanChange(.objectiveNoteChanged, "bob.learn-sql", before: .absent, after: .text("for the churn study"))]),
]

private let keyResultCases: [ChangeCase] = [
  ChangeCase(
    "kr-added", [(score, score + "    kr calls \"Weekly customer calls\" progress 10%\n")],
    [
      PlanChange(
        .keyResultAdded, "cs.csat95.calls", details: [ChangeDetail("target", .target(.manual))],
        after: .text("Weekly customer calls"))
    ]),
  ChangeCase(
    "kr-removed", [("    kr churn \"Cut monthly churn to 5%\" from 9% to 5% current 7%\n", "")],
    [
      PlanChange(
        .keyResultRemoved, "acme.csat.churn",
        details: [ChangeDetail("target", .target(.metric(from: 9, to: 5, unit: nil)))],
        before: .text("Cut monthly churn to 5%"))
    ]),
  ChangeCase(
    "kr-renamed", [("\"Cut monthly churn to 5%\"", "\"Cut churn to 5% a month\"")],
    [
      PlanChange(
        .keyResultRenamed, "acme.csat.churn", before: .text("Cut monthly churn to 5%"),
        after: .text("Cut churn to 5% a month"))
    ]),
  ChangeCase(
    "kr-moved", [(detractors, ""), (score, score + detractors)],
    [
      PlanChange(
        .keyResultMoved, "cs.csat95.detractors", before: .word("cs.nps60.detractors"),
        after: .word("cs.csat95.detractors"))
    ]),
  ChangeCase(
    "kr-target-changed", [("from 30 to 60", "from 30 to 70")],
    [
      PlanChange(
        .keyResultTargetChanged, "acme.csat.nps", before: .target(.metric(from: 30, to: 60, unit: nil)),
        after: .target(.metric(from: 30, to: 70, unit: nil)))
    ]),
  ChangeCase(
    "kr-target-changed (unit)", [("from 88% to 95%", "from 88 to 95 unit points")],
    [
      PlanChange(
        .keyResultTargetChanged, "cs.csat95.score", before: .target(.metric(from: 88, to: 95, unit: nil)),
        after: .target(.metric(from: 88, to: 95, unit: "points")))
    ]),
  ChangeCase(
    "kr-target-changed (measure kind)", [("from 9% to 5% current 7%", "milestone")],
    [
      PlanChange(
        .keyResultTargetChanged, "acme.csat.churn", before: .target(.metric(from: 9, to: 5, unit: nil)),
        after: .target(.milestone))
    ]),
  ChangeCase(
    "kr-current-changed", [("current 7%", "current 6%")],
    [PlanChange(.keyResultCurrentChanged, "acme.csat.churn", before: .number(7), after: .number(6))]),
  ChangeCase(
    "kr-done-changed", [("milestone done 2026-02-01", "milestone")],
    [
      PlanChange(
        .keyResultDoneChanged, "cs.nps60.detractors", before: .completion(isDone: true, on: day("2026-02-01")),
        after: .completion(isDone: false, on: nil))
    ]),
  ChangeCase(
    "kr-progress-changed", [("progress 40%", "progress 60%")],
    [PlanChange(.keyResultProgressChanged, "bob.learn-sql.course", before: .fraction(0.4), after: .fraction(0.6))]),
  ChangeCase(
    "kr-weight-changed", [("current 7%", "current 7% weight 2")],
    [PlanChange(.keyResultWeightChanged, "acme.csat.churn", before: .number(1), after: .number(2))]),
  ChangeCase(
    "kr-owner-changed", [("current 91%", "current 91% owner bob")],
    [PlanChange(.keyResultOwnerChanged, "cs.csat95.score", before: .absent, after: .word("bob"))]),
  ChangeCase(
    "kr-note-changed", [("current 7%", "current 7% note \"seasonal\"")],
    [PlanChange(.keyResultNoteChanged, "acme.csat.churn", before: .absent, after: .text("seasonal"))]),
  ChangeCase(
    "kr-source-changed", [("current 4.6", "current 4.6 source \"crm.rating\"")],
    [PlanChange(.keyResultSourceChanged, "bob.rating.rating", before: .absent, after: .text("crm.rating"))]),
  ChangeCase(
    "checkin-added", [("helps\"\n", "helps\"\n      checkin 2026-03-01 45\n")],
    [
      PlanChange(
        .checkinAdded, "acme.csat.nps", details: [ChangeDetail("date", .day(day("2026-03-01")))],
        after: .checkin(CheckinValue(value: 45, confidence: nil, note: nil)))
    ]),
  ChangeCase(
    "checkin-removed", [("      checkin 2026-01-15 34\n", "")],
    [
      PlanChange(
        .checkinRemoved, "acme.csat.nps", details: [ChangeDetail("date", .day(day("2026-01-15")))],
        before: .checkin(CheckinValue(value: 34, confidence: nil, note: nil)))
    ]),
  ChangeCase(
    "checkin-changed", [("checkin 2026-01-15 34", "checkin 2026-01-15 35 confidence 0.5")],
    [
      PlanChange(
        .checkinChanged, "acme.csat.nps", details: [ChangeDetail("date", .day(day("2026-01-15")))],
        before: .checkin(CheckinValue(value: 34, confidence: nil, note: nil)),
        after: .checkin(CheckinValue(value: 35, confidence: 0.5, note: nil)))
    ]),
]

private let csat95 = ChangeDetail("parent", .word("cs.csat95"))

private let linkCases: [ChangeCase] = [
  ChangeCase(
    "link-added", [("    tag exploratory", "    supports cs.csat95 weight 0.5\n    tag exploratory")],
    [
      PlanChange(
        .linkAdded, "bob.learn-sql", details: [csat95],
        after: .link(LinkTerms(weight: 0.5, acceptance: nil, isReuse: false)))
    ]),
  ChangeCase(
    "link-removed", [("    supports cs.csat95 accepted by alice\n", "")],
    [
      PlanChange(
        .linkRemoved, "bob.rating", details: [csat95],
        before: .link(LinkTerms(weight: 1, acceptance: Acceptance(by: "alice", on: nil), isReuse: false)))
    ]),
  ChangeCase(
    "link-reweighted", [("weight 2 accepted", "weight 3 accepted")],
    [
      PlanChange(
        .linkReweighted, "cs.csat95", details: [ChangeDetail("parent", .word("acme.csat"))], before: .number(2),
        after: .number(3))
    ]),
  ChangeCase(
    reverse: "link-accepted", [("supports cs.csat95 accepted by alice", "supports cs.csat95")],
    [
      PlanChange(
        .linkAccepted, "bob.rating", details: [csat95], before: .absent,
        after: .acceptance(Acceptance(by: "alice", on: nil)))
    ]),
  ChangeCase(
    "link-unaccepted", [("supports cs.csat95 accepted by alice", "supports cs.csat95")],
    [
      PlanChange(
        .linkUnaccepted, "bob.rating", details: [csat95], before: .acceptance(Acceptance(by: "alice", on: nil)),
        after: .absent)
    ]),
  ChangeCase(
    "link-acceptance-changed", [("accepted by alice", "accepted by alice on 2026-01-20")],
    [
      PlanChange(
        .linkAcceptanceChanged, "bob.rating", details: [csat95], before: .acceptance(Acceptance(by: "alice", on: nil)),
        after: .acceptance(Acceptance(by: "alice", on: day("2026-01-20"))))
    ]),
  ChangeCase(
    "link to a promoted key result re-targeted", [("supports acme.csat.nps", "supports acme.csat.churn")],
    [
      PlanChange(
        .linkAdded, "cs.nps60", details: [ChangeDetail("parent", .word("acme.csat.churn"))],
        after: .link(LinkTerms(weight: 1, acceptance: Acceptance(by: "ceo", on: nil), isReuse: false))),
      PlanChange(
        .linkRemoved, "cs.nps60", details: [ChangeDetail("parent", .word("acme.csat.nps"))],
        before: .link(LinkTerms(weight: 1, acceptance: Acceptance(by: "ceo", on: nil), isReuse: false))),
    ]),
]

private let planWideCases: [ChangeCase] = [
  ChangeCase(
    "entity-added",
    [("person bob \"Bob Chen\" in cs\n", "person bob \"Bob Chen\" in cs\nperson eve \"Eve Park\" in cs\n")],
    [PlanChange(.entityAdded, "eve", details: [ChangeDetail("level", .word("person"))], after: .text("Eve Park"))]),
  ChangeCase(
    reverse: "entity-removed",
    [("person bob \"Bob Chen\" in cs\n", "person bob \"Bob Chen\" in cs\nperson eve in cs\n")],
    [PlanChange(.entityRemoved, "eve", details: [ChangeDetail("level", .word("person"))], before: .absent)]),
  ChangeCase(
    "entity-renamed", [("\"Bob Chen\"", "\"Robert Chen\"")],
    [PlanChange(.entityRenamed, "bob", before: .text("Bob Chen"), after: .text("Robert Chen"))]),
  ChangeCase(
    "entity-level-changed", [("team cs", "unit cs"), ("team cs", "unit cs")],
    [PlanChange(.entityLevelChanged, "cs", before: .word("team"), after: .word("unit"))]),
  ChangeCase(
    "entity-parents-changed", [("\"Bob Chen\" in cs", "\"Bob Chen\" in cs, ops")],
    [PlanChange(.entityParentsChanged, "bob", before: .words(["cs"]), after: .words(["cs", "ops"]))]),
  ChangeCase(
    "entity-leads-changed", [("{ lead alice }", "{ lead alice, bob }")],
    [PlanChange(.entityLeadsChanged, "cs", before: .words(["alice"]), after: .words(["alice", "bob"]))]),
  ChangeCase(
    "entity-admins-changed", [("admin ceo", "admin ceo, dana")],
    [PlanChange(.entityAdminsChanged, "acme", before: .words(["ceo"]), after: .words(["ceo", "dana"]))]),
  ChangeCase(
    "named-cycle-added", [("cycle FY26", "cycle FY27 2026-07-01..2027-06-30 closed\ncycle FY26")],
    [
      PlanChange(
        .namedCycleAdded, "FY27", details: [ChangeDetail("closed", .flag(true))], after: .word("2026-07-01..2027-06-30")
      )
    ]),
  ChangeCase(
    "named-cycle-removed", [("cycle FY26 2025-07-01..2026-06-30\n", "")],
    [
      PlanChange(
        .namedCycleRemoved, "FY26", details: [ChangeDetail("closed", .flag(false))],
        before: .word("2025-07-01..2026-06-30"))
    ]),
  ChangeCase(
    "named-cycle-changed", [("FY26 2025-07-01..2026-06-30", "FY26 2025-07-01..2026-09-30")],
    [
      PlanChange(
        .namedCycleChanged, "FY26", before: .word("2025-07-01..2026-06-30"), after: .word("2025-07-01..2026-09-30"))
    ]),
  ChangeCase(
    "cycle-closed",
    [("cycle FY26 2025-07-01..2026-06-30\n", "cycle FY26 2025-07-01..2026-06-30 closed\ncycle 2024 closed\n")],
    [PlanChange(.cycleClosed, "FY26"), PlanChange(.cycleClosed, "2024")]),
  ChangeCase("cycle-reopened", [("cycle 2025-Q4 closed\n", "")], [PlanChange(.cycleReopened, "2025-Q4")]),
  ChangeCase(
    "policy-changed",
    [
      (
        "  max-parents 2\n",
        "  max-parents 3\n  allow unit -> team\n  objectives-per-owner team 3\n  status at-risk 0.7 off-track 0.4\n  rule orphan error\n  rule unaccepted-link off\n"
      )
    ],
    [
      PlanChange(.policyChanged, "max-parents", before: .number(2), after: .number(3)),
      PlanChange(.policyChanged, "unit -> team", before: .word("denied"), after: .word("allowed")),
      PlanChange(.policyChanged, "objectives-per-owner team", before: .number(4), after: .number(3)),
      PlanChange(.policyChanged, "status at-risk", before: .number(0.8), after: .number(0.7)),
      PlanChange(.policyChanged, "status off-track", before: .number(0.5), after: .number(0.4)),
      PlanChange(.policyChanged, "rule orphan", before: .word("warning"), after: .word("error")),
      PlanChange(.policyChanged, "rule unaccepted-link", before: .word("warning"), after: .word("off")),
    ]),
]

@Suite struct PlanDiffTests {
  @Test(arguments: objectiveCases + keyResultCases + linkCases + planWideCases)
  func eachKindOfChange(_ change: ChangeCase) {
    #expect(DiffFixtures.changes(change.old, change.new) == change.expected)
  }

  @Test func everyKindIsCovered() {
    let covered = Set((objectiveCases + keyResultCases + linkCases + planWideCases).flatMap { $0.expected.map(\.kind) })
    #expect(Set(PlanChange.Kind.allCases).subtracting(covered).isEmpty)
  }

  @Test func theSamePlanHasNoChanges() {
    let changes = PlanDiff.compare(DiffFixtures.plan(DiffFixtures.base), DiffFixtures.plan(DiffFixtures.base))
    #expect(changes.isEmpty)
    #expect(changes.changes.isEmpty)
  }

  @Test func layoutOnlyChangesAreNoChanges() throws {
    // Reformatted, commented, reordered, clauses moved into blocks, literals written another way
    // (60% for 0.6, 2.0 for 2, an escape for a letter), and split into two files.
    let layout = DiffFixtures.plan([
      "/plan/org.okr": try DiffFixtures.text("layout/org.okr"),
      "/plan/people.okr": try DiffFixtures.text("layout/people.okr"),
    ])
    let changes = PlanDiff.compare(DiffFixtures.plan(DiffFixtures.base), layout)
    #expect(changes.changes == [])
  }

  @Test func anObjectiveMovedToAnotherOwnerKeepsItsChildrensLinks() {
    let block = """
        objective csat95 "Achieve 95% customer satisfaction scores" {
          cycle 2026-Q1
          owner alice
          supports acme.csat weight 2 accepted by ceo on 2026-01-08
          kr score "CSAT at 95%" from 88% to 95% current 91%
        }

      """
    let moved = DiffFixtures.edited([
      (block, ""), ("supports cs.csat95", "supports ops.csat95"),
      (
        "unit ops \"Operations\" in acme { lead dana }",
        "unit ops \"Operations\" in acme { lead dana }\nunit ops {\n\(block)}"
      ),
    ])
    #expect(
      DiffFixtures.changes(DiffFixtures.base, moved) == [
        PlanChange(.objectiveMoved, "ops.csat95", before: .word("cs.csat95"), after: .word("ops.csat95"))
      ])
  }

  @Test func aKeyResultMovesOnlyWhenItsIdIsUniqueAmongTheOwnersObjectives() {
    let extra = "    kr x \"Extra\" progress 10%\n"
    let old = DiffFixtures.edited([("    kr course", extra + "    kr course")])
    let moved = DiffFixtures.edited([("    kr rating \"Average", extra + "    kr rating \"Average")])
    #expect(DiffFixtures.changes(old, moved).map(\.kind) == [.keyResultMoved])
    // A second `x` among bob's objectives in the new plan makes the id ambiguous: no move.
    let ambiguous = DiffFixtures.edited(
      [("person bob {\n", "person bob {\n  objective extra \"Extra\" {\n    cycle 2026-Q1\n\(extra)  }\n")], in: moved)
    #expect(
      DiffFixtures.changes(old, ambiguous).map(\.kind) == [
        .objectiveAdded, .keyResultAdded, .keyResultRemoved, .keyResultAdded,
      ])
  }

  @Test func objectiveIdsAreMatchedBeforeMoves() {
    // A new objective with the same id and title under another owner, while the old one stays: an addition.
    let copy = "person alice {\n\(learnSQL)}\n"
    let changes = DiffFixtures.changes(DiffFixtures.base, DiffFixtures.base + copy)
    #expect(changes.map(\.kind) == [.objectiveAdded, .keyResultAdded])
    #expect(changes.first?.id == "alice.learn-sql")
  }

  @Test func aRenamedReusedObjectiveIsReportedOnce() {
    let old = DiffFixtures.base + "team cs {\n  objective again reuses acme.csat { cycle 2026-Q1 }\n}\n"
    let new = DiffFixtures.edited(
      [("\"Become market leader in customer satisfaction\"", "\"Lead in satisfaction\"")], in: old)
    #expect(
      DiffFixtures.changes(old, new) == [
        PlanChange(
          .objectiveRenamed, "acme.csat", before: .text("Become market leader in customer satisfaction"),
          after: .text("Lead in satisfaction"))
      ])
  }

  @Test func reusesAndSupportsAreDifferentLinks() {
    let old =
      DiffFixtures.base
      + "team cs {\n  objective again \"Become market leader in customer satisfaction\" {\n    cycle 2026-Q1\n    supports acme.csat\n  }\n}\n"
    let new = DiffFixtures.base + "team cs {\n  objective again reuses acme.csat { cycle 2026-Q1 }\n}\n"
    let parent = ChangeDetail("parent", .word("acme.csat"))
    #expect(
      DiffFixtures.changes(old, new) == [
        PlanChange(
          .linkRemoved, "cs.again", details: [parent],
          before: .link(LinkTerms(weight: 1, acceptance: nil, isReuse: false))),
        PlanChange(
          .linkAdded, "cs.again", details: [parent], after: .link(LinkTerms(weight: 1, acceptance: nil, isReuse: true))),
      ])
  }

  @Test func aRedefinedNamedCycleIsReportedOnceAndItsNameOrPeriodMeanTheSame() {
    let old = DiffFixtures.edited([("    cycle 2026-Q1\n    tag exploratory", "    cycle FY26\n    tag exploratory")])
    let redefined = DiffFixtures.edited([("FY26 2025-07-01..2026-06-30", "FY26 2025-07-01..2026-12-31")], in: old)
    #expect(DiffFixtures.changes(old, redefined).map(\.kind) == [.namedCycleChanged])
    let literal = DiffFixtures.edited(
      [("    cycle FY26\n    tag", "    cycle 2025-07-01..2026-06-30\n    tag")], in: old)
    #expect(DiffFixtures.changes(old, literal) == [])
  }

  @Test func duplicateCheckinsAreMatchedWhateverTheirOrder() {
    let old = DiffFixtures.edited([("checkin 2026-01-15 34", "checkin 2026-01-15 34\n      checkin 2026-01-15 36")])
    let new = DiffFixtures.edited([("checkin 2026-01-15 34", "checkin 2026-01-15 36\n      checkin 2026-01-15 34")])
    #expect(DiffFixtures.changes(old, new) == [])
    let changed = DiffFixtures.edited([("checkin 2026-01-15 36", "checkin 2026-01-15 37")], in: new)
    #expect(DiffFixtures.changes(old, changed).map(\.kind).contains(.checkinChanged))
  }

  @Test func sectionsComeInAFixedOrder() {
    let new = DiffFixtures.edited([
      ("progress 40%", "progress 60%"), ("weight 2 accepted", "weight 3 accepted"), ("current 7%", "current 6%"),
      ("{ lead alice }", "{ lead alice, bob }"), ("  max-parents 2\n", "  max-parents 3\n"),
      ("cycle 2025-Q4 closed\n", ""),
    ])
    let subjects = PlanDiff.compare(DiffFixtures.plan(DiffFixtures.base), DiffFixtures.plan(new)).sections.map(
      \.subject)
    #expect(
      subjects == [
        .policy, .cycle("2025-Q4"), .entity(id: "cs", level: .team, name: "Customer Success"),
        .objective(id: "acme.csat", title: "Become market leader in customer satisfaction"),
        .objective(id: "bob.learn-sql", title: "Learn SQL for churn analysis"),
        .objective(id: "cs.csat95", title: "Achieve 95% customer satisfaction scores"),
      ])
  }

  @Test func effectsListObjectivesWhoseProgressOrStatusMoved() {
    let old = DiffFixtures.plan(DiffFixtures.base)
    let new = DiffFixtures.plan(
      DiffFixtures.edited([("current 91%", "current 93%"), ("progress 40%", "progress 40% weight 1")]))
    let asOf = day("2026-02-20")
    let changes = PlanDiff.compare(
      old, new,
      progress: ProgressComparison(
        asOf: asOf,
        before: StandInProgress(plan: old, asOf: asOf), after: StandInProgress(plan: new, asOf: asOf)))
    #expect(changes.asOf == asOf)
    #expect(changes.effects.map(\.id) == ["cs.csat95"])
    let effect = changes.effects[0]
    #expect(abs(effect.before.progress - 3.0 / 7) < 1e-9)
    #expect(abs(effect.after.progress - 5.0 / 7) < 1e-9)
    #expect(effect.before.status == "off-track")
    #expect(effect.after.status == "on-track")
  }

  @Test func aLongReusesChainIsComparedInLinearPasses() {
    let count = 20_000
    var titled = "company c \"C\" {\n  objective o0 \"Top\" { cycle 2026 }\n"
    var reusing = titled
    for index in 1..<count {
      titled += "  objective o\(index) \"Top\" { cycle 2026; supports c.o\(index - 1) }\n"
      reusing += "  objective o\(index) reuses c.o\(index - 1) { cycle 2026 }\n"
    }
    let changes = DiffFixtures.changes(titled + "}\n", reusing + "}\n")
    #expect(changes.count == 2 * (count - 1))
    #expect(changes.allSatisfy { $0.kind == .linkRemoved || $0.kind == .linkAdded })
  }

  @Test func effectiveTitlesFollowReusesAndSurviveLoops() {
    let plan = DiffFixtures.plan(
      """
      company c "C" {
        objective top "Top" { cycle 2026 }
        objective mid reuses c.top { cycle 2026 }
        objective low reuses c.mid { cycle 2026 }
        objective a reuses c.b { cycle 2026 }
        objective b reuses c.a { cycle 2026 }
      }
      """)
    #expect(effectiveTitles(plan) == ["Top", "Top", "Top", "", ""])
    #expect(effectiveTitles(plan) == plan.objectives.indices.map { plan.title(of: ObjectiveID($0)) })
  }

  /// Objectives are compared in pieces on all cores: changes far apart come out in order.
  @Test func changesAcrossManyObjectivesComeInOrder() {
    func plan(retitling retitled: Set<Int>) -> String {
      var text = "company c \"C\" {\n"
      for index in 0..<3_000 {
        let title = retitled.contains(index) ? "Changed" : "Step"
        text += "  objective o\(index) \"\(title)\" { cycle 2026; kr k \"K\" progress 10% }\n"
      }
      return text + "}\n"
    }
    let changes = DiffFixtures.changes(plan(retitling: []), plan(retitling: [10, 1_500, 2_999]))
    #expect(changes.map(\.id) == ["c.o10", "c.o1500", "c.o2999"])
    #expect(changes.allSatisfy { $0.kind == .objectiveRenamed && $0.after == .text("Changed") })
  }

  /// Key results are matched by id within their objective, whether it has a few or many.
  @Test(arguments: [4, 40]) func keyResultsAreMatchedByIdAmongFewOrMany(_ count: Int) {
    func plan(_ keyResults: [String]) -> String {
      "team t \"T\" {\n  objective o \"O\" {\n    cycle 2026\n"
        + keyResults.map { "    kr \($0)\n" }.joined() + "  }\n}\n"
    }
    let old = (1...count).map { "k\($0) \"Key \($0)\" progress 10%" }
    var new = Array(old.reversed())
    new[new.firstIndex(of: "k2 \"Key 2\" progress 10%")!] = "k2 \"Renamed\" progress 10%"
    new.removeAll { $0.hasPrefix("k3 ") }
    new.append("k\(count + 1) \"Added\" progress 10%")
    #expect(
      DiffFixtures.changes(plan(old), plan(new)).map { "\($0.kind) \($0.id)" } == [
        "keyResultRenamed t.o.k2", "keyResultRemoved t.o.k3", "keyResultAdded t.o.k\(count + 1)",
      ])
  }

  /// Links written in another order, or to a renamed parent, are compared by parent.
  @Test func linksAreComparedByParentWhateverTheirOrder() {
    let base = """
      company c "C" {
        objective a "A" { cycle 2026 }
        objective b "B" { cycle 2026 }
      }
      team t "T" in c {
        objective o "O" { cycle 2026; supports c.a weight 2; supports c.b }
      }

      """
    let swapped = base.replacingOccurrences(
      of: "supports c.a weight 2; supports c.b", with: "supports c.b; supports c.a weight 2")
    #expect(DiffFixtures.changes(base, swapped).isEmpty)
    let renamed = base.replacingOccurrences(of: "objective b", with: "objective bb")
      .replacingOccurrences(of: "supports c.b", with: "supports c.bb")
    #expect(
      DiffFixtures.changes(base, renamed).map { "\($0.kind) \($0.id)" } == [
        "objectiveRemoved c.b", "objectiveAdded c.bb", "linkRemoved t.o", "linkAdded t.o",
      ])
  }

  @Test func aLongSupportsChainIsComparedInLinearPasses() {
    func chain(lastWeight: Int) -> String {
      var text = "company c \"C\" {\n  objective o0 \"Top\" { cycle 2026 }\n"
      for index in 1..<20_000 {
        let weight = index == 19_999 ? " weight \(lastWeight)" : ""
        text += "  objective o\(index) \"Step \(index)\" { cycle 2026; supports c.o\(index - 1)\(weight) }\n"
      }
      return text + "}\n"
    }
    let changes = DiffFixtures.changes(chain(lastWeight: 1), chain(lastWeight: 2))
    #expect(
      changes == [
        PlanChange(
          .linkReweighted, "c.o19999", details: [ChangeDetail("parent", .word("c.o19998"))], before: .number(1),
          after: .number(2))
      ])
  }
}

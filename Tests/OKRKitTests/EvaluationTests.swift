import Testing

@testable import OKRKit

@Suite struct EvaluationTests {
  let asOf = EvaluationFixture.day("2026-02-20")

  @Test func workedExampleOfLanguageSection4() throws {
    let plan = try EvaluationFixture.acme()
    let evaluator = PlanEvaluator(plan)
    let evaluation = evaluator.evaluate(asOf: asOf)
    func progress(_ name: String) -> Double { evaluation.progress(of: plan.node(name)) }
    #expect(approximately(progress("acme.csat.nps"), 0.3667))
    #expect(approximately(progress("acme.csat.churn"), 0.5))
    #expect(approximately(progress("cs.csat95.score"), 0.4286))
    #expect(approximately(progress("bob.rating"), 0.3333))
    #expect(approximately(progress("cs.csat95"), 0.3810))
    #expect(progress("cs.nps60") == 1.0)
    #expect(approximately(progress("acme.csat"), 0.4071))
    #expect(approximately(progress("bob.learn-sql"), 0.4))
    // The promoted KR keeps its own metric: cs.nps60 (at 100 %) does not move it.
    #expect(!evaluation.isSupporterDerived(plan.keyResultID("acme.csat.nps")))

    let impacts = evaluator.impacts(of: plan.node("bob.rating"), in: evaluation)
    #expect(approximately(impacts.impact(on: plan.node("acme.csat")), 0.25, places: 12))
    #expect(approximately(impacts.impact(on: plan.node("cs.csat95")), 0.5, places: 12))
    #expect(evaluator.impacts(of: plan.node("cs.nps60"), in: evaluation).impact(on: plan.node("acme.csat")) == 0)

    let csat95 = plan.objectiveID("cs.csat95")
    #expect(evaluation.expected(of: csat95) == 50.0 / 90.0)
    #expect(evaluation.status(of: csat95) == .atRisk)
    #expect(approximately(evaluation.progress(of: csat95) / evaluation.expected(of: csat95)!, 0.69, places: 2))
    #expect(evaluation.status(of: plan.objectiveID("acme.csat")) == .onTrack)
    #expect(evaluation.value(of: plan.keyResultID("acme.csat.nps")) == 41)
    #expect(evaluation.confidence(of: plan.keyResultID("acme.csat.nps")) == 0.6)
  }

  /// Objectives nothing is linked to are rolled up on all cores before the rest: in one piece or
  /// many, the roll-up gives every objective and key result the same progress and status, to the
  /// bit, as one pass over every objective in order; with links to objectives and to key results,
  /// weights, overrides, cycles of their own, a loop and what-if changes.
  @Test func rollingUpInPiecesGivesTheSameAnswers() {
    let plan = Self.planWithEveryKindOfLink()
    #expect(plan.objectives.count == 102)
    #expect(plan.links.count > 90)
    let evaluator = PlanEvaluator(plan)
    var changed = WhatIf()
    changed.objectiveOverrides[plan.objectiveID("c.top4")] = .some(nil)
    changed.objectiveOverrides[plan.objectiveID("t.mid7")] = 0.5
    changed.keyResultWeights[plan.keyResultID("t.mid8.a")] = 5
    changed.linkWeights[LinkID(3)] = 0
    var statuses = Set<ProgressStatus>()
    for day in ["2025-12-01", "2026-02-20", "2026-05-10", "2027-01-01"] {
      for whatIf in [WhatIf(), changed] {
        let asOf = EvaluationFixture.day(day)
        let inOrder = evaluator.evaluate(asOf: asOf, whatIf: whatIf, metrics: nil, objectivesPerPiece: nil)
        for piece in [65_536, 3] {
          let leavesFirst = evaluator.evaluate(asOf: asOf, whatIf: whatIf, metrics: nil, objectivesPerPiece: piece)
          #expect(inOrder.objectiveProgress.map(\.bitPattern) == leavesFirst.objectiveProgress.map(\.bitPattern))
          #expect(inOrder.objectiveStatus == leavesFirst.objectiveStatus)
          #expect(inOrder.keyResultProgress.map(\.bitPattern) == leavesFirst.keyResultProgress.map(\.bitPattern))
          #expect(inOrder.keyResultStatus == leavesFirst.keyResultStatus)
        }
        statuses.formUnion(inOrder.objectiveStatus)
      }
    }
    #expect(statuses.count >= 5)
  }

  /// A plan with enough key results to read them on all cores, with the order worked out beside
  /// them, is evaluated as when a host supplies values (read on one thread, the order first).
  @Test func readingKeyResultsOnAllCoresGivesTheSameAnswers() {
    var text = "company c \"C\" {\n"
    for index in 0..<45_000 {
      let parent = index == 0 ? "" : "\n    supports c.o\(index / 2)" + (index % 3 == 0 ? ".k2" : "")
      text += """
          objective o\(index) "Goal" {
            cycle 2026\(parent)
            kr k1 "One" progress \(index % 101)%
            kr k2 "Two" from 0 to \(index % 7 + 1) current \(index % 5)
            kr k3 "Three" milestone\(index % 4 == 0 ? " done 2026-03-01" : "")
          }

        """
    }
    let plan = EvaluationFixture.plan(text + "}\n")
    #expect(plan.keyResults.count == 135_000)
    #expect(plan.links.count == 44_999)
    struct NoValues: MetricProvider {
      func value(forSource name: String, keyResult: String, asOf: Day) -> Double? { nil }
    }
    let asOf = EvaluationFixture.day("2026-06-30")
    let onAllCores = PlanEvaluator(plan).evaluate(asOf: asOf)
    let onOneThread = PlanEvaluator(plan).evaluate(asOf: asOf, metrics: NoValues())
    #expect(onAllCores.objectiveProgress.map(\.bitPattern) == onOneThread.objectiveProgress.map(\.bitPattern))
    #expect(onAllCores.objectiveStatus == onOneThread.objectiveStatus)
    #expect(onAllCores.keyResultProgress.map(\.bitPattern) == onOneThread.keyResultProgress.map(\.bitPattern))
    #expect(onAllCores.keyResultStatus == onOneThread.keyResultStatus)
    #expect(Set(onAllCores.objectiveProgress).count > 100)
  }

  /// Evaluating some objectives alone, with what they roll up from, gives them, their key results
  /// and their supporters the same progress and status, to the bit, as evaluating the whole plan;
  /// from an objective below a loop, on one, and above one, and with what-if changes.
  @Test func evaluatingSupportersAloneGivesTheSameAnswers() {
    let plan = Self.planWithEveryKindOfLink()
    let evaluator = PlanEvaluator(plan)
    var changed = WhatIf()
    changed.objectiveOverrides[plan.objectiveID("t.mid7")] = 0.5
    changed.keyResultValues[plan.keyResultID("t.mid9.a")] = 14
    changed.linkWeights[LinkID(5)] = 3
    let rootNames = ["c.top0", "c.top1", "c.top4", "t.mid1", "t.mid40", "t.mid41", "t.mid89"]
    var sizes = Set<Int>()
    for whatIf in [WhatIf(), changed] {
      let whole = evaluator.evaluate(asOf: asOf, whatIf: whatIf)
      for roots in rootNames.map({ [plan.objectiveID($0)] }) + [rootNames.map(plan.objectiveID)] {
        let order = SupporterOrder(of: roots, in: plan)
        let alone = evaluator.evaluate(order, asOf: asOf, whatIf: whatIf, metrics: nil)
        // What the roots roll up from, found here by following the links down.
        var reached = Set(roots)
        var pending = roots
        while let objective = pending.popLast() {
          var links = Array(plan.childLinks(of: objective))
          for keyResult in plan[objective].keyResults { links += plan.childLinks(of: KeyResultID(keyResult)) }
          for linkID in links where reached.insert(plan[linkID].child).inserted { pending.append(plan[linkID].child) }
        }
        #expect(Set(order.objectives) == reached)
        #expect(order.objectives.count == reached.count)
        sizes.insert(reached.count)
        for objective in reached {
          #expect(alone.progress(of: objective).bitPattern == whole.progress(of: objective).bitPattern)
          #expect(alone.status(of: objective) == whole.status(of: objective))
          for index in plan[objective].keyResults {
            let keyResult = KeyResultID(index)
            #expect(alone.progress(of: keyResult).bitPattern == whole.progress(of: keyResult).bitPattern)
            #expect(alone.status(of: keyResult) == whole.status(of: keyResult))
            #expect(alone.value(of: keyResult) == whole.value(of: keyResult))
            for linkID in plan.childLinks(of: keyResult) {
              #expect(alone.weight(of: linkID) == whole.weight(of: linkID))
            }
          }
          for linkID in plan.childLinks(of: objective) { #expect(alone.weight(of: linkID) == whole.weight(of: linkID)) }
        }
      }
    }
    // Roots with nothing below them, with a few objectives below, and with the loop below.
    #expect(sizes.contains(1))
    #expect(sizes.count >= 4)
    #expect(sizes.max()! < plan.objectives.count)
  }

  /// A company's objectives, supported by a team's: links to objectives and to key results,
  /// weights, overrides, cycles of their own, and a loop (`t.mid40` and `t.mid41`).
  private static func planWithEveryKindOfLink() -> Plan {
    var text = "company c \"C\" {\n  admin p\n"
    for index in 0..<12 {
      text += "  objective top\(index) \"Top\" {\n    cycle 2026\n"
      text += "    kr own \"Own\" from 0 to \(index + 3) current \(index % 4)\n    kr led \"From below\"\n"
      if index % 5 == 4 { text += "    progress \(index * 7)% override\n" }
      text += "  }\n"
    }
    text += "}\nperson p \"P\" in c\nteam t \"T\" in c {\n  lead p\n"
    for index in 0..<90 {
      let parent =
        index % 3 == 0 ? "c.top\(index % 12).led" : index % 7 == 1 ? "t.mid\(index - 1)" : "c.top\(index % 12)"
      text += "  objective mid\(index) \"Mid\" {\n    cycle 2026-Q\(index % 4 + 1)\n    shared\n"
      text += "    supports \(parent) weight \(index % 4 + 1) accepted by p\n"
      if index == 40 { text += "    supports t.mid41 accepted by p\n" }
      if index == 41 { text += "    supports t.mid40 accepted by p\n" }
      text += "    kr a \"A\" from \(index) to \(index + 10) current \(index + index % 9) weight \(index % 3 + 1)\n"
      text += "    kr b \"B\" milestone\(index % 2 == 0 ? " done 2026-01-\(index % 28 + 1)" : "")\n"
      text += "    kr c \"C\" progress \(index % 101)%\n  }\n"
    }
    text += "}\n"
    return EvaluationFixture.plan(text)
  }

  /// The roll-up takes the linked objectives a height at a time: an objective's height is the
  /// longest way down from it, whether its children support it or one of its key results.
  @Test func heightsCountTheLongestWayDown() {
    let plan = EvaluationFixture.plan(
      """
      company c "C" {
        admin p
        objective top "Top" { cycle 2026; kr k "K" milestone }
        objective side "Side" { cycle 2026; kr k "K" milestone }
      }
      person p "P" in c
      team t "T" in c {
        lead p
        objective mid "Mid" { cycle 2026; supports c.top accepted by p; kr k "K" milestone }
        objective low "Low" { cycle 2026; supports t.mid.k accepted by p; supports c.top.k accepted by p; kr k "K" milestone }
      }
      """)
    let alignment = AlignmentOrder(plan)
    let heights = ["c.top", "c.side", "t.mid", "t.low"].map { alignment.heights[Int(plan.objectiveID($0).index)] }
    #expect(heights == [2, 0, 1, 0])
    let order = EvaluationOrder(plan)
    #expect(order.linkedByHeight == [plan.objectiveID("t.mid"), plan.objectiveID("c.top")])
    #expect(order.heightStarts == [0, 1, 2])
    #expect(order.placedCount == 4)
  }

  /// Values that may be missing are kept as plain numbers with one NaN standing for none: every
  /// number reads back as it was stored, other NaNs included.
  @Test func missingValuesAreToldApartFromEveryNumber() {
    let numbers: [Double?] = [nil, 0, -0.0, 1.5, -.infinity, .infinity, .nan, -.nan, .greatestFiniteMagnitude, nil]
    var stored = OptionalDoubles(count: numbers.count)
    #expect((0..<numbers.count).allSatisfy { stored[$0] == nil })
    for (index, number) in numbers.enumerated() { stored[index] = number }
    for (index, number) in numbers.enumerated() {
      #expect(stored[index]?.bitPattern == number?.bitPattern, "\(String(describing: number))")
    }
  }

  @Test func decreasingMetricsAndClampingPastBothEnds() {
    let plan = EvaluationFixture.plan(
      """
      team t {
        objective o "O" {
          cycle 2026-Q1
          kr down "Down" from 10 to 2 current 4
          kr below "Below" from 10 to 2 current 12
          kr beyond "Beyond" from 10 to 2 current -5
          kr up "Up" from 0 to 100 current 150
          kr empty "Empty" from 5 to 5 current 5
          kr none "No value" from 0 to 10
        }
      }
      """)
    let evaluation = PlanEvaluator(plan).evaluate(asOf: asOf)
    #expect(evaluation.progress(of: plan.node("t.o.down")) == 0.75)
    #expect(evaluation.progress(of: plan.node("t.o.below")) == 0)
    #expect(evaluation.progress(of: plan.node("t.o.beyond")) == 1)
    #expect(evaluation.progress(of: plan.node("t.o.up")) == 1)
    #expect(evaluation.progress(of: plan.node("t.o.empty")) == 0)
    #expect(evaluation.progress(of: plan.node("t.o.none")) == 0)
    #expect(evaluation.value(of: plan.keyResultID("t.o.none")) == nil)
  }

  @Test func checkinsAfterTheAsOfDateAndLateMilestonesAreIgnored() {
    let plan = EvaluationFixture.plan(
      """
      team t {
        objective o "O" {
          cycle 2026-Q1
          kr m "Metric" from 0 to 10 current 1 {
            checkin 2026-01-10 3
            checkin 2026-02-20 5
            checkin 2026-03-01 9
          }
          kr late "Late" milestone done 2026-03-01
          kr early "Early" milestone done 2026-02-20
          kr undated "Undated" milestone done
          kr open "Open" milestone
        }
      }
      """)
    let evaluator = PlanEvaluator(plan)
    let evaluation = evaluator.evaluate(asOf: asOf)
    #expect(evaluation.progress(of: plan.node("t.o.m")) == 0.5)
    #expect(evaluation.progress(of: plan.node("t.o.late")) == 0)
    #expect(evaluation.progress(of: plan.node("t.o.early")) == 1)
    #expect(evaluation.progress(of: plan.node("t.o.undated")) == 1)
    #expect(evaluation.progress(of: plan.node("t.o.open")) == 0)
    let before = evaluator.evaluate(asOf: EvaluationFixture.day("2026-01-09"))
    #expect(before.progress(of: plan.node("t.o.m")) == 0.1)
    #expect(before.value(of: plan.keyResultID("t.o.m")) == 1)
  }

  @Test func overrideWinsAndNothingToMeasureIsZero() {
    let plan = EvaluationFixture.plan(
      """
      team t {
        objective top "Top" {
          cycle 2026-Q1
          progress 70% override
          kr a "A" progress 10%
        }
        objective empty "Empty" { cycle 2026-Q1 }
        objective child "Child" {
          cycle 2026-Q1
          supports t.top
          kr b "B" progress 90%
        }
      }
      """)
    let evaluator = PlanEvaluator(plan)
    let evaluation = evaluator.evaluate(asOf: asOf)
    #expect(evaluation.progress(of: plan.node("t.top")) == 0.7)
    #expect(evaluation.progress(of: plan.node("t.empty")) == 0)
    #expect(evaluator.impacts(of: plan.node("t.child"), in: evaluation).impact(on: plan.node("t.top")) == 0)
  }

  @Test func aChildWithTwoParentsCountsFullyInEach() {
    let plan = EvaluationFixture.plan(
      """
      team t {
        objective p1 "P1" { cycle 2026-Q1; kr a "A" progress 0% }
        objective p2 "P2" { cycle 2026-Q1; kr a "A" progress 100% }
        objective c "C" {
          cycle 2026-Q1
          shared
          supports t.p1
          supports t.p2 weight 3
          kr x "X" progress 60%
        }
      }
      """)
    let evaluation = PlanEvaluator(plan).evaluate(asOf: asOf)
    #expect(approximately(evaluation.progress(of: plan.node("t.p1")), 0.3, places: 12))
    #expect(approximately(evaluation.progress(of: plan.node("t.p2")), (1 + 3 * 0.6) / 4, places: 12))
  }

  @Test func promotedKeyResultsWithAndWithoutTheirOwnMeasure() {
    let plan = EvaluationFixture.plan(
      """
      team t {
        objective top "Top" {
          cycle 2026-Q1
          kr derived "Derived from supporters"
          kr measured "Measured" from 0 to 10 current 2
        }
        objective a "A" { cycle 2026-Q1; supports t.top.derived weight 3; kr x "X" progress 40% }
        objective b "B" { cycle 2026-Q1; supports t.top.derived; kr x "X" progress 80% }
        objective c "C" { cycle 2026-Q1; supports t.top.measured; kr x "X" progress 100% }
      }
      """)
    let evaluator = PlanEvaluator(plan)
    let evaluation = evaluator.evaluate(asOf: asOf)
    let derived = plan.keyResultID("t.top.derived")
    #expect(evaluation.isSupporterDerived(derived))
    #expect(approximately(evaluation.progress(of: derived), (3 * 0.4 + 0.8) / 4, places: 12))
    #expect(evaluation.progress(of: plan.node("t.top.measured")) == 0.2)
    #expect(approximately(evaluation.progress(of: plan.node("t.top")), (0.5 + 0.2) / 2, places: 12))
    let impacts = evaluator.impacts(of: plan.node("t.a"), in: evaluation)
    #expect(impacts.impact(on: plan.node("t.top.derived")) == 0.75)
    #expect(impacts.impact(on: plan.node("t.top")) == 0.375)
    #expect(evaluator.impacts(of: plan.node("t.c"), in: evaluation).impact(on: plan.node("t.top")) == 0)
  }

  @Test func impactSumsOverEveryPath() {
    // d reaches top through b and through c; b also through a promoted KR.
    let plan = EvaluationFixture.plan(
      """
      team t {
        objective top "Top" { cycle 2026; kr k "K" progress 0% }
        objective b "B" { cycle 2026; supports t.top; kr k "K" }
        objective c "C" { cycle 2026; supports t.top weight 2 }
        objective d "D" {
          cycle 2026-Q1
          shared
          supports t.b.k
          supports t.c
          kr x "X" progress 50%
        }
      }
      """)
    let evaluator = PlanEvaluator(plan)
    let evaluation = evaluator.evaluate(asOf: asOf)
    let impacts = evaluator.impacts(of: plan.node("t.d"), in: evaluation)
    // Through b: 1 (all of b.k) × 1/1 (b.k in b) × 1/4 (b in top); through c: 1 × 2/4.
    #expect(impacts.impact(on: plan.node("t.b")) == 1)
    #expect(impacts.impact(on: plan.node("t.top")) == 0.75)
    #expect(Set(impacts.ancestors) == [plan.objectiveID("t.b"), plan.objectiveID("t.c"), plan.objectiveID("t.top")])
    // A key result moves its objective by its share.
    let kr = evaluator.impacts(of: plan.node("t.top.k"), in: evaluation)
    #expect(kr.impact(on: plan.node("t.top")) == 0.25)
  }

  @Test func historyFollowsEveryCheckinInTheSubtree() throws {
    let plan = try EvaluationFixture.acme()
    let evaluator = PlanEvaluator(plan)
    let evaluation = evaluator.evaluate(asOf: asOf)
    let history = evaluator.history(of: plan.node("acme.csat"), in: evaluation)
    // cs.nps60 is linked to a KR with its own measure: its done date is not part of the subtree.
    #expect(history.map(\.date.description) == ["2026-01-15", "2026-02-15"])
    let milestone = evaluator.history(of: plan.node("cs.nps60"), in: evaluation)
    #expect(milestone.map(\.date.description) == ["2026-02-01"])
    #expect(milestone.map(\.progress) == [1])
    for point in history {
      let direct = evaluator.evaluate(asOf: point.date)
      #expect(approximately(point.progress, direct.progress(of: plan.node("acme.csat")), places: 12))
      #expect(point.status == direct.status(of: plan.objectiveID("acme.csat")))
    }
    let early = evaluator.history(
      of: plan.node("acme.csat"), in: evaluator.evaluate(asOf: EvaluationFixture.day("2026-01-31")))
    #expect(early.count == 1)
    let kr = evaluator.history(of: plan.node("acme.csat.nps"), in: evaluation)
    #expect(kr.map(\.progress).map { ($0 * 10_000).rounded() } == [1333, 3667])
  }

  @Test func whatIfChangesLayOverThePlanWithoutTouchingIt() throws {
    let plan = try EvaluationFixture.acme()
    let evaluator = PlanEvaluator(plan)
    var whatIf = WhatIf()
    whatIf.keyResultValues[plan.keyResultID("cs.csat95.score")] = 95
    whatIf.linkWeights[plan.parentLinks(of: plan.objectiveID("cs.csat95")).first!] = 1
    whatIf.objectiveOverrides[plan.objectiveID("bob.rating")] = .some(1)
    let changed = evaluator.evaluate(asOf: asOf, whatIf: whatIf)
    #expect(changed.progress(of: plan.node("cs.csat95")) == 1)
    #expect(approximately(changed.progress(of: plan.node("acme.csat")), (0.36667 + 0.5 + 1) / 3))
    let original = evaluator.evaluate(asOf: asOf)
    #expect(approximately(original.progress(of: plan.node("acme.csat")), 0.4071))
  }

  @Test func hostValuesActAsTheLatestValue() {
    struct Warehouse: MetricProvider {
      func value(forSource name: String, keyResult: String, asOf: Day) -> Double? {
        name == "warehouse" && keyResult == "t.o.live" ? 75 : nil
      }
    }
    let plan = EvaluationFixture.plan(
      """
      team t {
        objective o "O" {
          cycle 2026-Q1
          kr live "Live" from 0 to 100 source "warehouse" { checkin 2026-01-10 10 }
          kr other "Other" from 0 to 100 current 20 source "elsewhere"
        }
      }
      """)
    let evaluation = PlanEvaluator(plan).evaluate(asOf: asOf, metrics: Warehouse())
    #expect(evaluation.progress(of: plan.node("t.o.live")) == 0.75)
    #expect(evaluation.progress(of: plan.node("t.o.other")) == 0.2)
  }

  @Test func objectivesOnALoopAreEvaluatedWithTheLoopIgnored() {
    let plan = EvaluationFixture.plan(
      """
      team t {
        objective a "A" { cycle 2026-Q1; supports t.b; kr x "X" progress 20% }
        objective b "B" { cycle 2026-Q1; supports t.a; kr x "X" progress 60% }
        objective top "Top" { cycle 2026-Q1; kr x "X" progress 0% }
        objective up "Above the loop" { cycle 2026-Q1; supports t.top }
        objective self "Self" { cycle 2026-Q1; supports t.self; kr x "X" progress 30% }
      }
      team u {
        objective c "C" { cycle 2026-Q1; supports t.a; supports u.d; kr x "X" progress 100% }
        objective d "D" { cycle 2026-Q1; supports t.b }
      }
      """)
    let evaluator = PlanEvaluator(plan)
    let evaluation = evaluator.evaluate(asOf: asOf)
    #expect(evaluation.progress(of: plan.node("t.self")) == 0.3)
    #expect(evaluation.progress(of: plan.node("u.d")) == 1)
    // a: its KR and c (b's link is a loop link).
    #expect(evaluation.progress(of: plan.node("t.a")) == 0.6)
    #expect(evaluation.progress(of: plan.node("t.b")) == 0.8)
    _ = evaluator.impacts(of: plan.node("u.c"), in: evaluation)
    _ = evaluator.history(of: plan.node("t.a"), in: evaluation)
  }

  @Test func statusAcrossTheCycle() {
    var policy = Policy()
    let quarter = Period.quarter(2026, 1)
    func status(_ progress: Double, _ day: String) -> ProgressStatus {
      ProgressStatus.of(progress: progress, cycle: quarter, asOf: EvaluationFixture.day(day), policy: policy)
    }
    #expect(status(0, "2025-12-31") == .upcoming)
    #expect(status(0, "2026-01-01") == .onTrack)
    #expect(status(0.45, "2026-02-20") == .onTrack)
    #expect(status(0.4, "2026-02-20") == .atRisk)
    #expect(status(0.2, "2026-02-20") == .offTrack)
    #expect(status(1, "2026-04-01") == .achieved)
    #expect(status(0.999_999_999_99, "2026-04-01") == .achieved)
    #expect(status(0.99, "2026-04-01") == .missed)
    #expect(ProgressStatus.expectedProgress(of: quarter, asOf: EvaluationFixture.day("2026-04-01")) == 1)
    #expect(ProgressStatus.expectedProgress(of: quarter, asOf: EvaluationFixture.day("2026-03-31")) == 89.0 / 90)
    #expect(ProgressStatus.expectedProgress(of: nil, asOf: EvaluationFixture.day("2026-03-31")) == nil)
    policy.onTrackRatio = 0.5
    policy.atRiskRatio = 0.1
    #expect(status(0.3, "2026-02-20") == .onTrack)
    #expect(
      ProgressStatus.of(progress: 0, cycle: nil, asOf: EvaluationFixture.day("2026-02-20"), policy: policy) == .noCycle)
  }
}

/// Impact and history over 50,000 objectives supporting one: each share divides by the parent's
/// total weight, which must be summed once per walk, not once per child (that would take 2.5
/// billion steps here).
@Suite struct WideFanInEvaluationTests {
  @Test func historyAndImpactOfAnObjectiveWithFiftyThousandSupporters() {
    var text = HostilePlans.header
    for index in 1..<50_000 {
      text += "person q\(index) \"Q\" in t {\n  objective o \"Part\" {\n    cycle 2026-Q1\n"
      text += "    supports c.root accepted by p0\n"
      text += "    kr k \"k\" from 0 to 10 { checkin 2026-02-\(10 + index % 19) \(index % 11) }\n  }\n}\n"
    }
    let analysis = EvaluationFixture.analysis(text)
    #expect(analysis.diagnostics.errorCount == 0)
    let plan = analysis.plan
    let evaluator = PlanEvaluator(plan)
    let evaluation = evaluator.evaluate(asOf: EvaluationFixture.day("2026-02-20"))
    let root = plan.node("c.root")
    let history = evaluator.history(of: root, in: evaluation)
    #expect(history.count == 11)
    #expect(approximately(history.last?.progress, evaluation.progress(of: root), places: 9))
    let impacts = evaluator.impacts(of: plan.node("q7.o"), in: evaluation)
    #expect(impacts.impact(on: root) == 1.0 / 50_000)
  }

  /// One objective supporting 20,000 that each support the same key result: every step into the
  /// key result divides by its total supporter weight, summed once per walk (once per step would
  /// take 400 million).
  @Test func impactThroughAKeyResultWithTwentyThousandSupporters() {
    var text = "team t {\n  objective p \"P\" { cycle 2026; kr k \"Derived\" }\n"
    for index in 0..<20_000 {
      text += "  objective a\(index) \"A\" { cycle 2026; supports t.p.k; kr k \"K\" progress 50% }\n"
    }
    text += "  objective s \"S\" {\n    cycle 2026\n    shared\n"
    for index in 0..<20_000 { text += "    supports t.a\(index)\n" }
    text += "  }\n}\n"
    let plan = EvaluationFixture.plan(text)
    let evaluator = PlanEvaluator(plan)
    let evaluation = evaluator.evaluate(asOf: EvaluationFixture.day("2026-02-20"))
    let impacts = evaluator.impacts(of: plan.node("t.s"), in: evaluation)
    // s is half of each a (its key result is the other half); each a is 1/20,000 of p.k.
    #expect(approximately(impacts.impact(on: plan.node("t.p.k")), 0.5, places: 9))
    #expect(approximately(impacts.impact(on: plan.node("t.p")), 0.5, places: 9))
    #expect(impacts.ancestors.count == 20_001)
  }
}

import Testing

@testable import OKRKit

/// The checker on LANGUAGE.md's examples, loops, reuse and the no-cascade promise.
@Suite struct CheckerExampleTests {
  @Test func languageExampleGivesOnlyTheMeasuredAndSupportedNote() throws {
    let analysis = CheckerFixtures.analyze(try CheckerFixtures.text("language-example.okr"), path: "acme.okr")
    #expect(analysis.diagnostics.count == 1)
    let note = try #require(analysis.diagnostics.first)
    #expect(note.rule == .measuredAndSupported)
    #expect(note.severity == .note)
    #expect(note.message.contains("'acme.csat.nps'"))
    #expect(note.message.contains("'cs.nps60'"))
    try CheckerFixtures.expectGolden(CheckerFixtures.render(analysis), at: "language-example.txt")
  }

  @Test func aLoopIsNamedWholeAndReportedOnce() {
    let analysis = CheckerFixtures.analyze(
      """
      team a { lead p }
      team b { lead p }
      person p in a
      team a {
        objective x "X" { cycle 2026-Q1; supports b.y accepted by p; kr k "K" from 0 to 1 }
      }
      team b {
        objective y "Y" { cycle 2026-Q1; supports a.x accepted by p; kr k "K" from 0 to 1 }
      }
      """)
    let loops = analysis.diagnostics.filter { $0.rule == .supportsCycle }
    #expect(loops.count == 1)
    #expect(loops.first?.message == "objectives support each other in a loop: a.x → b.y → a.x")
    #expect(loops.first?.labels.count == 1)
  }

  @Test func separateLoopsAreReportedSeparately() {
    let analysis = CheckerFixtures.analyze(
      """
      team a { lead p }
      person p in a
      team a {
        objective x "X" { supports a.y accepted by p; kr k "K" from 0 to 1 }
        objective y "Y" { supports a.x accepted by p; kr k "K" from 0 to 1 }
        objective z "Z" { supports a.z accepted by p; kr k "K" from 0 to 1 }
      }
      """)
    let loops = analysis.diagnostics.filter { $0.rule == .supportsCycle }.map(\.message)
    #expect(loops == ["objectives support each other in a loop: a.x → a.y → a.x", "'a.z' supports itself: a.z → a.z"])
  }

  @Test func restatingAReusedObjectiveAcceptsTheImpliedLinkInsteadOfAddingOne() throws {
    let analysis = CheckerFixtures.analyze(
      """
      company acme { admin ceo }
      person ceo in acme
      team cs in acme { lead alice }
      person alice in cs
      company acme {
        objective csat "Customer satisfaction" { cycle 2026; owner ceo; kr nps "NPS" from 30 to 60 }
      }
      team cs {
        objective csat reuses acme.csat {
          cycle 2026-Q1
          supports acme.csat weight 2 accepted by ceo on 2026-01-08
          kr score "Score" from 88% to 95%
        }
      }
      """)
    #expect(analysis.diagnostics.isEmpty)
    let plan = analysis.plan
    #expect(plan.links.count == 1)
    let link = try #require(plan.links.first)
    #expect(link.isReuse)
    #expect(link.weight == 2)
    #expect(link.acceptedBy.map { plan[$0].id } == "ceo")
    #expect(link.acceptedOn == Day(year: 2026, month: 1, day: 8))
    #expect(plan.title(of: link.child) == "Customer satisfaction")
  }

  @Test func anUnresolvedParentGivesOneErrorAndNoFollowOns() {
    let analysis = CheckerFixtures.analyze(
      """
      company acme { admin ceo }
      person ceo in acme
      team cs in acme { lead alice }
      person alice in cs
      company acme {
        objective csat "Customer satisfaction" { cycle 2026; owner ceo; kr nps "NPS" from 30 to 60 }
      }
      team cs {
        objective a "A" { cycle 2026-Q1; owner alice; supports acme.cast accepted by ceo; kr k "K" from 0 to 1 }
        objective b reuses acme.csta { cycle 2026-Q1; owner alice; kr k "K" from 0 to 1 }
        objective c "C" { cycle 2026-Q1; owner alice; supports acme.csat accepted by coe; kr k "K" from 0 to 1 }
        objective d "D" { cycle FY26; owner alise; supports acme.csat accepted by ceo; kr k "K" from 0 to 1 }
      }
      """)
    #expect(analysis.diagnostics.map(\.rule) == Array(repeating: .unknownReference, count: 5))
  }

  @Test func valueRulesCheckTheResolvedModel() throws {
    // A value changed after resolution (a what-if) is checked like a written one.
    let analysis = CheckerFixtures.analyze(
      """
      company acme { admin ceo }
      person ceo in acme
      company acme {
        objective csat "Customer satisfaction" { cycle 2026; owner ceo; kr nps "NPS" from 30 to 60 }
      }
      """)
    #expect(analysis.diagnostics.isEmpty)
    var plan = analysis.plan
    plan.keyResults[0].weight = -2
    let diagnostics = PlanChecker.check(plan)
    let weight = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(weight.rule == .nonpositiveWeight)
    #expect(weight.message.hasSuffix("found -2"))
    #expect(weight.location == plan.keyResults[0].location)
  }

  @Test func enclosuresThatLoopAreWalkedSafely() {
    // Teams a and b enclose each other; the lead of b leads an entity enclosing a, so may accept.
    let analysis = CheckerFixtures.analyze(
      """
      team a in b { lead lea }
      team b in a { lead leb }
      person lea in a
      person leb in b
      person x in a
      person z
      team a { objective o "O" { cycle 2026-Q1; owner lea; tag standalone; kr k "K" from 0 to 1 } }
      person x {
        objective ok "OK" { cycle 2026-Q1; supports a.o accepted by leb; kr k "K" from 0 to 1 }
        objective no "No" { cycle 2026-Q1; supports a.o accepted by z; kr k "K" from 0 to 1 }
      }
      """)
    #expect(analysis.diagnostics.map(\.rule) == [.acceptorWithoutAuthority])
    #expect(analysis.diagnostics.first?.message == "'z' has no authority to accept a link to 'a.o'")
  }

  @Test func anEmptyPlanHasNothingToReport() {
    #expect(PlanChecker.check(CheckerFixtures.analyze("").plan).isEmpty)
  }
}

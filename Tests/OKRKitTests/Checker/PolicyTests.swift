import Foundation
import Testing

@testable import OKRKit

/// Every policy knob (LANGUAGE.md §6) changes what the checker reports.
@Suite struct PolicyTests {
  /// A small organisation; `body` adds objectives and `policy` a policy block.
  private func analyze(policy: String = "", _ body: String) -> PlanAnalysis {
    CheckerFixtures.analyze(
      """
      company acme { admin ceo }
      unit ops in acme { lead dana }
      team cs in ops { lead alice }
      person ceo in acme
      person dana in ops
      person alice in cs
      \(policy)
      company acme {
        objective one "One" { cycle 2026; owner ceo; kr k "K" from 0 to 1 }
        objective two "Two" { cycle 2026; owner ceo; kr k "K" from 0 to 1 }
        objective three "Three" { cycle 2026; owner ceo; kr k "K" from 0 to 1 }
      }
      \(body)
      """)
  }

  private func rules(_ analysis: PlanAnalysis) -> [Rule] { analysis.diagnostics.map(\.rule) }

  private let threeParents = """
    team cs {
      objective busy "Busy" {
        cycle 2026-Q1; owner alice; shared
        supports acme.one accepted by ceo
        supports acme.two accepted by ceo
        supports acme.three accepted by ceo
        kr k "K" from 0 to 1
      }
    }
    """

  @Test func maxParentsRaisesAndLowersTheLimit() {
    #expect(rules(analyze(threeParents)) == [.tooManyParents])
    #expect(rules(analyze(policy: "policy { max-parents 3 }", threeParents)).isEmpty)
    let twoParents = threeParents.replacingOccurrences(of: "supports acme.three accepted by ceo\n", with: "")
    #expect(rules(analyze(twoParents)).isEmpty)
    let strict = analyze(policy: "policy { max-parents 1 }", twoParents)
    #expect(rules(strict) == [.tooManyParents])
    #expect(strict.diagnostics.first?.message == "'cs.busy' supports 2 parents; the policy allows at most 1")
  }

  @Test func allowAndDenyChangeTheLevelMatrix() {
    let unitSupportsTeam = """
      team cs { objective speed "Speed" { cycle 2026; owner alice; supports acme.one accepted by ceo; kr k "K" from 0 to 1 } }
      unit ops { objective tools "Tools" { cycle 2026; owner dana; supports cs.speed accepted by alice; kr k "K" from 0 to 1 } }
      """
    #expect(rules(analyze(unitSupportsTeam)) == [.levelNotAllowed])
    #expect(rules(analyze(policy: "policy { allow unit -> team }", unitSupportsTeam)).isEmpty)

    let teamSupportsCompany = """
      team cs { objective speed "Speed" { cycle 2026; owner alice; supports acme.one accepted by ceo; kr k "K" from 0 to 1 } }
      """
    #expect(rules(analyze(teamSupportsCompany)).isEmpty)
    let denied = analyze(policy: "policy { deny team -> company }", teamSupportsCompany)
    #expect(rules(denied) == [.levelNotAllowed])
    #expect(denied.diagnostics.first?.labels.contains { $0.message == "the policy denies team -> company" } == true)
  }

  @Test func allowCannotLetACompanyObjectiveSupportALowerLevel() {
    let analysis = analyze(policy: "policy { allow company -> unit }", "")
    #expect(rules(analysis) == [.companyTopLevel])
    #expect(analysis.plan.policy.allows(child: .company, parent: .unit) == false)
  }

  @Test func objectivesPerOwnerSetsTheLimitPerLevel() {
    let threeTeamObjectives = """
      team cs {
        objective a "A" { cycle 2026-Q1; owner alice; supports acme.one accepted by ceo; kr k "K" from 0 to 1 }
        objective b "B" { cycle 2026-Q1; owner alice; supports acme.one accepted by ceo; kr k "K" from 0 to 1 }
        objective c "C" { cycle 2026-Q1; owner alice; supports acme.one accepted by ceo; kr k "K" from 0 to 1 }
      }
      """
    #expect(rules(analyze(threeTeamObjectives)).isEmpty)
    let strict = analyze(policy: "policy { objectives-per-owner team 2, person 1 }", threeTeamObjectives)
    #expect(rules(strict) == [.tooManyObjectives])
    #expect(strict.diagnostics.first?.message == "cs has 3 objectives in 2026-Q1; the policy allows 2 per team")
    #expect(strict.plan.policy.objectivesPerOwner[.person] == 1)
    #expect(strict.plan.policy.objectivesPerOwner[.company] == 5)
    #expect(rules(analyze(policy: "policy { objectives-per-owner company 2 }", "")) == [.tooManyObjectives])
  }

  /// Objectives count per cycle, a cycle written as a quarter or as its days being one; the
  /// report points at the first objective past the limit in written order.
  @Test func objectivesPerOwnerCountsEachCycleApartInWrittenOrder() throws {
    let interleaved = """
      team cs {
        objective a "A" { cycle 2026-Q1; owner alice; supports acme.one accepted by ceo; kr k "K" from 0 to 1 }
        objective b "B" { cycle 2026-Q2; owner alice; supports acme.one accepted by ceo; kr k "K" from 0 to 1 }
        objective c "C" { cycle 2026-01-01..2026-03-31; owner alice; supports acme.one accepted by ceo; kr k "K" from 0 to 1 }
        objective d "D" { cycle 2026-Q2; owner alice; supports acme.one accepted by ceo; kr k "K" from 0 to 1 }
        objective e "E" { cycle 2026-Q1; owner alice; supports acme.one accepted by ceo; kr k "K" from 0 to 1 }
        objective f "F" { cycle 2026-Q1; owner alice; supports acme.one accepted by ceo; kr k "K" from 0 to 1 }
      }
      """
    let analysis = analyze(policy: "policy { objectives-per-owner team 2 }", interleaved)
    #expect(rules(analysis) == [.tooManyObjectives])
    let report = try #require(analysis.diagnostics.first)
    #expect(report.message == "cs has 4 objectives in 2026-Q1; the policy allows 2 per team")
    let cs = try #require(analysis.plan.entity(named: "cs"))
    let (first, third) = try (
      #require(analysis.plan.objective(owner: cs, localID: "a")),
      #require(analysis.plan.objective(owner: cs, localID: "e"))
    )
    #expect(report.location == analysis.plan[third].location)
    #expect(report.labels.map(\.location) == [analysis.plan[first].location])
    #expect(report.help?.hasSuffix("objectives-per-owner team 4 }") == true)
  }

  @Test func statusThresholdsParse() {
    let analysis = analyze(policy: "policy { status at-risk 0.7 off-track 40% }", "")
    #expect(analysis.diagnostics.isEmpty)
    #expect(analysis.plan.policy.onTrackRatio == 0.7)
    #expect(analysis.plan.policy.atRiskRatio == 0.4)
    let inverted = analyze(policy: "policy { status at-risk 0.3 off-track 0.6 }", "")
    #expect(rules(inverted) == [.valueOutOfRange])
  }

  @Test func ruleSettingsChangeSeveritiesOrSilenceRules() {
    let orphan = """
      team cs { objective lonely "Lonely" { cycle 2026-Q1; owner alice; kr k "K" from 0 to 1 } }
      """
    #expect(analyze(orphan).diagnostics.map(\.severity) == [.warning])
    let strict = analyze(policy: "policy { rule orphan error }", orphan)
    #expect(strict.diagnostics.map(\.rule) == [.orphan])
    #expect(strict.diagnostics.map(\.severity) == [.error])
    #expect(analyze(policy: "policy { rule orphan off }", orphan).diagnostics.isEmpty)
    let softened = analyze(
      policy: "policy {\n  rule orphan note\n  rule unaccepted-link off\n}",
      orphan + "\n" + """
        team cs { objective linked "Linked" { cycle 2026-Q1; owner alice; supports acme.one; kr k "K" from 0 to 1 } }
        """)
    #expect(softened.diagnostics.map(\.severity) == [.note])
  }

  @Test func unknownRuleNamesAndLevelsAreDiagnosed() {
    let analysis = analyze(policy: "policy {\n  rule orphn off\n  allow squad -> team\n}", "")
    #expect(rules(analysis) == [.unknownReference, .unknownReference])
    #expect(analysis.diagnostics.first?.help == "did you mean `orphan`?")
    #expect(analysis.diagnostics.last?.message == "unknown level 'squad'")
  }

  @Test func aRuleThatKeepsThePlanMeaningfulCannotBeRelaxed() {
    #expect(rules(analyze(policy: "policy { rule unknown-reference off }", "")) == [.wrongKind])
  }

  @Test func aSecondPolicyBlockIsAnErrorPointingAtTheFirst() throws {
    let analysis = analyze(policy: "policy { max-parents 3 }\npolicy { max-parents 1 }", "")
    let duplicate = try #require(analysis.diagnostics.first)
    #expect(analysis.diagnostics.count == 1)
    #expect(duplicate.rule == .duplicateDefinition)
    let renderer = DiagnosticRenderer(sources: analysis.plan.sources)
    #expect(renderer.lineColumn(duplicate.location).line == 8)
    #expect(duplicate.labels.map { renderer.lineColumn($0.location).line } == [7])
    #expect(analysis.plan.policy.maxParents == 3)
  }
}

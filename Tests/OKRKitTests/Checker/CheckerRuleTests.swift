import Testing

@testable import OKRKit

/// Every checker rule fires on its fixture and stays quiet on its near misses, with golden renders.
@Suite struct CheckerRuleTests {
  @Test(arguments: CheckerFixtures.cases)
  func fixtureFiresOnlyWhereItShould(_ fixture: CheckerFixtures.Case) throws {
    let rule = try #require(Rule(rawValue: fixture.rule), "fixture folder \(fixture.rule) is not a rule name")
    let analysis = CheckerFixtures.analyze(try CheckerFixtures.text(fixture.path), path: fixture.path)
    let fired = analysis.diagnostics.filter { $0.rule == rule }
    if fixture.mustFire {
      #expect(!fired.isEmpty, "\(fixture.path) should report \(rule.rawValue)")
      #expect(fired.allSatisfy { $0.severity == rule.defaultSeverity })
      #expect(fired.allSatisfy { $0.help != nil }, "every checker diagnostic says how to fix it")
    } else {
      #expect(fired.isEmpty, "\(fixture.path) is a near miss and must not report \(rule.rawValue)")
    }
    try CheckerFixtures.expectGolden(CheckerFixtures.render(analysis), at: fixture.goldenPath)
  }

  @Test func everyCheckerRuleHasAFiringFixtureAndANearMiss() {
    let resolverRules: Set<Rule> = [
      .syntax, .invalidLiteral, .unknownReference, .duplicateDefinition, .wrongKind, .includeError,
    ]
    for rule in Rule.allCases where !resolverRules.contains(rule) {
      let cases = CheckerFixtures.cases.filter { $0.rule == rule.rawValue }
      #expect(cases.contains { $0.mustFire }, "no firing fixture for \(rule.rawValue)")
      #expect(cases.contains { !$0.mustFire }, "no near-miss fixture for \(rule.rawValue)")
    }
  }

  @Test func everyCheckerDiagnosticNamesTheOtherPlaceWhereThereIsOne() throws {
    let withParent: Set<Rule> = [
      .periodTooLong, .backwardLink, .closedCycle, .companyTopLevel, .levelNotAllowed,
      .acceptorWithoutAuthority, .duplicateCheckin, .tooManyParents, .unsharedSecondParent,
    ]
    for fixture in CheckerFixtures.cases where fixture.mustFire {
      let analysis = CheckerFixtures.analyze(try CheckerFixtures.text(fixture.path), path: fixture.path)
      for diagnostic in analysis.diagnostics where withParent.contains(diagnostic.rule) {
        #expect(!diagnostic.labels.isEmpty, "\(fixture.path): \(diagnostic.rule.rawValue) has no secondary label")
      }
    }
  }
}

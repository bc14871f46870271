import Testing

@testable import OKRKit

/// Plans far deeper and wider than any real one: the checker must stay iterative and linear.
@Suite struct CheckerScaleTests {
  static let size = 100_000

  /// A team with `count` objectives; `parent(i)` names what objective `i` supports, if anything.
  static func teamPlan(count: Int, parent: (Int) -> Int?) -> String {
    var text = """
      team t "T" { lead p }
      person p "P" in t
      policy { objectives-per-owner team 1000000 }
      team t {

      """
    text.reserveCapacity(count * 90)
    for index in 0..<count {
      text += "  objective o\(index) \"O\" { cycle 2026-Q1; "
      if let parent = parent(index) {
        text += "supports t.o\(parent) accepted by p; "
      } else {
        text += "tag standalone; "
      }
      text += "kr k \"K\" from 0 to 1 }\n"
    }
    text += "}\n"
    return text
  }

  @Test func aLongSupportsChainChecksWithoutOverflow() {
    let analysis = CheckerFixtures.analyze(Self.teamPlan(count: Self.size) { $0 == 0 ? nil : $0 - 1 })
    #expect(analysis.plan.links.count == Self.size - 1)
    #expect(analysis.diagnostics.isEmpty)
  }

  @Test func aWideFanInChecksWithoutOverflow() {
    let analysis = CheckerFixtures.analyze(Self.teamPlan(count: Self.size) { $0 == 0 ? nil : 0 })
    #expect(analysis.plan.childLinks(of: ObjectiveID(0)).count == Self.size - 1)
    #expect(analysis.diagnostics.isEmpty)
  }

  @Test func longMemberAndLeadListsAreSearchedLikeShortOnes() throws {
    // Past 16 names, `in` and `lead` lists are searched through sets: p is in t0…t19 (t0 twice)
    // and l19 is the last of big's 20 leads; q is in neither.
    let teams = (0..<20).map { "t\($0)" }
    let leads = (0..<20).map { "l\($0)" }
    var text = "company acme \"Acme\"\nperson q \"Q\" in acme\n"
    text += teams.map { "team \($0) \"T\" in acme\n" }.joined()
    text += "person p \"P\" in t0, " + teams.joined(separator: ", ") + "\n"
    text += "team big \"Big\" in acme { lead " + leads.joined(separator: ", ") + " }\n"
    text += leads.map { "person \($0) \"L\" in big\n" }.joined()
    text += """
      team big { objective root "R" { cycle 2026-Q1; tag standalone; kr k "K" from 0 to 1 } }
      team t18 { objective a "A" { cycle 2026-Q1; owner p; supports big.root accepted by l19; kr k "K" from 0 to 1 } }
      team t19 { objective b "B" { cycle 2026-Q1; owner q; supports big.root accepted by q; kr k "K" from 0 to 1 } }

      """
    let analysis = CheckerFixtures.analyze(text)
    let person = try #require(analysis.plan.entityIndex["p"])
    #expect(analysis.plan[person].parents.count == 20)
    let people = analysis.diagnostics.filter { [.ownerNotMember, .acceptorWithoutAuthority].contains($0.rule) }
    #expect(people.map(\.rule) == [.ownerNotMember, .acceptorWithoutAuthority])
    #expect(people.allSatisfy { $0.message.contains("'q'") })
  }

  @Test func aLongLoopIsOneDiagnosticWithAShortenedName() throws {
    let analysis = CheckerFixtures.analyze(
      Self.teamPlan(count: Self.size) { $0 == 0 ? Self.size - 1 : $0 - 1 })
    #expect(analysis.diagnostics.count == 1)
    let loop = try #require(analysis.diagnostics.first)
    #expect(loop.rule == .supportsCycle)
    #expect(loop.message.hasPrefix("objectives support each other in a loop: t.o0 → t.o99999 → t.o99998"))
    #expect(loop.message.contains("… 99989 more …"))
    #expect(loop.message.hasSuffix("t.o2 → t.o1 → t.o0"))
    #expect(loop.labels.count == GraphRules.labelsShown)
  }
}

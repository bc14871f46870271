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

  @Test func ownersAndAcceptorsDeepInAChainAreCheckedInLinearTime() throws {
    // Units u0…u10000, each inside the one before, each with its lead; `bottom` is in the last
    // one and owns an objective of every unit (it belongs to each), and the last unit's objective
    // is supported once for each lead (each leads a unit above it). Walking up from each question
    // and remembering every walk took time and memory growing with depth × people.
    let depth = 10_000
    var text = "company acme \"Acme\" { admin ceo }\nperson ceo \"C\" in acme\nperson outsider \"O\" in acme\n"
    text += "unit u0 \"U\" in acme { lead p0 }\nperson p0 \"P\" in u0\n"
    for level in 1...depth {
      text += "unit u\(level) \"U\" in u\(level - 1) { lead p\(level) }\nperson p\(level) \"P\" in u\(level)\n"
    }
    text += "person bottom \"B\" in u\(depth)\n"
    for level in 0...depth {
      text +=
        "unit u\(level) { objective o \"O\" { cycle 2026-Q1; tag standalone; owner bottom; kr k \"K\" from 0 to 1 } }\n"
    }
    text += "unit side \"S\" in acme {\n"
    for level in 0...depth {
      text +=
        "  objective s\(level) \"S\" { cycle 2026-Q1; supports u\(depth).o accepted by p\(level); kr k \"K\" from 0 to 1 }\n"
    }
    text += """
        objective wrong "W" { cycle 2026-Q1; supports u0.o accepted by p1; kr k "K" from 0 to 1 }
      }
      unit u0 { objective x "X" { cycle 2026-Q1; tag standalone; owner outsider; kr k "K" from 0 to 1 } }

      """
    let analysis = CheckerFixtures.analyze(text)
    let people = analysis.diagnostics.filter { [.ownerNotMember, .acceptorWithoutAuthority].contains($0.rule) }
    #expect(people.map(\.rule) == [.acceptorWithoutAuthority, .ownerNotMember])
    #expect(people.first?.message == "'p1' has no authority to accept a link to 'u0.o'")
    #expect(people.last?.message.hasPrefix("'outsider' owns 'u0.x'") == true)
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

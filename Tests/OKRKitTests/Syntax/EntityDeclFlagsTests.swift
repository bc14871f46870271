import Testing

@testable import OKRKit

/// The parser notes whether an entity declaration has an `in` list and `admin` or `lead` lines,
/// and the resolver reads those notes instead of the lists: they must say what the lists hold,
/// wherever in the block the lines are.
@Suite struct EntityDeclFlagsTests {
  static let text = """
    company c "C" {
      admin p0
    }
    unit u "U" in c
    team t "T" in u {
      objective o1 "O" { cycle 2026; owner p0; kr k1 "K" milestone }
      objective o2 "O2" { cycle 2026; owner p0; kr k1 "K" milestone }
      lead p1
    }
    person p0 "P" in t {
      objective own "Own" { cycle 2026; owner p0; kr k1 "K" milestone }
    }
    person p1 "Q" in t
    team t
    team t {
      lead p0, p1
    }
    """

  @Test func theFlagsSayWhatTheListsHold() {
    let parsed = FrontEndFixtures.parse(Self.text)
    let entities = parsed.syntax[0].items.compactMap { item -> EntityDecl? in
      if case .entity(let decl) = item { return decl }
      return nil
    }
    #expect(entities.count == 7)
    for decl in entities {
      #expect(decl.hasParents == !decl.parents.isEmpty, "\(decl.id.name)")
      #expect(decl.hasPeople == decl.members.contains { $0.people != nil }, "\(decl.id.name)")
    }
    #expect(entities.map(\.hasParents) == [false, true, true, true, true, false, false])
    #expect(entities.map(\.hasPeople) == [true, false, true, false, false, false, true])
  }

  @Test func theFlagsFollowChangesToTheLists() throws {
    let parsed = FrontEndFixtures.parse(Self.text)
    let team = try #require(
      parsed.syntax[0].items.lazy.compactMap { item -> EntityDecl? in
        if case .entity(let decl) = item, decl.id.name == "t" { return decl }
        return nil
      }.first)
    #expect(team.hasParents && team.hasPeople)
    var changed = team
    changed.members.removeAll { $0.people != nil }
    #expect(!changed.hasPeople)
    changed.members = team.members
    #expect(changed.hasPeople)
    changed.parents = []
    #expect(!changed.hasParents)
  }

  @Test func leadsAfterObjectivesAndInReopenedBlocksAreResolved() throws {
    let analysis = PlanAnalysis(FrontEndFixtures.parse(Self.text))
    #expect(analysis.diagnostics.errorCount == 0, "\(analysis.diagnostics.map(\.message))")
    let plan = analysis.plan
    let team = try #require(plan.entity(named: "t"))
    let leads = plan[team].leads.map { plan[$0].id }
    #expect(leads == ["p1", "p0", "p1"])
    let company = try #require(plan.entity(named: "c"))
    #expect(plan[company].admins.map { plan[$0].id } == ["p0"])
    #expect(plan[team].parents.map { plan[$0].id } == ["u"])
  }
}

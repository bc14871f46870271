import Testing

@testable import OKRKit

/// The parser collects a block's members in a ``MovingScratch`` and moves them out at the block's
/// end: every element comes out once, in order, and the ones before the block stay.
@Suite struct MovingScratchTests {
  @Test func elementsMoveOutInOrderAndTheRestStay() {
    let scratch = MovingScratch<String>()
    // Past the first room (16), with strings too long to be stored inline.
    let words = (0..<40).map { "a member named number \($0), long enough to be allocated" }
    for word in words[..<5] { scratch.append(word) }
    for word in words[5...] { scratch.append(word) }
    #expect(scratch.count == 40)
    #expect(scratch.moveOut(from: 5) == Array(words[5...]))
    #expect(scratch.count == 5)
    #expect(scratch.moveOut(from: 5).isEmpty)
    scratch.append("again")
    #expect(scratch.moveOut(from: 0) == Array(words[..<5]) + ["again"])
    #expect(scratch.count == 0)
  }

  @Test func entityMembersKeepTheirOrder() throws {
    let objectives = (1...50).map { "  objective o\($0) \"Objective \($0)\" { kr k \"K\" progress 10% }" }
    let text =
      "company acme \"Acme\" {\n  admin ceo\n" + objectives.joined(separator: "\n")
      + "\n}\nperson ceo \"C\" in acme\n"
    let parsed = FrontEndFixtures.parse(text)
    #expect(parsed.diagnostics.isEmpty)
    let (plan, _) = PlanResolver.resolve(parsed)
    let acme = try #require(plan.entity(named: "acme"))
    #expect(plan[acme].objectives.map { plan[$0].localID } == (1...50).map { "o\($0)" })
    #expect(plan[acme].admins == [try #require(plan.entity(named: "ceo"))])
  }
}

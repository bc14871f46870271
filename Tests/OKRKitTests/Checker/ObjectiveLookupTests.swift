import Testing

@testable import OKRKit

/// An objective is found through its owner: a search among the owner's few objectives, or a hash
/// index once the owner has more than ``Plan/linearObjectiveLookup``. Both find every objective
/// and report repeated ids, whichever side of the limit they fall on, across reopened blocks.
@Suite struct ObjectiveLookupTests {
  /// Team `big` has 40 objectives over two blocks (ids repeated before and after the limit),
  /// team `small` 3; objectives of `small` support some of `big`.
  static let text: String = {
    var text = """
      company c "C" { admin p }
      person p "P" in c
      team small "S" in c {
        objective s0 "S0" { supports big.o5 accepted by p }
        objective s1 "S1" { supports big.o33 accepted by p }
        objective s0 "Again" { supports big.o1 }
      }
      team big "B" in c {

      """
    for index in 0..<30 { text += "  objective o\(index) \"O\"\n" }
    text += "  objective o3 \"Repeated below the limit\"\n}\nteam big {\n"
    for index in 30..<40 { text += "  objective o\(index) \"O\"\n" }
    text += "  objective o20 \"Repeated above the limit\"\n  objective o35 \"Repeated in this block\"\n}\n"
    return text
  }()

  @Test func everyObjectiveIsFoundAndRepeatedIDsAreReported() throws {
    let (plan, diagnostics) = PlanResolver.resolve(FrontEndFixtures.parse(Self.text))
    let big = try #require(plan.entity(named: "big"))
    let small = try #require(plan.entity(named: "small"))
    #expect(plan[big].objectives.count == 40)
    #expect(plan[small].objectives.count == 2)
    for index in 0..<40 {
      let id = try #require(plan.objective(owner: big, localID: "o\(index)"))
      #expect(plan[id].localID == "o\(index)")
      #expect(plan.title(of: id) == "O")
    }
    #expect(plan.objective(owner: big, localID: "o40") == nil)
    #expect(plan.objective(owner: small, localID: "o1") == nil)
    let repeated = diagnostics.filter { $0.rule == .duplicateDefinition }.map(\.message)
    #expect(
      repeated == [
        "'small.s0' is declared twice", "'big.o3' is declared twice", "'big.o20' is declared twice",
        "'big.o35' is declared twice",
      ])
    let targets = plan.links.map { plan.qualifiedName($0.target) }
    #expect(targets == ["big.o5", "big.o33"])
  }

  /// Ids compared by their fingerprints first: long ASCII ids, and ids outside ASCII written in
  /// two normalization forms (the same `String`, other bytes) are still found to repeat.
  @Test func repeatedIDsAreFoundWhateverTheirLengthOrForm() {
    let text = """
      company c "C" {
        objective customer-retention "A"
        objective customer-retentiom "B"
        objective customer-retention "C"
        objective caf\u{E9} "D"
        objective cafe\u{301} "E"
        objective s "F"
      }
      """
    let (plan, diagnostics) = PlanResolver.resolve(FrontEndFixtures.parse(text))
    let repeated = diagnostics.filter { $0.rule == .duplicateDefinition }.map(\.message)
    #expect(repeated == ["'c.customer-retention' is declared twice", "'c.cafe\u{301}' is declared twice"])
    #expect(plan.objectives.map(\.localID) == ["customer-retention", "customer-retentiom", "caf\u{E9}", "s"])
  }

  /// A link names an objective by its `String`: written with other bytes for the same `String`
  /// (another normalization form, a Kelvin sign for `K`) it still finds it; a misspelling does not.
  @Test func linksFindObjectivesWrittenWithOtherBytes() {
    let text = """
      company c "C" {
        objective caf\u{E9} "A"
        objective K1 "B"
        objective plain "C"
      }
      team t "T" in c {
        objective x "X" {
          supports c.cafe\u{301}
          supports c.\u{212A}1
          supports c.plain
          supports c.plai
        }
      }
      """
    let (plan, diagnostics) = PlanResolver.resolve(FrontEndFixtures.parse(text))
    #expect(plan.links.map { plan.qualifiedName($0.target) } == ["c.caf\u{E9}", "c.K1", "c.plain"])
    let unknown = diagnostics.filter { $0.rule == .unknownReference }.map(\.message)
    #expect(unknown == ["unknown objective 'c.plai'"])
  }

  /// The same for a key result named by a link.
  @Test func linksFindKeyResultsWrittenWithOtherBytes() {
    let text = """
      company c "C" {
        objective o "O" {
          kr caf\u{E9} "A" from 0 to 1
          kr K1 "B" from 0 to 1
          kr plain "C" from 0 to 1
        }
      }
      team t "T" in c {
        objective x "X" {
          supports c.o.cafe\u{301}
          supports c.o.\u{212A}1
          supports c.o.plain
          supports c.o.plai
        }
      }
      """
    let (plan, diagnostics) = PlanResolver.resolve(FrontEndFixtures.parse(text))
    #expect(plan.links.map { plan.qualifiedName($0.target) } == ["c.o.caf\u{E9}", "c.o.K1", "c.o.plain"])
    let unknown = diagnostics.filter { $0.rule == .unknownReference }.map(\.message)
    #expect(unknown == ["unknown key result 'c.o.plai'"])
  }
}

import Testing

@testable import OKRKit

/// The formatter's guarantees over hundreds of generated plans in messy layouts.
@Suite struct FormatPropertyTests {
  @Test(arguments: 0..<500) func generatedPlansKeepTheirMeaningAndComments(_ seed: Int) throws {
    var generator = PlanGenerator(seed: UInt64(seed))
    try FormatGuarantees.verify(generator.plan())
  }

  @Test func theGeneratorIsDeterministicAndVaried() {
    var first = PlanGenerator(seed: 7)
    var again = PlanGenerator(seed: 7)
    #expect(first.plan() == again.plan())
    var plans = Set<String>()
    for seed in 0..<50 {
      var generator = PlanGenerator(seed: UInt64(seed))
      plans.insert(generator.plan())
    }
    #expect(plans.count > 45)
    let all = plans.joined()
    for feature in [";", "#", "{", "\r\n", "checkin", "\t", ",", "..", "objective", "policy"] {
      #expect(all.contains(feature), "no generated plan has \(feature.debugDescription)")
    }
  }

  /// The checks themselves notice what they are meant to catch.
  @Test func theChecksSeeChangedLiteralsAndMovedComments() {
    func shape(_ text: String) -> [String] {
      let file = SourceFile(id: FileID(0), path: "x.okr", bytes: Array(text.utf8))
      return SyntaxShape.of(PlanParser.parse(file).syntax, in: file)
    }
    func places(_ text: String) -> [SyntaxShape.CommentPlace] {
      let file = SourceFile(id: FileID(0), path: "x.okr", bytes: Array(text.utf8))
      return SyntaxShape.commentPlaces(PlanParser.parse(file).syntax, in: file)
    }
    let plan = "team a {\n  objective o \"O\" {\n    kr k \"K\" from 1 to 2\n  }\n}\n"
    #expect(shape(plan) != shape(plan.replacingOccurrences(of: "to 2", with: "to 2.0")))
    #expect(shape(plan) == shape(plan.replacingOccurrences(of: "from 1 to 2", with: "{ from 1 to 2 }")))
    #expect(shape(plan) != shape(plan.replacingOccurrences(of: "team a {", with: "team a { lead x;")))
    #expect(places("# c\nteam a {}\nteam b {}\n") != places("team a {}\n# c\nteam b {}\n"))
    #expect(places("team a {} # c\nteam b {}\n") != places("team a {}\n# c\nteam b {}\n"))
    #expect(places("team a {} # c  \n") == places("team a {}  # c\n"))
    #expect(places("team a {\n  lead x\n  # c\n}\nteam b {}\n") != places("team a {\n  lead x\n}\n# c\nteam b {}\n"))
  }
}

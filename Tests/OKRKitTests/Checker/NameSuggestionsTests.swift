import Testing

@testable import OKRKit

/// Did-you-mean help for unknown names is bounded in work and filled in declaration order.
@Suite struct NameSuggestionsTests {
  static let plan: Plan = {
    var text = "team t \"T\" { lead p0 }\n"
    for index in 0..<10 { text += "person p\(index) \"P\" in t\n" }
    return CheckerFixtures.analyze(text).plan
  }()

  static func unknownPerson(_ name: String) -> Diagnostic {
    Diagnostic(
      .unknownReference, "unknown person '\(name)'", at: SourceLocation(file: FileID(0), span: Span(start: 0, end: 1)),
      help: "fallback")
  }

  @Test func questionsAreAnsweredInOrderUntilTheBudgetIsSpent() {
    var problems = ResolutionProblems()
    for name in ["q1", "q2", "q3", "q1", "zz"] {
      problems.report(Self.unknownPerson(name), suggestingNear: name, among: .persons)
    }
    // Ten persons and one edit distance per question: the budget covers two questions; a repeated
    // one is answered from memory.
    problems.workBudget = 2 * (10 + Suggestions.Pool.distanceWork)
    let help = problems.finished(in: Self.plan).map(\.help)
    #expect(help == ["did you mean `p1`?", "did you mean `p2`?", "fallback", "did you mean `p1`?", "fallback"])
  }

  @Test func laterPiecesKeepTheirQuestions() {
    var first = ResolutionProblems()
    first.report(Self.unknownPerson("x"))
    var second = ResolutionProblems()
    second.report(Self.unknownPerson("q4"), suggestingNear: "q4", among: .persons)
    second.report(Self.unknownPerson("tt"), suggestingNear: "tt", among: .entities, suffix: ".csat")
    first.append(contentsOf: second)
    let help = first.finished(in: Self.plan).map(\.help)
    #expect(help == ["fallback", "did you mean `p4`?", "did you mean `t.csat`?"])
  }

  @Test func aPoolAnswersAsTheDirectSearchDoes() {
    let names = ["csat", "cast", "nps", "Acme", "acme", "churn", "chur", "p1", "p12", "p123"]
    let pool = Suggestions.Pool(names)
    for query in ["csta", "acme", "ACME", "chrn", "p1", "p13", "x", "nsp", ""] {
      #expect(pool.nearest(to: query).names == Suggestions.nearest(to: query, among: names), "\(query)")
    }
  }
}

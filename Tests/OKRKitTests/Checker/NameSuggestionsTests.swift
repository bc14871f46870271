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

  @Test func referencesToAnUnknownObjectiveOrKeyResultAreAnsweredAsEachAlone() {
    // Links to a renamed objective and to a missing key result, many times over, among two
    // owners: each keeps the help that asking alone gives.
    var text = "company acme \"A\" { admin ceo }\nperson ceo \"C\" in acme\n"
    text += "team t \"T\" in acme { lead ceo }\nteam u \"U\" in acme { lead ceo }\n"
    text += "team t {\n"
    for index in 0..<40 {
      text += "  objective launch_\(index) \"O\" { cycle 2026-Q1; tag standalone; kr reach \"K\" from 0 to 1 }\n"
    }
    text += "}\nteam u {\n  objective solo \"S\" { cycle 2026-Q1; tag standalone; kr k \"K\" from 0 to 1 }\n"
    let targets = ["t.lanch_7", "t.launch_7.reech", "u.sol", "t.lanch_7", "t.zzz", "u.sol", "t.launch_7.reech"]
    for (index, target) in targets.enumerated() {
      text +=
        "  objective c\(index) \"C\" { cycle 2026-Q1; supports \(target) accepted by ceo; kr k \"K\" from 0 to 1 }\n"
    }
    text += "}\n"
    let analysis = CheckerFixtures.analyze(text)
    let unknown = analysis.diagnostics.filter { $0.rule == .unknownReference }
    #expect(
      unknown.map(\.message)
        == targets.map {
          $0.split(separator: ".").count == 3 ? "unknown key result '\($0)'" : "unknown objective '\($0)'"
        })
    let near7 = "did you mean `t.launch_7` or `t.launch_0` or `t.launch_1`?"
    let listed = "'t' has " + (0..<5).map { "`t.launch_\($0)`" }.joined(separator: ", ")
    #expect(
      unknown.map(\.help) == [
        near7, "did you mean `t.launch_7.reach`?", "did you mean `u.solo`?", near7, listed, "did you mean `u.solo`?",
        "did you mean `t.launch_7.reach`?",
      ])
    // The same as asking each question alone.
    let objectives = (0..<40).map { "t.launch_\($0)" }
    #expect(Suggestions.didYouMean("t.lanch_7", among: objectives) == near7)
  }

  @Test func spellingsEqualAsStringsButNotAsBytesKeepTheirOwnAnswers() {
    // `é` precomposed is two bytes and decomposed three: as written, one is within the typo
    // distance of `t.x` and the other is not, as when each is asked alone.
    let composed = "t.\u{E9}"
    let decomposed = "t.e\u{301}"
    #expect(composed == decomposed)
    var text = "company acme \"A\" { admin ceo }\nperson ceo \"C\" in acme\n"
    text += "team t \"T\" in acme { lead ceo }\nteam u \"U\" in acme { lead ceo }\n"
    text += "team t {\n  objective x \"X\" { cycle 2026-Q1; tag standalone; kr k \"K\" from 0 to 1 }\n}\nteam u {\n"
    for (index, target) in [composed, decomposed, composed].enumerated() {
      text +=
        "  objective o\(index) \"O\" { cycle 2026-Q1; supports \(target) accepted by ceo; kr k \"K\" from 0 to 1 }\n"
    }
    text += "}\n"
    let help = CheckerFixtures.analyze(text).diagnostics.filter { $0.rule == .unknownReference }.map(\.help)
    let alone = [composed, decomposed, composed].map { Suggestions.didYouMean($0, among: ["t.x"]) ?? "'t' has `t.x`" }
    #expect(alone == ["did you mean `t.x`?", "'t' has `t.x`", "did you mean `t.x`?"])
    #expect(help == alone)
  }
}

import Foundation
import OKRKit
import Testing

@testable import OKRRepl

/// What Tab offers depends on where the cursor is in the query.
@Suite struct ReplCompleterTests {
  static let plan: Plan = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts/acme.okr")
    var parsed = ParsedPlan()
    parsed.add(path: "acme.okr", text: try! String(contentsOf: url, encoding: .utf8))
    return PlanAnalysis(parsed).plan
  }()

  func complete(_ line: String) -> (word: String, candidates: [String]) {
    let completer = ReplCompleter(
      plan: Self.plan, commands: QueryParser.commands, setFields: QueryParser.settableFields)
    let result = completer.complete(line: line, cursor: line.count)
    return (result.word, result.candidates)
  }

  @Test func theFirstWordIsACommandOrAMetaCommand() {
    #expect(complete("prog").candidates == ["progress"])
    #expect(complete("obj").candidates == ["objectives"])
    #expect(complete(":h").candidates == [":help"])
    #expect(complete(":").candidates.count == MetaCommand.names.count)
  }

  @Test func fieldsFollowWhereAndSortAndBelongToTheListing() {
    #expect(complete("objectives where prog").candidates == ["progress"])
    #expect(complete("krs where (val").candidates == ["value"])
    #expect(complete("objectives where level = team sort exp").candidates == ["expected"])
    #expect(complete("objectives sort progress d").candidates == ["desc"])
  }

  @Test func valuesFollowComparisonsByField() {
    #expect(complete("objectives where level = te").candidates == ["team"])
    #expect(complete("objectives where status = at").candidates == ["at-risk"])
    #expect(complete("objectives where status != off").candidates == ["off-track"])
  }

  @Test func namesCompleteLevelByLevel() {
    #expect(complete("progress cs.cs").candidates == ["cs.csat95"] + ["cs.csat95.score"])
    #expect(complete("show cs.").candidates == ["cs.csat95", "cs.nps60"])
    #expect(complete("show cs.").word == "cs.")
    #expect(complete("tree ac").candidates == ["acme", "acme.csat"])
    #expect(complete("impact bob.rating on acme.csat.n").candidates == ["acme.csat.nps"])
    #expect(complete("progress nobody.x").candidates.isEmpty)
  }

  @Test func aSemicolonStartsANewQuery() {
    #expect(complete("progress cs.csat95; hist").candidates == ["history"])
  }
}

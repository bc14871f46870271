import Foundation
import Testing

@testable import OKRKit

/// Compares rendered output with a golden file; `OKR_RECORD=1` rewrites the file instead.
enum QueryGolden {
  static func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    throws
  {
    Golden.expect(
      actual, matches: EvaluationFixture.folder.appendingPathComponent(name), sourceLocation: sourceLocation)
  }

  /// Each query of `queries` with its answer (or error), as a transcript.
  static func transcript(_ queries: [String], format: QueryOutputFormat = .text) throws -> String {
    var engine = QueryEngine(
      plan: try EvaluationFixture.acme(), asOf: EvaluationFixture.day("2026-02-20"), format: format)
    var text = ""
    for query in queries {
      let answer = engine.answer(query)
      text += "$ \(query)\n" + answer.output + (answer.error.map { $0 + "\n" } ?? "") + "\n"
    }
    return text
  }
}

@Suite struct QueryParserTests {
  @Test func parsesEveryKindOfQuery() throws {
    let queries = try QueryParser.parse(
      """
      show acme.csat; tree; tree acme.csat depth 2; tree depth 1; path bob.rating
      impact bob.rating on acme.csat; impact bob.rating; progress cs.csat95 at 2026-03-01; history acme.csat
      orphans; check; stats; set cs.csat95->acme.csat weight 3; reset
      objectives where (level = team or level = person) and not status = on-track sort progress desc limit 3
      """)
    #expect(queries.count == 15)
    #expect(queries[2] == .tree(QueryReference(parts: ["acme", "csat"], span: Span(start: 27, end: 36)), depth: 2))
    #expect(queries[3] == .tree(nil, depth: 1))
    guard case .set(let link, let field, let value) = queries[12] else {
      Issue.record("expected set")
      return
    }
    #expect(link.description == "cs.csat95->acme.csat")
    #expect(field.text == "weight")
    #expect(value.value == .number(3, isPercent: false))
    guard case .listing(let listing) = queries[14], case .and(let terms)? = listing.filter else {
      Issue.record("expected a listing with an and-condition")
      return
    }
    #expect(terms.count == 2)
    #expect(listing.sort?.field.name == "progress")
    #expect(listing.sort?.descending == true)
    #expect(listing.limit == 3)
    #expect(try QueryParser.parse("  ;\n ").isEmpty)
  }

  @Test func errorsRenderWithACaretAndAHint() throws {
    let transcript = try QueryGolden.transcript([
      "objectives where progres < 50%",
      "objectives where progress < 2026-02-20",
      "objectives where progress > 50",
      "objectives where level = tem",
      "krs where status = at-rsk",
      "links where weight contains 3",
      "objectives where tags = exploratory",
      "objectives where owner = alise",
      "objectives where cycle = FY27",
      "objectives where (progress < 50%",
      "objectives where progress < 50% and",
      "objectives sort progress where level = team",
      "objectives limit -1",
      "shw acme.csat",
      "progress acme.cst",
      "progress acm.csat",
      "progress acme.csat.np",
      "progress cs",
      "progress acme.csat at 2026-02-30",
      "impact bob.rating on",
      "set acme.csat.nps done true",
      "set cs.csat95 color red",
      "set cs.csat95.score progress 150%",
      "show cs.csat95->acme.cst",
      "objectives where title contains \"CSAT",
      "progress acme.csat ! 3",
    ])
    try QueryGolden.check(transcript, against: "errors.golden")
  }

  @Test func nestingIsBounded() {
    let depth = QueryParser.maximumNesting
    let fits =
      "objectives where " + String(repeating: "(", count: depth) + "progress < 50%"
      + String(repeating: ")", count: depth)
    #expect(throws: Never.self) { try QueryParser.parse(fits) }
    for deep in [
      "objectives where " + String(repeating: "(", count: depth + 1) + "progress < 50%"
        + String(repeating: ")", count: depth + 1),
      "objectives where " + String(repeating: "(", count: 100_000),
      "objectives where " + String(repeating: "not ", count: 100_000) + "progress < 50%",
    ] {
      #expect(throws: QueryError.self) { try QueryParser.parse(deep) }
    }
    // A long flat chain is not nesting.
    let chain = "objectives where " + Array(repeating: "progress < 50%", count: 10_000).joined(separator: " or ")
    #expect(throws: Never.self) { try QueryParser.parse(chain) }
  }
}

@Suite struct QueryEngineTests {
  func engine(format: QueryOutputFormat = .text) throws -> QueryEngine {
    QueryEngine(plan: try EvaluationFixture.acme(), asOf: EvaluationFixture.day("2026-02-20"), format: format)
  }

  func ids(_ result: QueryResult) -> [String] {
    guard case .table(let table) = result else { return [] }
    return table.rows.map {
      guard case .text(let id) = $0[0] else { return "" }
      return id
    }
  }

  func run(_ engine: inout QueryEngine, _ text: String) throws -> QueryResult {
    let (results, error) = engine.run(text)
    if let error { throw error }
    return try #require(results.last)
  }

  @Test func answersInText() throws {
    let transcript = try QueryGolden.transcript([
      "progress acme.csat", "progress cs.csat95", "progress acme.csat at 2026-01-20", "tree", "tree acme.csat depth 1",
      "tree cs", "show acme.csat", "show cs.csat95.score", "show acme.csat.nps", "show cs", "show cs.csat95->acme.csat",
      "path cs.nps60", "parents cs.nps60", "children acme.csat", "ancestors bob.rating", "descendants acme.csat",
      "orphans", "impact bob.rating on acme.csat", "impact bob.rating", "impact cs.nps60 on acme.csat",
      "impact acme.csat", "history acme.csat", "history bob.learn-sql", "stats",
      "objectives", "krs where progress < 50% sort progress desc", "links", "entities where level = person",
      "set cs.csat95.score current 95", "progress acme.csat", "set cs.csat95->acme.csat weight 1; progress acme.csat",
      "reset", "progress acme.csat",
    ])
    try QueryGolden.check(transcript, against: "answers.golden")
  }

  @Test func keepingTheFirstRowsAgreesWithSortingThemAll() {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let total = Int.random(in: 0...200, using: &random)
      // Few distinct keys, so ties (broken by position) are common.
      let keys = (0..<total).map { _ in Int.random(in: 0...9, using: &random) }
      let precedes = { (a: Int, b: Int) in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }
      let sorted = (0..<total).sorted(by: precedes)
      for count in [0, 1, 2, 5, 17, total, total + 3] {
        #expect(QueryEngine.firstInOrder(count, of: total, by: precedes) == Array(sorted.prefix(count)))
      }
    }
  }

  @Test func aLimitedSortedListingIsTheStartOfTheFullOne() throws {
    // 400 objectives with repeated progress values, half of them with no cycle (no expected progress).
    var text = "company acme \"Acme\" {\n"
    for index in 0..<400 {
      let cycle = index % 2 == 0 ? "    cycle 2026\n" : ""
      text +=
        "  objective o\(index) \"Objective \((index * 7) % 13)\" {\n\(cycle)"
        + "    kr k \"Key result\" progress \((index * 37) % 11 * 10)%\n  }\n"
    }
    text += "}\n"
    var engine = QueryEngine(
      plan: EvaluationFixture.plan(text), asOf: EvaluationFixture.day("2026-03-01"), format: .text)
    for sort in ["progress", "progress desc", "expected", "expected desc", "title", "status desc", "id desc"] {
      let all = ids(try run(&engine, "objectives sort \(sort)"))
      #expect(all.count == 400)
      for limit in [1, 3, 49, 256] {
        #expect(ids(try run(&engine, "objectives sort \(sort) limit \(limit)")) == Array(all.prefix(limit)), "\(sort)")
      }
    }
  }

  @Test func listingsFilterSortAndLimit() throws {
    var engine = try engine()
    #expect(
      ids(try run(&engine, "objectives where level = team or level = person sort progress desc"))
        == ["cs.nps60", "bob.learn-sql", "cs.csat95", "bob.rating"])
    #expect(
      ids(try run(&engine, "objectives where status = at-risk and progress >= 38% sort id")) == [
        "bob.learn-sql", "cs.csat95",
      ])
    #expect(ids(try run(&engine, "objectives where not (status = at-risk) limit 1")) == ["acme.csat"])
    #expect(ids(try run(&engine, "objectives where tags contains exploratory")) == ["bob.learn-sql"])
    #expect(ids(try run(&engine, "objectives where title contains \"nps\"")) == ["cs.nps60"])
    #expect(ids(try run(&engine, "objectives where cycle = 2026")) == ["acme.csat"])
    #expect(ids(try run(&engine, "objectives where cycle contains 2026-05-01")) == ["acme.csat"])
    #expect(ids(try run(&engine, "objectives where parents = 0")) == ["acme.csat", "bob.learn-sql"])
    #expect(ids(try run(&engine, "objectives where parents contains acme.csat.nps")) == ["cs.nps60"])
    #expect(ids(try run(&engine, "objectives where children > 0 sort children desc")) == ["acme.csat", "cs.csat95"])
    #expect(ids(try run(&engine, "objectives where owner = none")) == ["cs.nps60", "bob.rating", "bob.learn-sql"])
    #expect(ids(try run(&engine, "krs where measure = milestone")) == ["cs.nps60.detractors"])
    #expect(ids(try run(&engine, "krs where confidence < 0.7")) == ["acme.csat.nps"])
    #expect(ids(try run(&engine, "krs sort value desc limit 2")) == ["cs.csat95.score", "acme.csat.nps"])
    #expect(ids(try run(&engine, "links where form = promotion")) == ["cs.nps60->acme.csat.nps"])
    #expect(ids(try run(&engine, "links where parent = acme.csat")) == ["cs.csat95->acme.csat"])
    #expect(ids(try run(&engine, "entities where leads contains alice")) == ["cs"])
    #expect(ids(try run(&engine, "entities where level = person sort objectives desc limit 1")) == ["bob"])
    #expect(ids(try run(&engine, "objectives sort status")).first == "cs.csat95")
    // Fields named by where and sort become columns.
    guard case .table(let table) = try run(&engine, "objectives where owner = alice sort confidence") else {
      Issue.record("expected a table")
      return
    }
    #expect(
      table.columns == ["id", "level", "cycle", "progress", "expected", "status", "owner", "confidence", "title"])
  }

  @Test func containsIgnoresCase() {
    #expect(QueryComparison.containsIgnoringCase("CSAT at 95%", lowercased: "csat"))
    #expect(QueryComparison.containsIgnoringCase("Équipe Opérations", lowercased: "équipe op"))
    #expect(!QueryComparison.containsIgnoringCase("abc", lowercased: "abcd"))
    #expect(QueryComparison.containsIgnoringCase("abc", lowercased: ""))
  }

  @Test func jsonShapes() throws {
    var engine = try engine(format: .json)
    let renderer = QueryRenderer(sources: engine.plan.sources)
    func json(_ query: String) throws -> JSONValue { renderer.json(try run(&engine, query)) }

    for query in [
      "objectives", "krs", "links", "entities", "orphans", "parents bob.rating", "children acme.csat",
      "ancestors bob.rating", "descendants acme.csat", "path bob.rating", "tree",
    ] {
      guard case .array(let items) = try json(query) else {
        Issue.record("\(query) is not an array")
        continue
      }
      for item in items { #expect(item["id"] != nil, "\(query): an item without id") }
    }
    let progress = try json("progress cs.csat95")
    #expect(progress["id"] == .string("cs.csat95"))
    #expect(progress["status"] == .string("at-risk"))
    #expect(progress["expected"] == .number(50.0 / 90.0))
    guard case .number(let value)? = progress["progress"] else {
      Issue.record("progress without a number")
      return
    }
    #expect(approximately(value, 0.3810))
    #expect(try json("impact bob.rating on acme.csat")["impact"] == .number(0.25))
    let show = try json("show acme.csat")
    for key in ["id", "title", "level", "cycle", "progress", "status", "parents", "children"] {
      #expect(show[key] != nil, "show lacks \(key)")
    }
    #expect(show["children"] == .array([.string("cs.csat95"), .string("cs.nps60")]))
    #expect(show["cycle"] == .string("2026"))
    #expect(try json("show cs")["progress"] == .null)
    #expect(try json("stats")["links"]?["promotion"] == .int(1))
    let answer = engine.answer("progress nope.x")
    #expect(answer.failed)
    #expect(answer.output.isEmpty)
    #expect(answer.error?.contains("\"column\": 10") == true)
  }

  @Test func checkShowsThePlanDiagnostics() throws {
    let analysis = EvaluationFixture.analysis(
      """
      team t {
        objective o "O" { cycle 2026-Q1; supports t.missing; kr k "K" progress 10% }
      }
      """)
    var engine = QueryEngine(analysis: analysis, asOf: EvaluationFixture.day("2026-02-20"))
    let text = engine.answer("check")
    #expect(text.output.contains("error[unknown-reference]: unknown objective 't.missing'"))
    #expect(text.output.contains("1 error"))
    engine.format = .json
    guard
      case .array(let diagnostics)? = QueryRenderer(sources: engine.plan.sources).json(try run(&engine, "check"))[
        "diagnostics"]
    else {
      Issue.record("check --format json lacks diagnostics")
      return
    }
    #expect(diagnostics.first?["rule"] == .string("unknown-reference"))
  }

  /// With `evaluatesOnlyWhatIsAsked`, before the whole plan is evaluated, `progress` and `tree`
  /// evaluate what they show alone, and keep it for the next question it covers: every answer is
  /// the one a whole evaluation gives, whichever questions came before.
  @Test func answersAboutSomeObjectivesAgreeWithTheWholeEvaluation() throws {
    let queries = [
      "progress cs.csat95", "progress cs.csat95.score", "tree cs.csat95", "progress bob.rating",
      "progress acme.csat at 2026-01-20", "tree acme.csat", "progress acme.csat", "tree cs", "progress cs.nps60",
      "set cs.csat95.score current 95", "progress cs.csat95", "progress acme.csat",
    ]
    var whole = try engine()
    _ = whole.evaluation()
    var alone = try engine()
    alone.evaluatesOnlyWhatIsAsked = true
    var answers = Set<String>()
    for query in queries {
      let expected = whole.answer(query).output
      #expect(alone.answer(query).output == expected, "\(query)")
      if whole.whatIf.isEmpty {
        var fresh = try engine()
        fresh.evaluatesOnlyWhatIsAsked = true
        #expect(fresh.answer(query).output == expected, "\(query)")
      }
      answers.insert(expected)
    }
    #expect(answers.count == queries.count)
  }

  @Test func whatIfLeavesThePlanAlone() throws {
    var engine = try engine()
    let before = try run(&engine, "progress acme.csat")
    _ = try run(&engine, "set acme.csat progress 90%")
    guard case .progress(let changed) = try run(&engine, "progress acme.csat") else {
      Issue.record("expected progress")
      return
    }
    #expect(changed.progress == 0.9)
    #expect(changed.isOverridden)
    #expect(engine.answer("progress acme.csat").output.contains("what-if: 1 change"))
    _ = try run(&engine, "set acme.csat progress none; set cs.nps60.detractors done false; set bob.rating weight 3")
    #expect(engine.whatIf.count == 3)
    _ = try run(&engine, "reset")
    guard case .progress(let reset) = try run(&engine, "progress acme.csat"), case .progress(let original) = before
    else {
      Issue.record("expected progress")
      return
    }
    #expect(reset.progress == original.progress)
    #expect(engine.whatIf.isEmpty)
  }

  @Test func colourAndControlCharactersStayOffThePlainTerminal() throws {
    let plan = EvaluationFixture.plan(
      """
      team t "Team \\u{1B}[31m" {
        objective o "Evil \\u{1B}[2J title" { cycle 2026-Q1; kr k "K\\u{7}" progress 10% }
      }
      """)
    var engine = QueryEngine(plan: plan, asOf: EvaluationFixture.day("2026-02-20"))
    for query in ["tree", "objectives", "krs", "show t.o", "show t", "entities", "progress t.o", "path t.o"] {
      let answer = engine.answer(query)
      #expect(!answer.output.contains("\u{1B}"), "\(query) lets an escape through")
      #expect(!answer.output.contains("\u{7}"), "\(query) lets a bell through")
    }
    engine.color = true
    #expect(
      engine.answer("progress t.o").output.contains("\u{1B}[33m")
        || engine.answer("progress t.o").output.contains("\u{1B}[31m"))
  }
}

@Suite struct QueryRobustnessTests {
  @Test func valuesTheCheckerRejectsStillRender() {
    let huge = String(repeating: "9", count: 300)
    let analysis = EvaluationFixture.analysis(
      """
      team t {
        objective o "O" {
          cycle 2026-Q1
          progress \(huge)% override
          kr a "A" from 0 to \(huge) current \(huge) weight \(huge) { checkin 2026-01-10 -\(huge) confidence \(huge) }
          kr b "B" progress -40% weight -2
          kr c "C" from 1 to 1 current 1
        }
      }
      """)
    let plan = analysis.plan
    #expect(plan.checkins.first?.confidence == Double(huge))
    var engine = QueryEngine(plan: plan, asOf: EvaluationFixture.day("2026-02-20"))
    for format in QueryOutputFormat.allCases {
      engine.format = format
      for query in [
        "objectives", "krs", "show t.o", "show t.o.a", "tree", "history t.o", "progress t.o", "stats",
        "krs where confidence > 50% sort weight desc", "impact t.o.a on t.o",
      ] {
        #expect(!engine.answer(query).failed, "\(query) failed")
      }
    }
  }
}

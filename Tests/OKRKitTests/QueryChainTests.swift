import Testing

@testable import OKRKit

/// A 100,000-long `supports` chain: every query stays iterative and linear.
@Suite struct QueryChainTests {
  static let length = 100_000

  /// `t.o0` at the top; each `t.oN` supports `t.o(N-1)`; only the bottom one has a key result.
  static let plan: Plan = {
    var text = "team t {\n  objective o0 \"Top\" { cycle 2026\n  }\n"
    for index in 1..<length {
      text += "  objective o\(index) \"Step \(index)\" { cycle 2026; supports t.o\(index - 1)"
      if index == length - 1 {
        text += "\n    kr k \"Bottom\" from 0 to 10 current 2 { checkin 2026-01-10 4; checkin 2026-02-10 6 }"
      }
      text += "\n  }\n"
    }
    return EvaluationFixture.plan(text + "}\n", path: "chain.okr")
  }()

  @Test func progressPathImpactAndHistoryThroughTheWholeChain() throws {
    var engine = QueryEngine(plan: Self.plan, asOf: EvaluationFixture.day("2026-02-20"))
    let bottom = "t.o\(Self.length - 1)"
    let (results, error) = engine.run(
      "progress t.o0; path \(bottom); impact \(bottom) on t.o0; impact t.o0; history t.o0")
    #expect(error == nil)
    guard results.count == 5, case .progress(let progress) = results[0], case .table(let path) = results[1],
      case .impact(let impact) = results[2], case .history(let history) = results[4]
    else {
      Issue.record("unexpected results")
      return
    }
    #expect(progress.progress == 0.6)
    #expect(path.rows.count == Self.length)
    #expect(impact.targets.first?.impact == 1)
    #expect(history.points.map(\.progress) == [0.4, 0.6])
    let ancestors = engine.answer("ancestors \(bottom)")
    #expect(!ancestors.failed)
  }

  @Test func deepTreesAreCutByDepthAndIndentationIsCapped() throws {
    var engine = QueryEngine(plan: Self.plan, asOf: EvaluationFixture.day("2026-02-20"))
    guard case .tree(let limited) = try engine.execute(.tree(nil, depth: 20)) else {
      Issue.record("expected a tree")
      return
    }
    #expect(limited.rows.count == 21)
    #expect(limited.rows.last?.hiddenChildren == 1)
    let full = engine.answer("tree t.o0")
    #expect(!full.failed)
    let lines = full.output.split(separator: "\n")
    #expect(lines.count == Self.length + 1)
    let deepest = try #require(lines.last { $0.contains("kr k") })
    #expect(deepest.contains("⋯[\(Self.length)]"))
    #expect(deepest.count < 250)
  }

  @Test func listingsOverTheChain() throws {
    var engine = QueryEngine(plan: Self.plan, asOf: EvaluationFixture.day("2026-02-20"))
    let answer = engine.answer(
      "objectives where children = 0 and progress > 50% sort id desc limit 3; descendants t.o99990")
    #expect(answer.error == nil)
    #expect(answer.output.contains("t.o99999"))
  }
}

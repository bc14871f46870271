import Foundation
import Testing

/// `okr query` run as a program: answers, JSON shapes of LANGUAGE.md §8, exit codes.
@Suite struct QueryCommandTests {
  static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/acme").path

  func query(_ text: String, _ options: [String] = []) throws -> OKRBinary.Finished {
    try OKRBinary.run(["query", Self.sample, text, "--as-of", "2026-02-20"] + options)
  }

  func json(_ text: String) throws -> Any {
    let finished = try query(text, ["--format", "json"])
    #expect(finished.status == 0, "\(finished.errors)")
    return try JSONSerialization.jsonObject(with: Data(finished.output.utf8))
  }

  @Test func progressAsTextAndJSON() throws {
    let text = try query("progress cs.csat95")
    #expect(text.status == 0)
    #expect(text.output == "cs.csat95  ████░░░░░░ 38.1%  expected 55.6%  at-risk  as of 2026-02-20\n")
    let object = try #require(try json("progress cs.csat95") as? [String: Any])
    #expect(object["id"] as? String == "cs.csat95")
    #expect(abs((object["progress"] as? Double ?? -1) - 0.380952) < 1e-6)
    #expect(abs((object["expected"] as? Double ?? -1) - 50.0 / 90) < 1e-6)
    #expect(object["status"] as? String == "at-risk")
  }

  @Test func nodeSetsAndListingsAreArraysOfObjectsWithIds() throws {
    for text in [
      "orphans", "parents bob.rating", "children acme.csat", "ancestors bob.rating", "descendants acme.csat",
      "path bob.rating", "objectives where level = team", "krs limit 2", "links", "entities",
    ] {
      let rows = try #require(try json(text) as? [[String: Any]], "\(text) is not an array of objects")
      #expect(rows.allSatisfy { $0["id"] is String }, "\(text): every row has an id")
    }
    let path = try #require(try json("path bob.rating") as? [[String: Any]])
    #expect(path.compactMap { $0["id"] as? String } == ["bob.rating", "cs.csat95", "acme.csat"])
  }

  @Test func showAndImpactHaveTheirKeys() throws {
    let show = try #require(try json("show cs.csat95") as? [String: Any])
    for key in ["id", "title", "level", "cycle", "progress", "status", "parents", "children"] {
      #expect(show[key] != nil, "show has no \(key)")
    }
    // bob.rating is 1 of cs.csat95's 2 items; cs.csat95 weighs 2 of acme.csat's 6 (nps, churn, 2 × 2).
    let impact = try #require(try json("impact bob.rating on acme.csat") as? [String: Any])
    #expect(abs((impact["impact"] as? Double ?? -1) - 1.0 / 6) < 1e-6)
  }

  @Test func exitCodes() throws {
    let unknown = try query("progress cs.nothing")
    #expect(unknown.status == 1)
    #expect(unknown.errors.contains("unknown objective 'cs.nothing'"))
    let badDate = try OKRBinary.run(["query", Self.sample, "progress cs.csat95", "--as-of", "2026-02-30"])
    #expect(badDate.status == 2)
    let missing = try OKRBinary.run(["query", "/nonexistent/plan.okr", "progress x"])
    #expect(missing.status == 2)
  }
}

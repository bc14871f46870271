import Testing

@testable import OKRKit

@Suite struct SuggestionsTests {
  @Test func typosFindTheirNearestNames() {
    #expect(Suggestions.nearest(to: "of", among: ["error", "warning", "note", "off"]) == ["off"])
    #expect(Suggestions.nearest(to: "acme.cstat", among: ["acme.csat", "acme.growth"]) == ["acme.csat"])
    #expect(Suggestions.nearest(to: "orphn", among: Rule.allCases.map(\.rawValue)) == ["orphan"])
  }

  @Test func farNamesAreNotSuggested() {
    #expect(Suggestions.nearest(to: "zebra", among: ["acme.csat", "orphan"]).isEmpty)
  }

  @Test func noCandidateIsLookedForAmongTooMany() {
    let names = (0..<Suggestions.candidateLimit).map { "objective-\($0)" }
    #expect(Suggestions.nearest(to: "objectve-7", among: names).first == "objective-7")
    #expect(Suggestions.nearest(to: "objectve-7", among: names + ["objective-x"]).isEmpty)
    #expect(Suggestions.nearest(to: "objectve-7", among: (names + ["objective-x"]).lazy.map { $0 }).isEmpty)
  }

  @Test func transpositionsCountAsOneEdit() {
    #expect(Suggestions.editDistance(Array("csat".utf8), Array("cast".utf8), limit: 3) == 1)
  }
}

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

  @Test func transpositionsCountAsOneEdit() {
    #expect(Suggestions.editDistance(Array("csat".utf8), Array("cast".utf8), limit: 3) == 1)
  }
}

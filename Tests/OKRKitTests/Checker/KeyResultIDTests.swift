import Testing

@testable import OKRKit

/// A key result id is unique within its objective. Ids are compared as written, byte for byte,
/// yet as `String`s compare: the same id in another normalization form repeats it. Past 16 key
/// results the search goes through a hash index; repeats are found on both sides of that limit.
@Suite struct KeyResultIDTests {
  static func resolve(_ text: String) -> (plan: Plan, repeats: [Diagnostic]) {
    let (plan, diagnostics) = PlanResolver.resolve(FrontEndFixtures.parse(text))
    return (plan, diagnostics.filter { $0.rule == .duplicateDefinition })
  }

  @Test func aRepeatedIDIsReportedAndItsKeyResultSkipped() throws {
    let text = """
      company c "C" {
        objective a "A" {
          kr k1 "One" from 0 to 1
          kr k2 "Two" from 0 to 1
          kr k1 "One again" from 0 to 1
        }
        objective b "B" { kr k1 "Another objective's k1" from 0 to 1 }
      }
      """
    let (plan, repeats) = Self.resolve(text)
    #expect(repeats.map(\.message) == ["the key result 'k1' is declared twice in 'c.a'"])
    let repeated = try #require(repeats.first)
    #expect(repeated.location.span.start == UInt32(try #require(text.utf8.indexOf("k1 \"One again\""))))
    #expect(repeated.labels.map(\.location.span.start) == [UInt32(try #require(text.utf8.indexOf("k1 \"One\"")))])
    #expect(plan.keyResults.map(\.localID) == ["k1", "k2", "k1"])
    #expect(plan.keyResults.map { plan.text($0.title) } == ["One", "Two", "Another objective's k1"])
  }

  @Test func repeatsAreFoundPastTheLinearSearch() {
    var text = "company c \"C\" {\n  objective a \"A\" {\n"
    for index in 0..<30 { text += "    kr k\(index) \"K\" from 0 to 1\n" }
    text += "    kr k3 \"Below the limit\" from 0 to 1\n    kr k25 \"Above it\" from 0 to 1\n  }\n}\n"
    let (plan, repeats) = Self.resolve(text)
    #expect(
      repeats.map(\.message) == [
        "the key result 'k3' is declared twice in 'c.a'", "the key result 'k25' is declared twice in 'c.a'",
      ])
    #expect(plan.keyResults.count == 30)
  }

  /// Short ASCII ids (up to 7 bytes) are compared as one number each; longer ones, and every id
  /// of an objective after one, byte for byte. Each objective starts afresh, whatever the one
  /// before it held.
  @Test func repeatsAreFoundInAnyMixOfShortAndLongIDs() {
    let text = """
      company c "C" {
        objective a "A" {
          kr k1 "Short" from 0 to 1
          kr abcdefgh "Eight bytes" from 0 to 1
          kr k1 "Short again" from 0 to 1
          kr abcdefgh "Eight bytes again" from 0 to 1
          kr abcdefg "Seven bytes" from 0 to 1
        }
        objective b "B" {
          kr k2 "First of b" from 0 to 1
          kr k1 "Also in a" from 0 to 1
          kr abcdefg "Also in a" from 0 to 1
          kr k2 "Repeated in b" from 0 to 1
        }
      }
      """
    let (plan, repeats) = Self.resolve(text)
    #expect(
      repeats.map(\.message) == [
        "the key result 'k1' is declared twice in 'c.a'", "the key result 'abcdefgh' is declared twice in 'c.a'",
        "the key result 'k2' is declared twice in 'c.b'",
      ])
    #expect(plan.keyResults.map(\.localID) == ["k1", "abcdefgh", "abcdefg", "k2", "k1", "abcdefg"])
  }

  @Test func anIDInAnotherNormalizationFormRepeatsIt() {
    let text = """
      company c "C" {
        objective a "A" {
          kr caf\u{E9} "Composed" from 0 to 1
          kr cafe\u{301} "Decomposed" from 0 to 1
          kr \u{212A} "Kelvin sign" from 0 to 1
          kr K "Letter K" from 0 to 1
        }
      }
      """
    let (plan, repeats) = Self.resolve(text)
    #expect(
      repeats.map(\.message) == [
        "the key result 'cafe\u{301}' is declared twice in 'c.a'", "the key result 'K' is declared twice in 'c.a'",
      ])
    #expect(plan.keyResults.map { plan.text($0.title) } == ["Composed", "Kelvin sign"])
  }
}

extension String.UTF8View {
  /// The offset of the first occurrence of `needle`, if any.
  fileprivate func indexOf(_ needle: String) -> Int? {
    let haystack = Array(self)
    let pattern = Array(needle.utf8)
    guard pattern.count <= haystack.count else { return nil }
    return (0...(haystack.count - pattern.count)).first { Array(haystack[$0..<$0 + pattern.count]) == pattern }
  }
}

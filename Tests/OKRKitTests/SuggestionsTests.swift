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

  /// The distance from the whole table, every cell filled: what the quicker one must agree with.
  static func referenceDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
      for j in stride(from: 1, through: b.count, by: 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }

  /// Names from a three-letter alphabet (so that shared starts and ends, repeats and swaps are
  /// common) and their typos: the distance up to each limit is the table's, and beyond the limit
  /// it is reported as beyond.
  @Test func distanceAgreesWithTheWholeTable() {
    var random = SeededGenerator(seed: 7)
    func word() -> [UInt8] {
      (0..<Int.random(in: 0...9, using: &random)).map { _ in Array("ab-".utf8).randomElement(using: &random)! }
    }
    func typo(of word: [UInt8]) -> [UInt8] {
      var word = word
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        let letter = Array("ab-".utf8).randomElement(using: &random)!
        switch Int.random(in: 0...3, using: &random) {
        case 0 where !word.isEmpty: word.remove(at: Int.random(in: word.indices, using: &random))
        case 1: word.insert(letter, at: Int.random(in: 0...word.count, using: &random))
        case 2 where !word.isEmpty: word[Int.random(in: word.indices, using: &random)] = letter
        case 3 where word.count > 1:
          let first = Int.random(in: 0..<word.count - 1, using: &random)
          word.swapAt(first, first + 1)
        default: break
        }
      }
      return word
    }
    var scratch = Suggestions.EditDistanceScratch()
    var disagreements: [String] = []
    for round in 0..<20_000 {
      let a = word()
      let b = round % 4 == 0 ? word() : typo(of: a)
      let expected = Self.referenceDistance(a, b)
      for limit in 0...4 {
        // A slice of a longer array, as the pool passes its names; the bytes either side are
        // letters of the names, so reading past the slice would change answers.
        let padded = Array("a".utf8) + b + Array("b".utf8)
        let distance = Suggestions.editDistance(a, padded[1..<b.count + 1], limit: limit, scratch: &scratch)
        if expected <= limit ? distance != expected : distance <= limit {
          disagreements.append(
            "\(String(decoding: a, as: UTF8.self)) / \(String(decoding: b, as: UTF8.self)) within \(limit): \(distance), not \(expected)"
          )
        }
      }
    }
    #expect(disagreements.count == 0, "the first: \(disagreements.prefix(5))")
    #expect(Suggestions.editDistance(Array("kitten".utf8), Array("sitting".utf8), limit: .max) == 3)
    #expect(Suggestions.editDistance(Array("ca".utf8), Array("abc".utf8), limit: 3) == 3)
  }
}

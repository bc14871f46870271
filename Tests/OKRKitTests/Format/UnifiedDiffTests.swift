import Testing

@testable import OKRKit

@Suite struct UnifiedDiffTests {
  @Test func manyDiffsComeInTheOrderOfTheirComparisons() {
    let comparisons = (0..<40).map { index in
      UnifiedDiff.Comparison(
        old: "a\nb\(index)\n", new: "a\nc\(index)\n", oldLabel: "old \(index)", newLabel: "new \(index)")
    }
    let expected = comparisons.map {
      UnifiedDiff.diff(old: $0.old, new: $0.new, oldLabel: $0.oldLabel, newLabel: $0.newLabel)
    }
    #expect(UnifiedDiff.diffs(comparisons) == expected)
    #expect(expected.allSatisfy { !$0.isEmpty })
  }

  @Test func equalTextsHaveNoDiff() {
    #expect(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldLabel: "x", newLabel: "y") == "")
    #expect(UnifiedDiff.diff(old: "", new: "", oldLabel: "x", newLabel: "y") == "")
  }

  @Test func oneChangedLineShowsThreeLinesOfContext() {
    let old = (1...9).map { "line \($0)\n" }.joined()
    let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
    #expect(
      UnifiedDiff.diff(old: old, new: new, oldLabel: "plan.okr\t(original)", newLabel: "plan.okr\t(formatted)") == """
        --- plan.okr\t(original)
        +++ plan.okr\t(formatted)
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8

        """)
  }

  @Test func distantChangesMakeSeparateHunksAndCloseOnesMerge() {
    let old = (1...20).map { "\($0)\n" }.joined()
    var lines = (1...20).map { "\($0)\n" }
    lines[1] = "two\n"
    lines[17] = "eighteen\n"
    let far = UnifiedDiff.diff(old: old, new: lines.joined(), oldLabel: "a", newLabel: "b")
    #expect(far.components(separatedBy: "@@ -").count - 1 == 2)
    #expect(far.contains("@@ -1,5 +1,5 @@\n"))
    #expect(far.contains("@@ -15,6 +15,6 @@\n"))
    // Six unchanged lines between two changes: the contexts touch, so one hunk.
    lines = (1...20).map { "\($0)\n" }
    lines[2] = "three\n"
    lines[9] = "ten\n"
    let close = UnifiedDiff.diff(old: old, new: lines.joined(), oldLabel: "a", newLabel: "b")
    #expect(close.components(separatedBy: "@@ -").count - 1 == 1)
    #expect(close.contains("@@ -1,13 +1,13 @@\n"))
  }

  @Test func insertionsIntoAnEmptyFileAndAMissingLastNewline() {
    #expect(UnifiedDiff.diff(old: "", new: "a\n", oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+a\n")
    #expect(
      UnifiedDiff.diff(old: "a\nb", new: "a\nb\n", oldLabel: "a", newLabel: "b")
        == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
  }

  @Test func carriageReturnsStayPartOfTheirLines() {
    #expect(
      UnifiedDiff.diff(old: "a\r\nb\n", new: "a\nb\n", oldLabel: "a", newLabel: "b")
        == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n-a\r\n+a\n b\n")
  }

  @Test func linesKeepTheirBreaks() {
    #expect(UnifiedDiff.lines(of: "a\r\nb\n\nc") == ["a\r\n", "b\n", "\n", "c"])
    #expect(UnifiedDiff.lines(of: "") == [])
  }

  @Test(arguments: 0..<200) func scriptsAreValidAndShortest(_ seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed))
    let old = (0..<Int.random(in: 0...30, using: &random)).map { _ in Int.random(in: 0...4, using: &random) }
    let new = (0..<Int.random(in: 0...30, using: &random)).map { _ in Int.random(in: 0...4, using: &random) }
    let edits = UnifiedDiff.script(old, new)
    #expect(isValid(edits, old, new))
    let changes = edits.filter { $0.kind != .same }.count
    #expect(changes == old.count + new.count - 2 * longestCommonSubsequence(old, new))
  }

  @Test func largeUnrelatedTextsStayFastAndCorrect() {
    let old = (0..<3_000).map { $0 * 2 }
    let new = (0..<3_000).map { $0 * 2 + 1 }
    let edits = UnifiedDiff.script(old, new)
    #expect(isValid(edits, old, new))
    #expect(edits.count == 6_000)
  }

  /// The script walks both sequences in order, and kept lines are equal.
  private func isValid(_ edits: [UnifiedDiff.Edit], _ old: [Int], _ new: [Int]) -> Bool {
    var x = 0
    var y = 0
    for edit in edits {
      switch edit.kind {
      case .same:
        guard edit.old == x, edit.new == y, old[x] == new[y] else { return false }
        x += 1
        y += 1
      case .delete:
        guard edit.old == x, edit.new == y else { return false }
        x += 1
      case .insert:
        guard edit.old == x, edit.new == y else { return false }
        y += 1
      }
    }
    return x == old.count && y == new.count
  }

  private func longestCommonSubsequence(_ a: [Int], _ b: [Int]) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    return table[0][0]
  }
}

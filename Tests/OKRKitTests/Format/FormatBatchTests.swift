import Testing

@testable import OKRKit

/// Formatting many files at once, on all cores, gives what formatting each alone gives, in order.
@Suite struct FormatBatchTests {
  @Test func aBatchGivesEachFileItsOwnOutcomeInOrder() throws {
    var files: [SourceFile] = []
    for seed in 0..<60 {
      var generator = PlanGenerator(seed: UInt64(1_000 + seed))
      var text = generator.plan()
      // Every seventh file has a syntax error, so a batch mixes both outcomes.
      if seed % 7 == 3 { text += "\nteam broken {\n" }
      files.append(SourceFile(id: FileID(0), path: "plan\(seed).okr", bytes: Array(text.utf8)))
    }
    let outcomes = PlanFormatter.formatBytes(files)
    try #require(outcomes.count == files.count)
    var invalid = 0
    for (file, outcome) in zip(files, outcomes) {
      switch (outcome, PlanFormatter.format(file)) {
      case (.formatted(let bytes), .formatted(let text)):
        #expect(bytes == Array(text.utf8), "\(file.path) formats differently in a batch")
      case (.invalid(let batched), .invalid(let alone)):
        invalid += 1
        #expect(batched.map(\.message) == alone.map(\.message), "\(file.path)")
      default:
        Issue.record("\(file.path): formatted in one way and not the other")
      }
    }
    #expect(invalid == 9)
  }
}

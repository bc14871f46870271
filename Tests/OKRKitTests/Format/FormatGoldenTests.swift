import Foundation
import Testing

@testable import OKRKit

/// Golden tests: `Fixtures/format/NAME.input.okr` formats to `NAME.expected.okr`, and every
/// guarantee holds on the way. `OKR_RECORD=1` rewrites the expected files.
@Suite struct FormatGoldenTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/format")

  static let names: [String] = {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return entries.filter { $0.hasSuffix(".input.okr") }.map { String($0.dropLast(".input.okr".count)) }.sorted()
  }()

  @Test func theCorpusIsThere() {
    #expect(Self.names.count >= 10)
  }

  @Test(arguments: names) func formatsFixture(_ name: String) throws {
    let input = try String(contentsOf: Self.folder.appendingPathComponent("\(name).input.okr"), encoding: .utf8)
    let formatted = try FormatGuarantees.verify(input)
    Golden.expect(formatted, matches: Self.folder.appendingPathComponent("\(name).expected.okr"))
  }

  /// docs/formatting.md shows a messy plan and its canonical layout; they must stay true.
  @Test func theDocumentedExampleIsWhatTheFormatterPrints() throws {
    let docs = Self.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/formatting.md")
    let blocks = try String(contentsOf: docs, encoding: .utf8).components(separatedBy: "```okr\n").dropFirst()
      .map { $0.components(separatedBy: "```")[0] }
    try #require(blocks.count >= 2)
    let canonical = blocks[0]
    let messy = blocks[1]
    #expect(try FormatGuarantees.verify(messy) == canonical)
    #expect(try FormatGuarantees.verify(canonical) == canonical)
  }
}

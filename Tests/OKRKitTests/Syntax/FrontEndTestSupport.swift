import Foundation
import Testing

@testable import OKRKit

/// Fixtures and golden files of the front-end tests, found next to this source file.
///
/// Goldens are compared byte for byte; run with `OKR_RECORD=1` to rewrite them, then
/// review the diff before committing.
enum FrontEndFixtures {
  /// `Tests/OKRKitTests/Fixtures`.
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// The package's root folder (it holds `samples/` once plans are added there).
  static let repositoryRoot =
    folder
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The names (without `.okr`) of the fixtures in `Fixtures/syntax`, sorted.
  static var syntaxFixtureNames: [String] {
    okrFiles(under: folder.appendingPathComponent("syntax")).map {
      $0.deletingPathExtension().lastPathComponent
    }
  }

  /// Every `.okr` file below `folder`, sorted by path.
  static func okrFiles(under folder: URL) -> [URL] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
      return []
    }
    return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "okr" }
      .sorted { $0.path < $1.path }
  }

  /// The bytes of a fixture file.
  static func bytes(_ url: URL) throws -> [UInt8] {
    Array(try Data(contentsOf: url))
  }

  /// Parses `bytes` as one file named `path` (the name diagnostics show).
  static func parse(_ bytes: [UInt8], path: String = "plan.okr") -> ParsedPlan {
    var plan = ParsedPlan()
    plan.add(path: path, bytes: bytes)
    return plan
  }

  /// Parses `text` as one file named `path`.
  static func parse(_ text: String, path: String = "plan.okr") -> ParsedPlan {
    parse(Array(text.utf8), path: path)
  }

  /// The diagnostics as `okr check` prints them without colour: each followed by a blank line.
  static func renderedText(_ plan: ParsedPlan) -> String {
    let renderer = DiagnosticRenderer(sources: plan.sources, color: false)
    return plan.diagnostics.map { renderer.render($0) + "\n\n" }.joined()
  }

  /// The diagnostics as `okr check --format json` prints them.
  static func renderedJSON(_ plan: ParsedPlan) -> String {
    DiagnosticRenderer(sources: plan.sources, color: false).jsonDocument(plan.diagnostics).serialized() + "\n"
  }

  /// Compares `actual` with the golden file at `url`, or rewrites the golden when recording.
  static func expectMatchesGolden(
    _ actual: String, _ url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    Golden.expect(actual, matches: url, sourceLocation: sourceLocation)
  }

  /// Each diagnostic as `line:column rule`, the compact form recovery tests compare.
  static func positions(_ plan: ParsedPlan) -> [String] {
    let renderer = DiagnosticRenderer(sources: plan.sources)
    return plan.diagnostics.map {
      let position = renderer.lineColumn($0.location)
      return "\(position.line):\(position.column) \($0.rule.rawValue)"
    }
  }
}

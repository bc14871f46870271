import Foundation
import Testing

@testable import OKRKit

/// The checker's fixtures (`Fixtures/checker/RULE/CASE.okr`) and their golden renders (`CASE.txt`).
///
/// A case whose name starts with `fires` must report its folder's rule; one that starts with
/// `silent` is a near miss that must not. Run the tests with `OKR_RECORD=1` to rewrite the goldens.
enum CheckerFixtures {
  /// `Tests/OKRKitTests/Fixtures/checker`, found from this file so goldens can be rewritten in place.
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/checker")

  /// One fixture file.
  struct Case: Sendable, CustomTestStringConvertible {
    /// The folder: a rule name.
    var rule: String
    /// The file name without `.okr`.
    var name: String

    /// The path relative to ``CheckerFixtures/folder``, also the path shown in diagnostics.
    var path: String { "\(rule)/\(name).okr" }
    var goldenPath: String { "\(rule)/\(name).txt" }
    var mustFire: Bool { name.hasPrefix("fires") }
    var testDescription: String { path }
  }

  /// Every case, sorted by path.
  static let cases: [Case] = {
    let manager = FileManager.default
    let rules = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
    var cases: [Case] = []
    for rule in rules.sorted() {
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: folder.appendingPathComponent(rule).path, isDirectory: &isFolder),
        isFolder.boolValue
      else { continue }
      let files = (try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(rule).path)) ?? []
      for file in files.sorted() where file.hasSuffix(".okr") {
        cases.append(Case(rule: rule, name: String(file.dropLast(4))))
      }
    }
    return cases
  }()

  /// The text of a fixture file.
  static func text(_ path: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
  }

  /// Parses, resolves and checks one text as a single-file plan.
  static func analyze(_ text: String, path: String = "plan.okr") -> PlanAnalysis {
    var parsed = ParsedPlan()
    parsed.add(path: path, text: text)
    return PlanAnalysis(parsed)
  }

  /// Every diagnostic rendered as `okr check` shows it, without colour.
  static func render(_ analysis: PlanAnalysis) -> String {
    guard !analysis.diagnostics.isEmpty else { return "(no diagnostics)\n" }
    let renderer = DiagnosticRenderer(sources: analysis.plan.sources, color: false)
    return analysis.diagnostics.map(renderer.render).joined(separator: "\n\n") + "\n"
  }

  /// Compares `actual` with the golden file at `path` (relative to ``folder``), or rewrites it when recording.
  static func expectGolden(_ actual: String, at path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    throws
  {
    Golden.expect(actual, matches: folder.appendingPathComponent(path), sourceLocation: sourceLocation)
  }
}

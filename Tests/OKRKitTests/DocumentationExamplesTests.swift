import Foundation
import Testing

@testable import OKRKit

/// The examples in the documentation are real: they parse, and each `okr explain` example
/// triggers its rule.
@Suite struct DocumentationExamplesTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every ```okr block of the repository's Markdown files.
  static func okrBlocks() throws -> [(file: String, text: String)] {
    var files = ["README.md", "grammar/README.md", "samples/README.md"]
    let docs = repository.appendingPathComponent("docs")
    for name in try FileManager.default.contentsOfDirectory(atPath: docs.path) where name.hasSuffix(".md") {
      files.append("docs/" + name)
    }
    var blocks: [(String, String)] = []
    for file in files {
      let url = repository.appendingPathComponent(file)
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
      var current: [Substring]?
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if current == nil, line.trimmingCharacters(in: .whitespaces) == "```okr" {
          current = []
        } else if let lines = current, line.trimmingCharacters(in: .whitespaces) == "```" {
          blocks.append((file, lines.joined(separator: "\n")))
          current = nil
        } else {
          current?.append(line)
        }
      }
    }
    return blocks
  }

  @Test func everyPlanExampleInTheDocsParses() throws {
    let blocks = try Self.okrBlocks()
    #expect(blocks.count >= 3)
    for (file, text) in blocks {
      var parsed = ParsedPlan()
      parsed.add(path: file, text: text)
      let problems = parsed.diagnostics.filter { $0.rule == .syntax || $0.rule == .invalidLiteral }
      #expect(problems.isEmpty, "an example in \(file) does not parse: \(problems.map(\.message))")
    }
  }

  @Test(arguments: Rule.allCases)
  func explainExamplesTriggerTheirRule(_ rule: Rule) {
    // Loaded like a file on disk, so includes are followed too.
    let fileSystem = InMemoryFileSystem(files: ["/plan/example.okr": rule.documentation.example])
    let example = PlanLoader(fileSystem: fileSystem).load(["/plan/example.okr"])
    let fired = PlanAnalysis(example).diagnostics.map(\.rule)
    #expect(fired.contains(rule), "the example for \(rule.rawValue) gives \(fired.map(\.rawValue))")
  }
}

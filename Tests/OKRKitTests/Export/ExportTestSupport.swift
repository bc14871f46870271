import Foundation
import Testing

@testable import OKRKit

/// Plans, goldens and Graphviz for the export tests.
enum ExportFixtures {
  /// `Tests/OKRKitTests/Fixtures/export`.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/export")
  /// The repository's `samples` folder.
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")
  /// The day every export test evaluates as of.
  static let asOf = Day("2026-05-01")!

  /// The plans with goldens: the product-launch sample and the fixtures.
  static let goldenPlans = ["product-launch", "varied", "hostile"]

  /// Where a golden plan's text is.
  static func url(of plan: String) -> URL {
    plan == "product-launch"
      ? samples.appendingPathComponent("product-launch.okr") : folder.appendingPathComponent("\(plan).okr")
  }

  /// A golden plan, exported as of ``asOf``.
  static func export(_ plan: String) throws -> PlanExport {
    export(text: try String(contentsOf: url(of: plan), encoding: .utf8), path: "\(plan).okr")
  }

  /// One file's text, exported as of ``asOf``.
  static func export(text: String, path: String = "plan.okr") -> PlanExport {
    PlanExport(analysis: EvaluationFixture.analysis(text, path: path), asOf: asOf)
  }

  /// The golden file name of a plan's export in a format.
  static func goldenName(_ plan: String, _ format: ExportFormat) -> String {
    switch format {
    case .json: "\(plan).json"
    case .dot: "\(plan).dot"
    case .mermaid: "\(plan).mmd"
    case .markdown: "\(plan).md"
    }
  }

  /// Compares `actual` with the golden file `name`; with `OKR_RECORD=1`, rewrites the golden instead.
  static func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    throws
  {
    Golden.expect(actual, matches: folder.appendingPathComponent(name), sourceLocation: sourceLocation)
  }

  /// Graphviz's `dot` from `PATH`, when installed.
  static let dot: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("dot") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// Runs `dot -Tsvg` on `source`: its exit status, the SVG and what it said on standard error.
  static func svg(_ source: String, dot: URL) throws -> (status: Int32, svg: String, errors: String) {
    let scratch = try ScratchFolder()
    let input = try scratch.write("graph.dot", source)
    let process = Process()
    process.executableURL = dot
    process.arguments = ["-Tsvg", input, "-o", scratch.path("graph.svg")]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let said = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let svg = (try? String(contentsOfFile: scratch.path("graph.svg"), encoding: .utf8)) ?? ""
    return (process.terminationStatus, svg, String(decoding: said, as: UTF8.self))
  }

  /// Plan text as every format shows it in a label: control characters as `\u{1B}`, tabs as spaces.
  static func shown(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        out += " "
      } else if scalar != "\n", scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

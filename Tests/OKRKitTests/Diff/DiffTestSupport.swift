import Foundation
import Testing

@testable import OKRKit

/// Fixtures and helpers shared by the diff tests.
enum DiffFixtures {
  /// `Tests/OKRKitTests/Fixtures/diff` in the source tree (goldens are rewritten there).
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/diff")

  /// The text of a fixture file.
  static func text(_ name: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  /// The LANGUAGE.md example with a policy block and a named cycle.
  static let base: String = (try? text("base.okr")) ?? ""

  /// `base` with each `(old, new)` replacement applied once; a missing `old` fails the test.
  static func edited(_ replacements: [(String, String)], in text: String = base) -> String {
    var result = text
    for (old, new) in replacements {
      guard let range = result.range(of: old) else {
        Issue.record("the fixture has no '\(old)'")
        continue
      }
      result.replaceSubrange(range, with: new)
    }
    return result
  }

  /// Loads `files` (absolute paths under `/plan` → text) and resolves them; any parse or name
  /// resolution error fails the test, so an edit cannot silently break a fixture.
  static func plan(_ files: [String: String]) -> Plan {
    let parsed = PlanLoader(fileSystem: InMemoryFileSystem(files: files)).load(["/plan"])
    let (plan, resolution) = PlanResolver.resolve(parsed)
    let errors = (parsed.diagnostics + resolution).filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.message))")
    #expect(parsed.failures.isEmpty)
    return plan
  }

  /// A one-file plan.
  static func plan(_ text: String) -> Plan { plan(["/plan/main.okr": text]) }

  /// The changes from one one-file plan to another.
  static func changes(_ old: String, _ new: String) -> [PlanChange] {
    PlanDiff.compare(plan(old), plan(new)).changes
  }

  /// Compares `actual` with the golden file `name`; with `OKR_RECORD=1`, rewrites the golden instead.
  static func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    throws
  {
    Golden.expect(actual, matches: folder.appendingPathComponent(name), sourceLocation: sourceLocation)
  }
}

/// A small evaluator for tests: an objective's progress is its override, else the weighted mean
/// of its key results (metric value as of the date, milestone done, manual progress); its status
/// is `upcoming` before its cycle, else `on-track` from 50 % and `off-track` below.
struct StandInProgress: ProgressSource {
  let plan: Plan
  let asOf: Day

  func progress(of objective: ObjectiveID) -> Double {
    if let override = plan[objective].progressOverride { return override }
    var total = 0.0
    var weights = 0.0
    for index in plan[objective].keyResults {
      let keyResult = plan.keyResults[Int(index)]
      total += keyResult.weight * progress(of: keyResult)
      weights += keyResult.weight
    }
    return weights > 0 ? total / weights : 0
  }

  enum Status: String {
    case upcoming
    case onTrack = "on-track"
    case offTrack = "off-track"
  }

  func status(of objective: ObjectiveID) -> Status {
    if let cycle = plan[objective].cycle, asOf < cycle.period.first { return .upcoming }
    return progress(of: objective) >= 0.5 ? .onTrack : .offTrack
  }

  private func progress(of keyResult: KeyResult) -> Double {
    switch keyResult.measure {
    case .metric(let from, let to, let current, _):
      let checkins = plan.checkins[Int(keyResult.checkins.lowerBound)..<Int(keyResult.checkins.upperBound)]
      guard let value = checkins.last(where: { $0.date <= asOf })?.value ?? current else { return 0 }
      return min(max((value - from) / (to - from), 0), 1)
    case .milestone(let isDone, let on):
      return isDone && (on ?? asOf) <= asOf ? 1 : 0
    case .manual(let fraction):
      return fraction
    case .none:
      return 0
    }
  }
}

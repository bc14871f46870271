import Foundation
import Testing

@testable import OKRKit

/// Plans and lookups shared by the evaluation and query tests.
enum EvaluationFixture {
  /// The folder of the query and evaluation fixtures.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Query")

  /// The text of a fixture file.
  static func text(_ name: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  /// The worked example of LANGUAGE.md §1.
  static func acme() throws -> Plan { plan(try text("acme.okr"), path: "acme.okr") }

  /// A resolved plan from one file's text.
  static func plan(_ text: String, path: String = "plan.okr") -> Plan {
    analysis(text, path: path).plan
  }

  /// The analysis of one file's text.
  static func analysis(_ text: String, path: String = "plan.okr") -> PlanAnalysis {
    var parsed = ParsedPlan()
    parsed.add(path: path, text: text)
    return PlanAnalysis(parsed)
  }

  static func day(_ text: String) -> Day { Day(text)! }
}

extension Plan {
  /// The objective or key result with a qualified name, for tests.
  func node(_ name: String) -> AlignmentNode {
    let parts = name.split(separator: ".").map(String.init)
    let owner = entity(named: parts[0])!
    let objective = objective(owner: owner, localID: parts[1])!
    if parts.count == 2 { return .objective(objective) }
    return .keyResult(keyResult(of: objective, localID: parts[2])!)
  }

  func objectiveID(_ name: String) -> ObjectiveID {
    guard case .objective(let id) = node(name) else { fatalError("\(name) is not an objective") }
    return id
  }

  func keyResultID(_ name: String) -> KeyResultID {
    guard case .keyResult(let id) = node(name) else { fatalError("\(name) is not a key result") }
    return id
  }
}

/// Whether two numbers agree to `places` decimals (the precision of LANGUAGE.md's worked numbers).
func approximately(_ a: Double?, _ b: Double, places: Int = 4) -> Bool {
  guard let a else { return false }
  let scale = pow(10, Double(places))
  return (a * scale).rounded() == (b * scale).rounded()
}

import Testing

@testable import OKRKit

/// Objectives that parse cleanly keep no statements; they are read again on demand, and what
/// they say is kept in the file's fact tables for resolving.
@Suite struct ObjectiveStatementRereadTests {
  static let text = """
    team t "T" {
      objective clean "Clean" {
        cycle 2026-Q1
        owner p
        supports c.top weight 2 accepted by q on 2026-01-05
        kr a "A" from 0 to 10 { checkin 2026-01-10 2 }
        tag x, y
        kr b "B" milestone
        supports c.other
        note "Why"
        shared
        progress 40% override
      }
      objective bad "Bad" {
        cycle 2026-Q1
        kr a "A" milestone {
          checkin 2026-02-30 1
        }
        supports c.top
        owner
      }
      objective empty "Empty"
    }
    """

  static func kind(_ statement: ObjectiveStatement) -> String {
    switch statement {
    case .cycle: "cycle"
    case .owner: "owner"
    case .supports: "supports"
    case .shared: "shared"
    case .keyResult(let decl): "kr \(decl.id.name)"
    case .progressOverride: "progress"
    case .tags: "tag"
    case .note: "note"
    }
  }

  static func objectives() throws -> (file: SourceFile, syntax: SyntaxFile, objectives: [ObjectiveDecl]) {
    let parsed = FrontEndFixtures.parse(text)
    let syntax = parsed.syntax[0]
    guard case .entity(let team) = syntax.items[0] else { throw ParseShapeError() }
    let objectives = team.members.compactMap { member -> ObjectiveDecl? in
      if case .objective(let decl) = member { decl } else { nil }
    }
    try #require(objectives.count == 3)
    return (parsed.sources[syntax.file], syntax, objectives)
  }

  struct ParseShapeError: Error {}

  @Test func aCleanObjectiveReadsItsStatementsAgain() throws {
    let (file, _, objectives) = try Self.objectives()
    let clean = objectives[0]
    #expect(clean.storedStatements == nil)
    let statements = clean.statements(in: file)
    #expect(
      statements.map(Self.kind) == [
        "cycle", "owner", "supports", "kr a", "tag", "kr b", "supports", "note", "shared", "progress",
      ])
    #expect(statements.allSatisfy { clean.span.start <= $0.span.start && $0.span.end <= clean.span.end })
    // Read again, key results keep their clauses.
    for case .keyResult(let keyResult) in statements { #expect(keyResult.storedClauses != nil) }
    #expect(objectives[2].statements(in: file).isEmpty)
  }

  @Test func anObjectiveWithAProblemKeepsTheStatementsThatParsed() throws {
    let (file, _, objectives) = try Self.objectives()
    let stored = try #require(objectives[1].storedStatements)
    #expect(stored.map(Self.kind) == ["cycle", "kr a", "supports"])
    #expect(objectives[1].statements(in: file).map(Self.kind) == stored.map(Self.kind))
  }

  @Test func theFactTablesHoldWhatEachObjectiveSays() throws {
    let (file, syntax, objectives) = try Self.objectives()
    let table = syntax.factTables[0]
    let places = objectives.map(\.facts)
    #expect(places.map(\.keyResults.count) == [2, 1, 0])
    #expect(places.map(\.supports.count) == [2, 1, 0])
    #expect(places.map(\.statements.count) == [6, 1, 0])
    let clean = places[0]
    let targets = table.supports[Int(clean.supports.lowerBound)..<Int(clean.supports.upperBound)]
    #expect(targets.map { file.text($0.target) } == ["c.top", "c.other"])
    #expect(targets.map { [file.text($0.parts.0), file.text($0.parts.1)] } == [["c", "top"], ["c", "other"]])
    #expect(targets.map(\.partCount) == [2, 2])
    let first = try #require(targets.first)
    #expect(first.weight == 2)
    #expect(first.acceptedBy.span.map(file.text) == "q")
    #expect(first.acceptedOn == Day("2026-01-05")?.ordinal)
    #expect(targets.last?.weight.isNaN == true)
    #expect(targets.last?.acceptedBy.span == nil)
    let keyResult = table.keyResults[Int(clean.keyResults.lowerBound)]
    #expect(file.text(keyResult.idSpan) == "a")
    #expect(file.text(keyResult.titleSpan) == "\"A\"")
    #expect(keyResult.checkinCount == 1)
    #expect((keyResult.kind, keyResult.from, keyResult.to) == (.metric, 0, 10))
  }
}

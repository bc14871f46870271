import Testing

@testable import OKRKit

/// Key results read with their objective's statements keep their clauses; one made without them
/// reads them again on demand.
@Suite struct KeyResultClauseTests {
  static let text = """
    team t "T" {
      objective o "O" {
        kr clean "Clean" from 0 to 10 unit eur current 4 {
          checkin 2026-01-10 2 confidence 0.5 "first"
          checkin 2026-01-20 4
          weight 2
        }
        kr bad "Bad" milestone {
          checkin 2026-02-30 1
          owner p
        }
      }
    }

    """

  static func keyResults() throws -> (file: SourceFile, clean: KeyResultDecl, bad: KeyResultDecl) {
    let parsed = FrontEndFixtures.parse(text)
    let syntax = parsed.syntax[0]
    guard case .entity(let team) = syntax.items[0], case .objective(let objective) = team.members[0] else {
      throw ParseShapeError()
    }
    let keyResults = objective.statements(in: parsed.sources[syntax.file]).compactMap { statement -> KeyResultDecl? in
      if case .keyResult(let decl) = statement { decl } else { nil }
    }
    try #require(keyResults.count == 2)
    return (parsed.sources[syntax.file], keyResults[0], keyResults[1])
  }

  struct ParseShapeError: Error {}

  static func kinds(_ clauses: [KeyResultClause]) -> [String] {
    clauses.map { clause in
      switch clause {
      case .range(let from, let to, let unit, _): "range \(from.value) \(to.value) \(unit?.name ?? "-")"
      case .current(let value, _): "current \(value.value)"
      case .checkin(let checkin): "checkin \(checkin.date.day) \(checkin.value.value)"
      case .milestone: "milestone"
      case .done: "done"
      case .progress(let value, _): "progress \(value.value)"
      case .weight(let value, _): "weight \(value.value)"
      case .owner(let person, _): "owner \(person.name)"
      case .note: "note"
      case .source: "source"
      }
    }
  }

  @Test func aKeyResultWithoutItsClausesReadsThemAgain() throws {
    let (file, read, _) = try Self.keyResults()
    // As the resolver makes one, to read the `owner` clauses of a key result with several.
    var clean = read
    clean.storedClauses = nil
    #expect(Self.kinds(clean.clauses(in: file)) == Self.kinds(try #require(read.storedClauses)))
    #expect(clean.checkinCount == 2)
    #expect(
      Self.kinds(clean.clauses(in: file)) == [
        "range 0.0 10.0 eur", "current 4.0", "checkin 2026-01-10 2.0", "checkin 2026-01-20 4.0", "weight 2.0",
      ])
    #expect(clean.clauses(in: file).allSatisfy { clean.span.start <= $0.span.start && $0.span.end <= clean.span.end })
  }

  @Test func aKeyResultThatDoesNotParseLeavesNoCheckinInTheFactTable() {
    let parsed = FrontEndFixtures.parse(
      """
      team t "T" {
        objective o "O" {
          kr a "A" checkin 2026-01-05 3 frm 1
          kr b "B" checkin 2026-01-06 4
        }
      }
      """)
    let table = parsed.syntax[0].factTables[0]
    #expect(table.keyResults.count == 1)
    #expect(table.checkins.map(\.value.value) == [4])
    #expect(table.keyResults.map(\.firstCheckin) == [0])
    #expect(table.keyResults.map(\.checkinCount) == [1])
  }

  @Test func aKeyResultWithAProblemKeepsTheClausesThatParsed() throws {
    let (file, _, bad) = try Self.keyResults()
    let stored = try #require(bad.storedClauses)
    #expect(Self.kinds(stored) == Self.kinds(bad.clauses(in: file)))
    #expect(bad.checkinCount == stored.filter { if case .checkin = $0 { true } else { false } }.count)
  }
}

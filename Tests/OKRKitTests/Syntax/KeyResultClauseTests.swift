import Testing

@testable import OKRKit

/// Key results that parse cleanly keep only their span; their clauses are read again on demand.
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

  @Test func aCleanKeyResultReadsItsClausesAgain() throws {
    let (file, clean, _) = try Self.keyResults()
    #expect(clean.storedClauses == nil)
    #expect(clean.checkinCount == 2)
    #expect(
      Self.kinds(clean.clauses(in: file)) == [
        "range 0.0 10.0 eur", "current 4.0", "checkin 2026-01-10 2.0", "checkin 2026-01-20 4.0", "weight 2.0",
      ])
    #expect(clean.clauses(in: file).allSatisfy { clean.span.start <= $0.span.start && $0.span.end <= clean.span.end })
  }

  @Test func aKeyResultWithAProblemKeepsTheClausesThatParsed() throws {
    let (file, _, bad) = try Self.keyResults()
    let stored = try #require(bad.storedClauses)
    #expect(Self.kinds(stored) == Self.kinds(bad.clauses(in: file)))
    #expect(bad.checkinCount == stored.filter { if case .checkin = $0 { true } else { false } }.count)
  }
}

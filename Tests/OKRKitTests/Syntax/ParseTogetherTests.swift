import Testing

@testable import OKRKit

/// A folder's small files are parsed in runs by one parser, restarted for each file: every file
/// must come out as if a new parser had read it alone, whatever the file before it left behind.
@Suite struct ParseTogetherTests {
  /// Files that leave a parser in unusual states, each followed by ordinary ones.
  static let texts: [String] = [
    // Gives up: past 1,000 syntax errors the rest of the file is not read.
    String(repeating: "objective\n", count: 1_100),
    """
    company c "C" {
      objective top "Top" { cycle 2026; owner p0; kr k1 "K" from 0 to 10 current 4 }
    }
    person p0 "P" in c
    """,
    // Ends inside a block, in the middle of a key result's clauses.
    "team t1 \"T\" in c {\n  objective o1 \"O\" {\n    kr k1 \"K\" from 0 to",
    // The lexer's problems: a string never closed.
    "team t2 \"T\" in c {\n  objective o2 \"O\" {\n    kr k1 \"never closed\n  }\n}\n",
    // Key result ids repeated within an objective, and the names of the files before.
    """
    # A comment, kept with this file's spans.
    team t3 "T" in c {
      lead p0
      objective o1 "O" {
        cycle 2026
        owner p0
        supports c.top.k1 accepted by p0
        kr k1 "K" from 0 to 10 current 4
        kr k1 "K again" milestone
        kr k2 "K2" progress 50% {
          checkin 2026-02-01 40%
        }
      }
    }
    """,
    "person p1 \"Q\" in t3\nteam t4 \"T\" in c { objective o1 \"O\" { cycle 2026; owner p1; kr k1 \"K\" milestone done } }\n",
  ]

  static func sources() -> [SourceFile] {
    texts.enumerated().map { SourceFile(id: FileID(Int32($0)), path: "f\($0).okr", bytes: Array($1.utf8)) }
  }

  /// What a file's tree and diagnostics say, but for where its facts sit in their table.
  static func summary(_ parsed: (syntax: SyntaxFile, diagnostics: [Diagnostic])) -> [String] {
    let diagnostics = parsed.diagnostics.map { "\($0.rule) \($0.message) at \($0.location.span)" }
    return diagnostics + [
      "items \(parsed.syntax.items.count)", "comments \(parsed.syntax.comments)", "counts \(parsed.syntax.counts)",
    ]
  }

  @Test func eachFileParsesTogetherAsItParsesAlone() {
    let sources = Self.sources()
    let together = PlanParser.parse(together: sources)
    #expect(together.count == sources.count)
    for (source, parsed) in zip(sources, together) {
      let alone = PlanParser.parse(source)
      #expect(Self.summary(parsed) == Self.summary(alone), "\(source.path)")
    }
    #expect(together[0].diagnostics.contains { $0.message == "too many errors; the rest of this file is not checked" })
    #expect(together[1].diagnostics.isEmpty && together[1].syntax.counts.objectives == 1)
  }

  /// The files' facts, in the table they share, resolve to the same plan as each file's own.
  @Test func filesParsedTogetherResolveAsFilesParsedAlone() {
    var alone = ParsedPlan()
    var together = ParsedPlan()
    for (source, (syntax, diagnostics)) in zip(Self.sources(), PlanParser.parse(together: Self.sources())) {
      let parsed = ParsedFile(bytes: source.bytes, syntax: syntax, diagnostics: diagnostics)
      _ = together.add(path: source.path, parsed: parsed)
      alone.add(path: source.path, bytes: source.bytes)
    }
    let expected = PlanResolver.resolve(alone)
    #expect(expected.plan.objectives.count == 5)
    ParallelResolveTests.expectSameSummary(PlanResolver.resolve(together), as: expected)
  }
}

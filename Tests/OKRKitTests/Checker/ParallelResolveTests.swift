import Testing

@testable import OKRKit

/// Objectives are declared and their links resolved in pieces on all cores; the joined result
/// must be exactly that of one walk in declaration order.
@Suite struct ParallelResolveTests {
  /// 400 teams of 8 objectives, with problems planted at intervals that cross piece boundaries.
  static let plan: String = {
    var text = """
      company c "C" {
        admin p0
        objective top "Top" { cycle 2026; owner p0; kr k "K" from 0 to 1 }
      }
      person p0 "P" in c
      unit u "U" in c { lead p0 }

      """
    var index = 0
    for team in 0..<400 {
      text += "team t\(team) \"T\" in u {\n  lead p0\n"
      for local in 0..<8 {
        text += "  objective o\(local) \"O\" {\n    cycle 2026\n"
        if index % 1_499 == 0 { text += "    cycle 2026-Q2\n" }
        text += index % 1_201 == 0 ? "    owner nobody\n" : "    owner p0\n"
        text += "    supports c.top accepted by p0\n"
        if index % 701 == 0 { text += "    supports c.top\n" }
        if index % 997 == 0 { text += "    supports c.nope\n" }
        if local > 0 { text += "    supports t\(team).o\(local - 1).k weight 2\n" }
        text += "    kr k \"K\" from 0 to 10 current \(index % 10)\n"
        if index % 911 == 0 { text += "    kr k \"Again\" milestone\n" }
        if index % 613 == 0 { text += "    kr k2 \"K2\" owner ghost progress 10%\n" }
        if index % 5 == 0 {
          text +=
            "    kr k3 \"K3\" from 0 to 9 {\n      checkin 2026-02-0\(1 + index % 7) 4\n      checkin 2026-01-15 2\n    }\n"
        }
        text += "  }\n"
        index += 1
      }
      text += "}\n"
    }
    return text
  }()

  static func resolve(objectivesPerPiece: Int) -> (plan: Plan, diagnostics: [Diagnostic]) {
    var parsed = ParsedPlan()
    parsed.add(path: "plan.okr", text: plan)
    #expect(parsed.diagnostics.isEmpty)
    return PlanResolver.resolve(parsed, objectivesPerPiece: objectivesPerPiece)
  }

  static func summary(_ resolved: (plan: Plan, diagnostics: [Diagnostic])) -> [String] {
    let renderer = DiagnosticRenderer(sources: resolved.plan.sources, color: false)
    let links = resolved.plan.links.map {
      "link \($0.child.index) → \($0.target) weight \($0.weight) at \($0.location.span.start) by \(String(describing: $0.acceptedBy))"
    }
    let objectives = resolved.plan.objectives.indices.map {
      let objective = resolved.plan.objectives[$0]
      return
        "objective \($0) \(resolved.plan.qualifiedName(ObjectiveID($0))) cycle \(objective.cycle?.label ?? "-") owner \(String(describing: objective.accountable)) unresolved \(objective.hasUnresolvedParent)"
    }
    let keyResults = resolved.plan.keyResults.indices.map {
      let keyResult = resolved.plan.keyResults[$0]
      return
        "kr \($0) \(resolved.plan.qualifiedName(KeyResultID($0))) \(keyResult.measure) checkins \(keyResult.checkins) owner \(String(describing: keyResult.owner))"
    }
    let checkins = resolved.plan.checkins.map {
      "checkin \($0.keyResult.index) \($0.date) \($0.value) at \($0.location.span.start)"
    }
    return resolved.diagnostics.map(renderer.render) + links + objectives + keyResults + checkins
  }

  /// Records the first line where the summaries of `found` and `expected` differ.
  static func expectSameSummary(
    _ found: (plan: Plan, diagnostics: [Diagnostic]), as expected: (plan: Plan, diagnostics: [Diagnostic])
  ) {
    let (want, got) = (summary(expected), summary(found))
    #expect(got.count == want.count)
    for (line, (wanted, gotten)) in zip(want, got).enumerated() where wanted != gotten {
      Issue.record("line \(line): expected \(wanted), found \(gotten)")
      break
    }
  }

  @Test func piecesJoinToTheResultOfOneWalk() {
    let sequential = Self.resolve(objectivesPerPiece: .max)
    let pieces = Self.resolve(objectivesPerPiece: 64)
    #expect(sequential.plan.objectives.count == 3_201)
    #expect(sequential.diagnostics.count == 3 + 3 + 5 + 4 + 4 + 6)
    #expect(sequential.plan.checkins.count == 2 * 640)
    #expect(sequential.plan.links.count == 3_200 + 3_200 - 400)
    Self.expectSameSummary(pieces, as: sequential)
  }

  /// The same plan in nine files: a header and eight files of 50 teams.
  static func parsedInFiles() -> ParsedPlan {
    var parsed = ParsedPlan()
    let teams = plan.split(separator: "team t").map(String.init)
    parsed.add(path: "header.okr", text: teams[0])
    for file in 0..<8 {
      parsed.add(
        path: "teams\(file).okr", text: teams[1 + file * 50..<1 + (file + 1) * 50].map { "team t" + $0 }.joined())
    }
    #expect(parsed.diagnostics.isEmpty)
    return parsed
  }

  @Test func factTablesLetGoAsPiecesAreDeclaredLeaveTheSameResult() {
    let shared = Self.parsedInFiles()
    let sequential = PlanResolver.resolve(shared, objectivesPerPiece: .max)
    // Handed over, the trees are freed file by file between waves of pieces.
    let pieces = PlanResolver.resolve(consume shared, objectivesPerPiece: 64, keyResultsWorthWaves: 0)
    #expect(pieces.plan.objectives.count == 3_201)
    #expect(Self.summary(pieces) == Self.summary(sequential))
  }

  /// The same plan in one file parsed in pieces (as large files are), so that its facts are in
  /// several tables.
  static func parsedInPieces() -> ParsedPlan {
    var parsed = ParsedPlan()
    let id = parsed.sources.add(path: "plan.okr", bytes: Array(plan.utf8))
    let (tree, diagnostics) = PlanParser.parse(parsed.sources[id], keepingStatements: false, minimumChunk: 16 << 10)
    #expect(diagnostics.isEmpty)
    #expect(tree.factTables.count > 1)
    parsed.syntax.append(tree)
    return parsed
  }

  @Test func aFileParsedInPiecesLetsGoOfItsTablesAndDeclarationsAndLeavesTheSameResult() {
    let sequential = Self.resolve(objectivesPerPiece: .max)
    let pieces = PlanResolver.resolve(Self.parsedInPieces(), objectivesPerPiece: 64, keyResultsWorthWaves: 0)
    #expect(pieces.plan.objectives.count == 3_201)
    Self.expectSameSummary(pieces, as: sequential)
  }

  /// The plan in 81 files, one of them with a syntax error, parsed in runs that share their
  /// fact tables as a folder's files are, resolves as the same files parsed one by one.
  @Test func filesParsedTogetherResolveAsFilesParsedAlone() {
    let teams = Self.plan.split(separator: "team t").map(String.init)
    var texts = [teams[0]]
    for file in 0..<80 { texts.append(teams[1 + file * 5..<1 + (file + 1) * 5].map { "team t" + $0 }.joined()) }
    texts[13] += "team bad \"B\" in u {\n  objective x \"X\" {\n    kr \"no id\"\n  }\n}\n"
    var alone = ParsedPlan()
    var together = ParsedPlan()
    // Runs of seven files (the loader's runs depend on the number of cores).
    for run in stride(from: 0, to: texts.count, by: 7).map({ $0..<min($0 + 7, texts.count) }) {
      let sources = run.map { SourceFile(id: FileID(0), path: "", bytes: Array(texts[$0].utf8)) }
      for (file, (syntax, diagnostics)) in zip(run, PlanParser.parse(together: sources)) {
        let parsed = ParsedFile(bytes: Array(texts[file].utf8), syntax: syntax, diagnostics: diagnostics)
        _ = together.add(path: "t\(file).okr", parsed: parsed)
        alone.add(path: "t\(file).okr", text: texts[file])
      }
    }
    #expect(together.syntax[1].factTables[0].keyResults.count > together.syntax[1].counts.keyResults)
    #expect(together.diagnostics.map(\.message) == alone.diagnostics.map(\.message))
    #expect(together.diagnostics.count == 1)
    let expected = PlanResolver.resolve(alone, objectivesPerPiece: .max)
    // Handed over, each file lets go of its share of a table as its objectives are built.
    let found = PlanResolver.resolve(consume together, objectivesPerPiece: 64, keyResultsWorthWaves: 0)
    #expect(found.plan.objectives.count == 3_202)
    Self.expectSameSummary(found, as: expected)
  }

  /// The parser restarted for each file of a run starts it as a new parser would: a file it gave
  /// up on, one with comments and problems of its lexer, and one that stops mid-block leave
  /// nothing behind for the next.
  @Test func eachFileOfARunIsParsedAsIfAlone() {
    let team = "team t \"T\" in u {\n  objective o \"O\" {\n    kr k \"K\" from 1 to 2\n  }\n}\n"
    let texts = [
      String(repeating: "} ?\n", count: 1_200), team,
      "# a comment\nteam s \"S\" in u {\n  objective p \"P\" {\n    kr k \"K\" from 1__0 to 2 # why\n",
      team, "\u{FEFF}" + team, "team v \"V\" in u {\n  objective q \"unterminated\n", team,
    ]
    let sources = texts.enumerated().map { SourceFile(id: FileID(Int32($0)), path: "", bytes: Array($1.utf8)) }
    for (source, (syntax, diagnostics)) in zip(sources, PlanParser.parse(together: sources)) {
      let alone = PlanParser.parse(source)
      #expect(syntax.items.count == alone.syntax.items.count)
      #expect(syntax.comments == alone.syntax.comments)
      #expect(syntax.counts == alone.syntax.counts)
      #expect(diagnostics.map(\.message) == alone.diagnostics.map(\.message))
      #expect(diagnostics.map(\.location) == alone.diagnostics.map(\.location))
    }
  }

  /// The loader's runs cover the files in order, none longer than asked, as many as there are
  /// files while those are few.
  @Test(arguments: [0, 1, 5, 81, 1_000, 40_000])
  func runsCoverTheFilesInOrder(count: Int) {
    let runs = PlanLoader<InMemoryFileSystem>.runs(of: count, filesPerRun: 64)
    #expect(runs.first?.lowerBound ?? 0 == 0 && runs.last?.upperBound ?? 0 == count)
    #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    #expect(runs.allSatisfy { !$0.isEmpty && $0.count <= 64 })
    if count <= ParallelWork.coreCount * 8 { #expect(runs.count == count) }
  }

  @Test func aSharedParseIsLeftWhole() {
    let parsed = Self.parsedInFiles()
    let membersBefore = parsed.syntax.map { $0.items.map { $0.entityMembers?.members.count ?? -1 } }
    _ = PlanResolver.resolve(parsed, objectivesPerPiece: 64, keyResultsWorthWaves: 0)
    #expect(parsed.syntax.allSatisfy { !$0.factTables[0].keyResults.isEmpty || $0.counts.keyResults == 0 })
    #expect(parsed.syntax[1].factTables[0].keyResults.count == parsed.syntax[1].counts.keyResults)
    // The declarations too, members and all, though a resolver that holds the only copy lets go
    // of each file's once its objectives are built.
    #expect(parsed.syntax.map { $0.items.map { $0.entityMembers?.members.count ?? -1 } } == membersBefore)
    #expect(Self.summary(PlanResolver.resolve(parsed, objectivesPerPiece: 64)).count > 3_201)
  }

  @Test func linksFollowDeclarationOrderAcrossPieces() {
    let plan = Self.resolve(objectivesPerPiece: 64).plan
    let starts = plan.links.map(\.location.span.start)
    #expect(starts == starts.sorted())
    #expect(plan.parentLinks(of: ObjectiveID(10)).map { plan.qualifiedName(plan[$0].target) } == ["c.top", "t1.o0.k"])
  }
}

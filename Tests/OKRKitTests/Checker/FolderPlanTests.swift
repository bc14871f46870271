import Testing

@testable import OKRKit

/// A plan spread over a folder: includes, globs, an include cycle and an include leaving the root.
@Suite struct FolderPlanTests {
  private let fileSystem = InMemoryFileSystem(files: [
    "/org/plan/main.okr": """
    include "teams/*.okr"
    include "../secrets.okr"
    company acme "Acme" { admin ceo }
    person ceo "Casey Ortiz" in acme
    company acme {
      objective csat "Customer satisfaction" { cycle 2026; owner ceo; kr nps "NPS" from 30 to 60 }
    }
    """,
    "/org/plan/teams/cs.okr": """
    team cs "Customer Success" in acme { lead alice }
    person alice "Alice Martin" in cs
    team cs {
      objective speed "Answer faster" { cycle 2026-Q1; owner alice; supports acme.csat; kr calls "Calls" from 60% to 90% }
    }
    """,
    "/org/plan/teams/dev.okr": """
    team dev "Development" in acme { lead erin }
    person erin "Erin Wu" in dev
    team dev {
      objective bot "Support bot" { cycle 2026-Q1; owner erin; supports cs.speed accepted by alice; kr live "Live" milestone }
    }
    """,
    "/org/plan/loop/a.okr": "include \"b.okr\"\n",
    "/org/plan/loop/b.okr": "include \"a.okr\"\n",
    "/org/secrets.okr": "person mallory \"Mallory\"\n",
  ])

  private func analyze(_ paths: [String]) -> PlanAnalysis {
    PlanAnalysis(PlanLoader(fileSystem: fileSystem).load(paths))
  }

  @Test func aFolderLoadsEveryFileAndTheCheckerSeesAcrossThem() throws {
    let analysis = analyze(["/org/plan"])
    #expect(analysis.failures.isEmpty)
    let paths = analysis.plan.sources.files.map(\.path)
    #expect(
      Set(paths) == [
        "/org/plan/main.okr", "/org/plan/teams/cs.okr", "/org/plan/teams/dev.okr",
        "/org/plan/loop/a.okr", "/org/plan/loop/b.okr",
      ])
    // Names resolve across files: the only checker finding is the unaccepted link in teams/cs.okr.
    let found = analysis.diagnostics.map { "\(analysis.plan.sources[$0.location.file].path) \($0.rule.rawValue)" }
    #expect(
      found.sorted() == [
        "/org/plan/loop/b.okr include-error",
        "/org/plan/main.okr include-error",
        "/org/plan/teams/cs.okr unaccepted-link",
      ])
    try CheckerFixtures.expectGolden(CheckerFixtures.render(analysis), at: "folder-plan.txt")
  }

  /// A folder read and parsed on all cores while the walk goes on loads as it does read on one:
  /// the same files in the same order, the same diagnostics and failures. With includes between
  /// the folder's files (and a loop through all of them), a file only included (not a plan file),
  /// an include leaving the root, and many runs of files.
  @Test func aFolderParsedAheadLoadsAsOneReadOnOneCore() {
    var files = fileSystem.files.mapValues { String(decoding: $0, as: UTF8.self) }
    for index in 0..<300 {
      files["/org/plan/many/m\(index).okr"] = "include \"m\((index + 7) % 300).okr\"\nperson p\(index) \"P\" in acme\n"
    }
    files["/org/plan/many/m5.okr"]! += "include \"extra.plan\"\nperson p5 \"Again\" in acme\n"
    files["/org/plan/many/extra.plan"] = "person extra \"Extra\" in acme\n"
    let memory = InMemoryFileSystem(files: files)
    let alone = PlanAnalysis(PlanLoader(fileSystem: memory).load(["/org/plan"]))
    let ahead = PlanAnalysis(PlanLoader(fileSystem: ReadOnAllCores(base: memory)).load(["/org/plan"]))
    #expect(!memory.readsConcurrently)
    #expect(alone.plan.sources.files.count == 306)
    #expect(ahead.plan.sources.files.map(\.path) == alone.plan.sources.files.map(\.path))
    #expect(ahead.failures == alone.failures)
    #expect(CheckerFixtures.render(ahead) == CheckerFixtures.render(alone))
    #expect(alone.diagnostics.contains { $0.rule == .duplicateDefinition })

    // Past the most files a plan may have (the folder's own files first), the same files, and
    // the same failure, whether the other cores parse ahead or not.
    for maximum in [1, 150, 299, 305] {
      var limits = LoadLimits()
      limits.maximumFileCount = maximum
      let capped = PlanAnalysis(PlanLoader(fileSystem: memory, limits: limits).load(["/org/plan"]))
      let cappedAhead = PlanAnalysis(
        PlanLoader(fileSystem: ReadOnAllCores(base: memory), limits: limits).load(["/org/plan"]))
      #expect(capped.plan.sources.files.count == maximum)
      #expect(cappedAhead.plan.sources.files.map(\.path) == capped.plan.sources.files.map(\.path))
      #expect(cappedAhead.failures == capped.failures)
      let tooMany = "more than \(maximum) files"
      #expect(
        capped.failures.contains { $0.message.contains(tooMany) }
          || capped.diagnostics.contains { $0.message.contains(tooMany) })
      #expect(CheckerFixtures.render(cappedAhead) == CheckerFixtures.render(capped))
    }
  }

  /// The in-memory file system, read from any thread.
  private struct ReadOnAllCores: PlanFileSystem {
    let base: InMemoryFileSystem
    func kind(of path: String) -> FileKind? { base.kind(of: path) }
    func readFile(_ path: String) throws(FileReadError) -> [UInt8] { try base.readFile(path) }
    func contents(ofFolder path: String) -> [String] { base.contents(ofFolder: path) }
    func canonicalPath(_ path: String) -> String? { base.canonicalPath(path) }
    var readsConcurrently: Bool { true }
  }

  @Test func anIncludeCycleNamesTheLoop() {
    let analysis = analyze(["/org/plan/loop/a.okr"])
    let cycle = analysis.diagnostics.filter { $0.rule == .includeError }.map(\.message)
    #expect(cycle == ["include cycle: /org/plan/loop/a.okr → /org/plan/loop/b.okr → /org/plan/loop/a.okr"])
  }

  @Test func anIncludeMayNotLeaveThePlansRoot() {
    let analysis = analyze(["/org/plan/main.okr"])
    let outside = analysis.diagnostics.filter { $0.rule == .includeError }
    #expect(outside.map(\.message) == ["'../secrets.okr' leads outside the plan's root folder"])
    #expect(analysis.plan.entity(named: "mallory") == nil)
    #expect(analysis.plan.entity(named: "erin") != nil, "the glob loaded teams/dev.okr")
  }

  @Test func aGlobThatMatchesNothingIsAnError() {
    let fileSystem = InMemoryFileSystem(files: ["/p/main.okr": "include \"units/*.okr\"\n"])
    let analysis = PlanAnalysis(PlanLoader(fileSystem: fileSystem).load(["/p/main.okr"]))
    #expect(analysis.diagnostics.map(\.message) == ["no file matches 'units/*.okr'"])
  }
}

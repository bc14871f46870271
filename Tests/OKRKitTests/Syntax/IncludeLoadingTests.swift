import Testing

@testable import OKRKit

/// `include` resolution over an in-memory file system.
@Suite struct IncludeLoadingTests {
  static func load(_ files: [String: String], _ paths: [String]) -> ParsedPlan {
    PlanLoader(fileSystem: InMemoryFileSystem(files: files)).load(paths)
  }

  static func loadedPaths(_ plan: ParsedPlan) -> [String] { plan.sources.files.map(\.path) }

  /// Each diagnostic as `path:line rule: message`.
  static func problems(_ plan: ParsedPlan) -> [String] {
    let renderer = DiagnosticRenderer(sources: plan.sources)
    return plan.diagnostics.map {
      "\(plan.sources[$0.location.file].path):\(renderer.lineColumn($0.location).line) \($0.rule.rawValue): \($0.message)"
    }
  }

  @Test func relativePathsResolveAgainstTheIncludingFile() {
    let plan = Self.load(
      [
        "/plan/root.okr": "include \"teams/cs.okr\"\ncompany acme\n",
        "/plan/teams/cs.okr": "include \"../shared/people.okr\"\ninclude \"./ops.okr\"\nteam cs in acme\n",
        "/plan/teams/ops.okr": "unit ops in acme\n",
        "/plan/shared/people.okr": "person alice in cs\n",
      ], ["/plan/root.okr"])
    #expect(
      Self.loadedPaths(plan) == [
        "/plan/root.okr", "/plan/teams/cs.okr", "/plan/shared/people.okr", "/plan/teams/ops.okr",
      ])
    #expect(plan.diagnostics.isEmpty)
    #expect(plan.failures.isEmpty)
  }

  @Test func globsLoadMatchingFilesInSortedOrder() {
    let plan = Self.load(
      [
        "/plan/root.okr": "include \"teams/*.okr\"\n",
        "/plan/teams/b.okr": "team b\n",
        "/plan/teams/a.okr": "team a\n",
        "/plan/teams/.hidden.okr": "team hidden\n",
        "/plan/teams/notes.txt": "not a plan\n",
        "/plan/teams/deep/c.okr": "team c\n",
      ], ["/plan/root.okr"])
    #expect(Self.loadedPaths(plan) == ["/plan/root.okr", "/plan/teams/a.okr", "/plan/teams/b.okr"])
    #expect(plan.diagnostics.isEmpty)
  }

  @Test func doubleStarGlobsDescendIntoFoldersButNotIntoTheIncludingFile() {
    let plan = Self.load(
      [
        "/plan/root.okr": "include \"**/*.okr\"\n",
        "/plan/a.okr": "team a\n",
        "/plan/teams/b.okr": "team b\n",
        "/plan/teams/deep/c.okr": "team c\n",
        "/plan/.git/x.okr": "team hidden\n",
      ], ["/plan/root.okr"])
    #expect(
      Self.loadedPaths(plan) == [
        "/plan/root.okr", "/plan/a.okr", "/plan/teams/b.okr", "/plan/teams/deep/c.okr",
      ])
    #expect(plan.diagnostics.isEmpty)
  }

  @Test func characterSetsAndQuestionMarksMatchOneSegment() {
    let plan = Self.load(
      [
        "/plan/root.okr": "include \"q[12].okr\"\ninclude \"h?.okr\"\n",
        "/plan/q1.okr": "team q1\n", "/plan/q2.okr": "team q2\n", "/plan/q3.okr": "team q3\n",
        "/plan/h1.okr": "team h1\n", "/plan/h10.okr": "team h10\n",
      ], ["/plan/root.okr"])
    #expect(
      Self.loadedPaths(plan) == ["/plan/root.okr", "/plan/q1.okr", "/plan/q2.okr", "/plan/h1.okr"])
  }

  @Test func wildcardsMatchScalarsOfNamesOutsideASCII() {
    let plan = Self.load(
      [
        "/plan/root.okr":
          "include \"caf?.okr\"\ninclude \"x?.okr\"\ninclude \"[!a]b.okr\"\ninclude \"[\u{E9}a]c.okr\"\n",
        // One scalar for `?`; a letter and a combining accent are two.
        "/plan/caf\u{E9}.okr": "team t1\n", "/plan/xe\u{301}.okr": "team t2\n", "/plan/x1.okr": "team t8\n",
        "/plan/\u{E9}b.okr": "team t3\n", "/plan/ab.okr": "team t4\n",
        "/plan/ac.okr": "team t5\n", "/plan/\u{E9}c.okr": "team t6\n", "/plan/bc.okr": "team t7\n",
      ], ["/plan/root.okr"])
    #expect(
      Self.loadedPaths(plan) == [
        "/plan/root.okr", "/plan/caf\u{E9}.okr", "/plan/x1.okr", "/plan/\u{E9}b.okr", "/plan/ac.okr",
        "/plan/\u{E9}c.okr",
      ])
  }

  @Test func aGlobWithoutAnExtensionMatchesOnlyPlanFiles() {
    let files = [
      "/plan/main.okr": "include \"teams/*\"\ninclude \"legacy/*.plan\"\n",
      "/plan/teams/a.okr": "team a\n",
      "/plan/teams/README.md": "# not a plan\n",
      "/plan/legacy/old.plan": "team old\n",
    ]
    let plan = Self.load(files, ["/plan/main.okr"])
    #expect(Self.problems(plan).isEmpty)
    #expect(Set(Self.loadedPaths(plan).map { $0.split(separator: "/").last! }) == ["main.okr", "a.okr", "old.plan"])
  }

  @Test func filesOfOneGlobMayIncludeEachOther() {
    // b.okr includes its sibling a.okr: not a cycle, whatever order the glob visits them in.
    let plan = Self.load(
      [
        "/plan/main.okr": "include \"teams/*.okr\"\n",
        "/plan/teams/a.okr": "team a\n",
        "/plan/teams/b.okr": "include \"a.okr\"\nteam b\n",
      ], ["/plan/main.okr"])
    #expect(Self.problems(plan).isEmpty)
    #expect(Set(Self.loadedPaths(plan).map { $0.split(separator: "/").last! }) == ["main.okr", "a.okr", "b.okr"])
    let cycle = Self.load(
      [
        "/plan/main.okr": "include \"teams/*.okr\"\n",
        "/plan/teams/a.okr": "include \"b.okr\"\n",
        "/plan/teams/b.okr": "include \"a.okr\"\n",
      ], ["/plan/main.okr"])
    #expect(Self.problems(cycle).count == 1)
    #expect(Self.problems(cycle).first?.contains("include cycle") == true)
  }

  @Test func aFileReachedTwiceIsLoadedOnce() {
    let plan = Self.load(
      [
        "/plan/root.okr": "include \"a.okr\"\ninclude \"*.okr\"\ninclude \"b.okr\"\n",
        "/plan/a.okr": "include \"b.okr\"\nteam a\n",
        "/plan/b.okr": "team b\n",
      ], ["/plan/root.okr", "/plan/b.okr", "/plan/./a.okr"])
    #expect(Self.loadedPaths(plan) == ["/plan/root.okr", "/plan/a.okr", "/plan/b.okr"])
    #expect(plan.diagnostics.isEmpty)
  }

  @Test func aMissingFileIsAnIncludeError() {
    let plan = Self.load(
      ["/plan/root.okr": "company acme\ninclude \"teams/missing.okr\"\ninclude \"nothing/*.okr\"\n"],
      ["/plan/root.okr"])
    #expect(
      Self.problems(plan) == [
        "/plan/root.okr:2 include-error: the included file 'teams/missing.okr' does not exist",
        "/plan/root.okr:3 include-error: no file matches 'nothing/*.okr'",
      ])
    #expect(
      plan.diagnostics.map(\.help) == [
        "check the path; it is relative to the folder of /plan/root.okr",
        "check the pattern; it is relative to the folder of /plan/root.okr",
      ])
  }

  @Test func anIncludeCycleIsReportedOnceWhereItCloses() {
    let plan = Self.load(
      [
        "/plan/a.okr": "include \"b.okr\"\n",
        "/plan/b.okr": "include \"c.okr\"\n",
        "/plan/c.okr": "team c\ninclude \"a.okr\"\n",
      ], ["/plan/a.okr"])
    #expect(Self.loadedPaths(plan) == ["/plan/a.okr", "/plan/b.okr", "/plan/c.okr"])
    #expect(
      Self.problems(plan) == [
        "/plan/c.okr:2 include-error: include cycle: /plan/a.okr → /plan/b.okr → /plan/c.okr → /plan/a.okr"
      ])
  }

  @Test func aGlobClosingSeveralCyclesIsReportedOnce() {
    // Each file includes every file of its folder: the glob of the third file matches the two
    // files above it on the include path, one mistake and one diagnostic.
    let files = Dictionary(
      uniqueKeysWithValues: ["a", "b", "c"].map { ("/plan/p/\($0).okr", "include \"*.okr\"\nteam \($0)\n") })
    let plan = Self.load(files.merging(["/plan/main.okr": "include \"p/*.okr\"\n"]) { $1 }, ["/plan/main.okr"])
    #expect(
      Self.problems(plan) == [
        "/plan/p/b.okr:1 include-error: include cycle: /plan/p/a.okr → /plan/p/b.okr → /plan/p/a.okr",
        "/plan/p/c.okr:1 include-error: include cycle: /plan/p/a.okr → /plan/p/b.okr → /plan/p/c.okr → /plan/p/a.okr",
      ])
  }

  @Test func aFileIncludingItselfIsACycle() {
    let plan = Self.load(["/plan/a.okr": "include \"a.okr\"\n"], ["/plan/a.okr"])
    #expect(Self.problems(plan) == ["/plan/a.okr:1 include-error: include cycle: /plan/a.okr → /plan/a.okr"])
  }

  @Test func includesOutsideTheRootFolderAreRefused() {
    let plan = Self.load(
      [
        "/plan/root.okr": "include \"../secrets/x.okr\"\n",
        "/secrets/x.okr": "team x\n",
      ], ["/plan/root.okr"])
    #expect(Self.loadedPaths(plan) == ["/plan/root.okr"])
    #expect(
      Self.problems(plan) == ["/plan/root.okr:1 include-error: '../secrets/x.okr' leads outside the plan's root folder"]
    )
    #expect(plan.diagnostics.first?.notes == ["it resolves to /secrets/x.okr"])
  }

  @Test func theRootIsTheFolderGivenOnTheCommandLine() {
    let files = [
      "/plan/teams/cs.okr": "include \"../shared/people.okr\"\n",
      "/plan/shared/people.okr": "person alice\n",
    ]
    // Given the folder, ../shared stays inside the root.
    let fromFolder = Self.load(files, ["/plan"])
    #expect(Self.loadedPaths(fromFolder) == ["/plan/shared/people.okr", "/plan/teams/cs.okr"])
    #expect(fromFolder.diagnostics.isEmpty)
    // Given the file, its folder is the root and ../shared lies outside.
    let fromFile = Self.load(files, ["/plan/teams/cs.okr"])
    #expect(Self.loadedPaths(fromFile) == ["/plan/teams/cs.okr"])
    #expect(fromFile.diagnostics.map(\.rule) == [.includeError])
  }

  @Test func includingAFolderLoadsItsPlanFiles() {
    let plan = Self.load(
      [
        "/plan/root.okr": "include \"teams\"\ninclude \".\"\n",
        "/plan/teams/b.okr": "team b\n",
        "/plan/teams/a.okr": "team a\n",
        "/plan/teams/sub/c.okr": "team c\n",
        "/plan/other.okr": "team other\n",
      ], ["/plan/root.okr"])
    #expect(
      Self.loadedPaths(plan) == [
        "/plan/root.okr", "/plan/teams/a.okr", "/plan/teams/b.okr", "/plan/teams/sub/c.okr", "/plan/other.okr",
      ])
    #expect(plan.diagnostics.isEmpty)
  }

  @Test func anEmptyIncludePathIsAnError() {
    let plan = Self.load(["/plan/root.okr": "include \"\"\n"], ["/plan/root.okr"])
    #expect(Self.problems(plan) == ["/plan/root.okr:1 include-error: the include path is empty or invalid"])
  }

  @Test func aFolderArgumentLoadsEveryPlanFileBelowItSorted() {
    let plan = Self.load(
      [
        "/plan/z.okr": "team z\n",
        "/plan/a/b.okr": "team b\n",
        "/plan/a.okr": "team a\n",
        "/plan/.hidden/h.okr": "team h\n",
        "/plan/readme.md": "# not a plan\n",
      ], ["/plan/"])
    #expect(Self.loadedPaths(plan) == ["/plan/a.okr", "/plan/a/b.okr", "/plan/z.okr"])
  }

  @Test func missingArgumentsAndEmptyFoldersAreFailures() {
    let plan = Self.load(["/plan/readme.md": "nothing\n"], ["/nowhere.okr", "/plan"])
    #expect(
      plan.failures == [
        LoadFailure(path: "/nowhere.okr", message: "no such file or folder"),
        LoadFailure(path: "/plan", message: "the folder holds no .okr files"),
      ])
  }

  @Test func includedFilesAreNamedRelativeToTheIncludingFileAsWritten() throws {
    // The disk loader is given relative paths; the in-memory one normalizes to absolute ones,
    // so this checks the naming rule through a file system that answers relative paths.
    let plan = PlanLoader(fileSystem: RelativeFileSystem()).load(["plans/root.okr"])
    #expect(Self.loadedPaths(plan) == ["plans/root.okr", "plans/teams/cs.okr"])
  }

  /// A file system rooted at `/work`, whose canonical paths are absolute while users write relative ones.
  struct RelativeFileSystem: PlanFileSystem {
    let memory = InMemoryFileSystem(files: [
      "/work/plans/root.okr": "include \"teams/*.okr\"\n",
      "/work/plans/teams/cs.okr": "team cs\n",
    ])

    func absolute(_ path: String) -> String { PlanPath.join("/work", path) }
    func kind(of path: String) -> FileKind? { memory.kind(of: absolute(path)) }
    func readFile(_ path: String) throws(FileReadError) -> [UInt8] { try memory.readFile(absolute(path)) }
    func contents(ofFolder path: String) -> [String] { memory.contents(ofFolder: absolute(path)) }
    func canonicalPath(_ path: String) -> String? { memory.canonicalPath(absolute(path)) }
  }
}

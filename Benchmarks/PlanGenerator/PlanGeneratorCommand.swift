import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `okr-plangen`: writes a large plan that checks clean, for benchmarking the toolchain.
@main
struct PlanGeneratorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "okr-plangen",
    abstract: "Write a large, valid OKR plan for benchmarks.",
    discussion: """
      The plan has one company, about thirty units per 100,000 objectives, teams of six to \
      ten people, and exactly the number of objectives asked for, about three key results \
      each. The same seed always gives the same plan. Sizes, counts and the time taken go to \
      standard error.
      """)

  @Option(help: "The number of objectives in the plan.")
  var objectives: Int

  @Option(help: ArgumentHelp("Write the plan to this file (default: standard output).", valueName: "file"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Write <dir>/plan.okr and one <dir>/teams/<team>.okr per team (old teams/*.okr files are removed).",
      valueName: "dir"))
  var folder: String?

  @Option(
    help: ArgumentHelp(
      "With --folder, spread each team over this many files: its block in tN.okr, its people in tN-1.okr, ….",
      valueName: "count"))
  var filesPerTeam = 1

  @Option(help: "The seed of the random choices.")
  var seed: UInt64 = 1

  @Flag(help: "Read the written plan back and check its ids, references and objectives per cycle.")
  var verify = false

  func validate() throws {
    guard objectives >= 1 else { throw ValidationError("--objectives must be at least 1.") }
    guard output == nil || folder == nil else { throw ValidationError("Give --output or --folder, not both.") }
    guard (1...16).contains(filesPerTeam) else { throw ValidationError("--files-per-team must be 1 to 16.") }
    guard filesPerTeam == 1 || folder != nil else { throw ValidationError("--files-per-team needs --folder.") }
    guard !verify || output != nil || folder != nil else {
      throw ValidationError("--verify reads the plan back, so it needs --output or --folder.")
    }
  }

  func run() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let words = Vocabulary()
    let shape = PlanShape(objectiveCount: objectives, seed: seed, vocabulary: words)
    let planPath = folder.map { "\($0)/plan.okr" } ?? output
    if let folder { try prepareFolder(folder) }
    var writer = PlanWriter(
      shape: shape, vocabulary: words, seed: seed,
      sink: try planPath.map(ByteSink.init(path:)) ?? .standardOutput())
    writer.writeHeader(includingTeams: folder != nil && !shape.teams.isEmpty)
    try writer.writeCompanyAndUnits()
    for team in shape.teams.indices {
      if let folder {
        let name = "\(folder)/teams/t\(shape.teams[team].number)"
        try writer.startFile(at: name + ".okr")
        try writer.writeTeam(team, parts: filesPerTeam) { "\(name)-\($0).okr" }
      } else {
        try writer.writeTeam(team)
      }
    }
    let byteCount = try writer.finish()

    let tally = writer.tally
    report(
      "okr-plangen: \(counted(byteCount, "byte")), \(counted(tally.objectives, "objective")), "
        + "\(counted(tally.keyResults, "key result")), \(counted(tally.checkins, "check-in")); "
        + "1 company, \(counted(shape.units.count, "unit")), \(counted(shape.teams.count, "team")), "
        + "\(counted(tally.persons, "person")); \(grouped(byteCount / tally.objectives)) bytes per objective; "
        + "written in \(seconds(since: start, clock: clock)) s")

    if let planPath, verify {
      let checkStart = clock.now
      var verifier = PlanVerifier()
      try verifier.read(path: planPath)
      let problems = verifier.finish()
      for problem in problems.prefix(20) { report("okr-plangen: \(problem)") }
      let outcome = problems.isEmpty ? "no problems" : counted(problems.count, "problem")
      report(
        "okr-plangen: verified \(counted(verifier.objectiveCount, "objective")) in "
          + "\(seconds(since: checkStart, clock: clock)) s: \(outcome)")
      if !problems.isEmpty { throw ExitCode.failure }
    }
  }

  /// Creates the folder and its `teams` folder, removing `.okr` files a previous run left there.
  private func prepareFolder(_ folder: String) throws {
    let teams = "\(folder)/teams"
    for path in [folder, teams] where mkdir(path, 0o755) != 0 && errno != EEXIST {
      throw GeneratorError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
    }
    for stale in globbed("\(teams)/*.okr") where unlink(stale) != 0 {
      throw GeneratorError(description: "cannot remove \(stale): \(String(cString: strerror(errno)))")
    }
  }
}

/// The paths matching a shell pattern, sorted; none when nothing matches.
func globbed(_ pattern: String) -> [String] {
  var matches = glob_t()
  defer { globfree(&matches) }
  guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
  return (0..<Int(matches.gl_pathc)).compactMap { matches.gl_pathv[$0].map { String(cString: $0) } }
}

/// Writes one line to standard error.
func report(_ line: String) {
  let bytes = Array((line + "\n").utf8)
  _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

/// `1` as `1 unit` and `1234` as `1,234 units`.
func counted(_ value: Int, _ noun: String) -> String {
  "\(grouped(value)) \(noun)\(value == 1 ? "" : "s")"
}

/// `1234567` as `1,234,567`.
func grouped(_ value: Int) -> String {
  let digits = Array(String(value))
  return String(
    digits.enumerated().flatMap { index, digit in
      index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit]
    })
}

/// The time since `start` in seconds with two decimals.
private func seconds(since start: ContinuousClock.Instant, clock: ContinuousClock) -> String {
  let elapsed = (clock.now - start).components
  let hundredths = Int(elapsed.seconds) * 100 + Int(elapsed.attoseconds / 10_000_000_000_000_000)
  let fraction = hundredths % 100
  return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

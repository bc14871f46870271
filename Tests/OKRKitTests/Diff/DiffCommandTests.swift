import Foundation
import Testing

/// `okr diff` run as a program: exit codes, git revisions, and git's external diff.
@Suite struct DiffCommandTests {
  struct Finished {
    var status: Int32
    var output: String
    var errorOutput: String
  }

  /// The `okr` executable built next to this test bundle (`.build/debug/okr`).
  static let okr = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("okr")

  /// A fresh empty folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("okr-diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `executable` in `folder` with a controlled environment: no system git configuration,
  /// an empty home folder (no user configuration), and the folder of `okr` first on PATH.
  static func run(
    _ executable: String, _ arguments: [String], in folder: URL, path: String? = nil
  ) throws -> Finished {
    let home = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: home) }
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["HOME"] = home.path
    environment["XDG_CONFIG_HOME"] = home.path
    environment["NO_COLOR"] = "1"
    environment["PATH"] = path ?? okr.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.environment = environment
    let outputFile = home.appendingPathComponent("stdout-\(UUID().uuidString)")
    let errorFile = home.appendingPathComponent("stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: outputFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return Finished(
      status: process.terminationStatus,
      output: try String(contentsOf: outputFile, encoding: .utf8),
      errorOutput: try String(contentsOf: errorFile, encoding: .utf8))
  }

  /// Runs `okr diff ARGUMENTS` with the as-of date pinned (progress effects depend on it).
  static func okr(_ arguments: [String], in folder: URL, path: String? = nil) throws -> Finished {
    try run(okr.path, ["diff", "--as-of", "2026-02-20"] + arguments, in: folder, path: path)
  }

  @discardableResult
  static func git(_ arguments: [String], in folder: URL) throws -> Finished {
    let finished = try run("/usr/bin/env", ["git"] + arguments, in: folder)
    #expect(finished.status == 0, "git \(arguments.joined(separator: " ")): \(finished.errorOutput)")
    return finished
  }

  static func write(_ text: String, to relative: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  // MARK: - Files and exit codes

  @Test func exitCodesSayWhetherThePlansDiffer() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.write(DiffFixtures.base, to: "old.okr", in: folder)
    try Self.write(DiffFixtures.edited([("weight 2 accepted", "weight 3 accepted")]), to: "new.okr", in: folder)

    let same = try Self.okr(["old.okr", "old.okr"], in: folder)
    #expect(same.status == 0)
    #expect(same.output == "No changes: the plans mean the same.\n")

    let differ = try Self.okr(["old.okr", "new.okr", "--as-of", "2026-02-20"], in: folder)
    #expect(differ.status == 1)
    #expect(
      differ.output == """
        ~ objective cs.csat95 "Achieve 95% customer satisfaction scores"
            ~ supports acme.csat weight: 2 → 3

        Progress as of 2026-02-20:
          acme.csat  40.7% → 40.2%  (-0.5)

        1 objective changed, 0 added, 0 removed; 1 link re-weighted

        """)

    let coloured = try Self.okr(["old.okr", "new.okr", "--color", "always"], in: folder)
    #expect(coloured.output.hasPrefix("\u{1B}[33m~\u{1B}[0m objective cs.csat95"))

    let json = try Self.okr(["old.okr", "new.okr", "--format", "json"], in: folder)
    #expect(json.status == 1)
    let document = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    let changes = document?["changes"] as? [[String: Any]]
    #expect(changes?.first?["kind"] as? String == "link-reweighted")
    #expect(changes?.first?["id"] as? String == "cs.csat95")
    #expect(changes?.first?["parent"] as? String == "acme.csat")
    #expect(document?["effects"] is [Any])
  }

  @Test func badInputIsExitCodeTwo() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.write(DiffFixtures.base, to: "old.okr", in: folder)
    try Self.write(
      "company acme \"Acme\" {\n  objective x \"X\" {\n    kr k \"K\" from 1 to\n  }\n}\n", to: "broken.okr",
      in: folder)

    let broken = try Self.okr(["old.okr", "broken.okr"], in: folder)
    #expect(broken.status == 2)
    #expect(broken.errorOutput.contains("error[syntax]"))
    #expect(broken.errorOutput.contains("okr: cannot compare: broken.okr does not parse"))
    #expect(broken.output.isEmpty)

    let missing = try Self.okr(["old.okr", "nothing-here"], in: folder)
    #expect(missing.status == 2)
    #expect(missing.errorOutput.hasPrefix("okr: 'nothing-here' is n"))

    #expect(try Self.okr(["old.okr"], in: folder).status == 2)
    #expect(try Self.okr(["old.okr", "old.okr", "--as-of", "2026-02-30"], in: folder).status == 2)
    let paths = try Self.okr(["old.okr", "old.okr", "plans"], in: folder)
    #expect(paths.status == 2)
    #expect(paths.errorOutput.contains("PATHS only apply to git revisions"))
  }

  // MARK: - git

  /// A repository with two commits of a plan split over an including file and an included one.
  private func repositoryWithTwoVersions() throws -> URL {
    let folder = try Self.temporaryFolder()
    try Self.git(["init", "-q"], in: folder)
    try Self.git(["config", "user.name", "Test"], in: folder)
    try Self.git(["config", "user.email", "test@example.com"], in: folder)
    let org = try DiffFixtures.text("layout/org.okr")
    let people = try DiffFixtures.text("layout/people.okr")
    try Self.write("include \"teams/*.okr\"\n" + org, to: "plans/org.okr", in: folder)
    try Self.write(people, to: "plans/teams/people.okr", in: folder)
    try Self.write("not a plan\n", to: "README", in: folder)
    try Self.git(["add", "."], in: folder)
    try Self.git(["commit", "-q", "-m", "first"], in: folder)
    try Self.write(
      "include \"teams/*.okr\"\n" + org.replacingOccurrences(of: "weight 2.0", with: "weight 3"),
      to: "plans/org.okr", in: folder)
    try Self.write(
      people.replacingOccurrences(of: "progress   40%", with: "progress 60%"), to: "plans/teams/people.okr",
      in: folder)
    try Self.write("person zed \"Zed\" in cs\n", to: "plans/teams/zed.okr", in: folder)
    try Self.git(["add", "."], in: folder)
    try Self.git(["commit", "-q", "-m", "second"], in: folder)
    return folder
  }

  @Test func revisionsOfThePlanInTheRepository() throws {
    let folder = try repositoryWithTwoVersions()
    defer { try? FileManager.default.removeItem(at: folder) }
    let expected = """
      + person zed "Zed"

      ~ objective bob.learn-sql "Learn SQL for churn analysis"
          ~ kr course progress: 40% → 60%

      ~ objective cs.csat95 "Achieve 95% customer satisfaction scores"
          ~ supports acme.csat weight: 2 → 3

      Progress as of 2026-02-20:
        acme.csat      40.7% → 40.2%  (-0.5)
        bob.learn-sql  40.0% → 60.0%  (+20.0)  at-risk → on-track

      2 objectives changed, 0 added, 0 removed; 1 link re-weighted; 1 entity added

      """
    let folderDiff = try Self.okr(["HEAD~1", "HEAD", "plans/"], in: folder)
    #expect(folderDiff.status == 1, "\(folderDiff.errorOutput)")
    #expect(folderDiff.output == expected)

    // A file as the plan: its includes are read from the same revision.
    let fileDiff = try Self.okr(["HEAD~1", "HEAD", "plans/org.okr"], in: folder)
    #expect(fileDiff.status == 1, "\(fileDiff.errorOutput)")
    #expect(fileDiff.output == expected)

    // From a subfolder, with the default path (the current folder).
    let subfolder = try Self.okr(["HEAD~1", "HEAD"], in: folder.appendingPathComponent("plans"))
    #expect(subfolder.output == expected)

    // A revision against the working tree (the same as HEAD).
    let workingTree = try Self.okr(["HEAD", "plans"], in: folder)
    #expect(workingTree.status == 0, "\(workingTree.errorOutput)")
    #expect(try Self.okr(["HEAD~1", "plans"], in: folder).output == expected)
    #expect(try Self.okr(["HEAD", "HEAD", "plans"], in: folder).status == 0)
  }

  /// A revision's files are read together (one `git cat-file --batch`): many of them, with
  /// spaces and letters outside ASCII in their names, each must come back as committed.
  @Test func manyFilesOfARevisionAreReadAsCommitted() throws {
    let folder = try repositoryWithTwoVersions()
    defer { try? FileManager.default.removeItem(at: folder) }
    for index in 0..<300 {
      try Self.write(
        "team t\(index) \"T \(index)\" {\n  objective o \"O\" { cycle 2026; kr k \"K\" progress \(index % 90)% }\n}\n",
        to: "plans/teams/ré gion \(index).okr", in: folder)
    }
    try Self.git(["add", "."], in: folder)
    try Self.git(["commit", "-q", "-m", "third"], in: folder)
    try Self.write(
      "team t7 \"T 7\" {\n  objective o \"O\" { cycle 2026; kr k \"K\" progress 99% }\n}\n",
      to: "plans/teams/ré gion 7.okr", in: folder)
    try Self.git(["commit", "-q", "-a", "-m", "fourth"], in: folder)
    let diff = try Self.okr(["HEAD~1", "HEAD", "plans", "--as-of", "2026-02-20"], in: folder)
    #expect(diff.status == 1, "\(diff.errorOutput)")
    #expect(diff.output.contains("~ objective t7.o \"O\"\n    ~ kr k progress: 7% → 99%\n"))
    #expect(diff.output.hasSuffix("1 objective changed, 0 added, 0 removed\n"))
    // The revision before them has none of the 300 teams.
    let added = try Self.okr(["HEAD~2", "HEAD~1", "plans", "--as-of", "2026-02-20"], in: folder)
    #expect(
      added.output.hasSuffix("0 objectives changed, 300 added, 0 removed; 300 key results added; 300 entities added\n"))
  }

  @Test func revisionsThatDoNotExist() throws {
    let folder = try repositoryWithTwoVersions()
    defer { try? FileManager.default.removeItem(at: folder) }
    let unknown = try Self.okr(["no-such-branch", "HEAD", "plans"], in: folder)
    #expect(unknown.status == 2)
    #expect(unknown.errorOutput == "okr: 'no-such-branch' is neither a file or folder nor a git revision\n")
    let missingPath = try Self.okr(["HEAD~1", "HEAD", "elsewhere"], in: folder)
    #expect(missingPath.status == 2)
    #expect(missingPath.errorOutput.contains("'elsewhere' does not exist in HEAD~1"))
    let noGit = try Self.okr(["HEAD~1", "HEAD", "plans"], in: folder, path: "/nonexistent")
    #expect(noGit.status == 2)
    #expect(noGit.errorOutput.contains("git was not found on PATH"))
  }

  @Test func gitUsesItAsTheExternalDiffOfPlanFiles() throws {
    let folder = try repositoryWithTwoVersions()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.git(["config", "diff.okr.command", "okr diff --as-of 2026-02-20 --git-external"], in: folder)
    try Self.write("*.okr diff=okr\n", to: ".gitattributes", in: folder)
    let diff = try Self.git(["diff", "HEAD~1", "HEAD"], in: folder)
    #expect(
      diff.output == """
        okr diff plans/org.okr
        ~ objective cs.csat95 "Achieve 95% customer satisfaction scores"
            ~ supports acme.csat weight: 2 → 3

        Progress as of 2026-02-20:
          acme.csat  43.1% → 43.0%  (-0.1)

        1 objective changed, 0 added, 0 removed; 1 link re-weighted
        okr diff plans/teams/people.okr
        ~ objective bob.learn-sql "Learn SQL for churn analysis"
            ~ kr course progress: 40% → 60%

        Progress as of 2026-02-20:
          bob.learn-sql  40.0% → 60.0%  (+20.0)  at-risk → on-track

        1 objective changed, 0 added, 0 removed
        okr diff plans/teams/zed.okr
        + person zed "Zed"

        0 objectives changed, 0 added, 0 removed; 1 entity added

        """)
  }

  @Test func theExternalDiffExplainsAVersionThatDoesNotParseAndSucceeds() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.write("person p \"P\"\n", to: "old.okr", in: folder)
    try Self.write("person p \"P\n", to: "new.okr", in: folder)
    let finished = try Self.okr(
      ["--git-external", "plans/p.okr", "old.okr", "1111111", "100644", "new.okr", "2222222", "100644"], in: folder)
    #expect(finished.status == 0)
    #expect(finished.output.hasPrefix("okr diff plans/p.okr\ncannot compare: the new version does not parse:\n"))
    #expect(finished.output.contains("--> plans/p.okr:1:10"))
    #expect(try Self.okr(["--git-external", "plans/p.okr", "old.okr"], in: folder).status == 2)
  }
}

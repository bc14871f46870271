import ArgumentParser
import OKRDisk
import OKRKit

/// `okr diff OLD NEW [PATHS…]`: what changed in meaning between two versions of a plan.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what changed in meaning between two versions of a plan.",
    usage: """
      okr diff OLD NEW [PATHS…] [--as-of YYYY-MM-DD] [--format text|json] [--color auto|always|never]
      okr diff --git-external PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE
      """,
    discussion: """
      OLD and NEW are plan files or folders, or git revisions of the plan in the current \
      repository (okr diff HEAD~1 HEAD plans/): a name that is not an existing path is a revision, \
      and PATHS (default: the other side's path, else the current folder) say where the plan is. \
      Reformatting, comments and moving declarations around are no change. \
      Exit code 0: the plans mean the same; 1: they differ; 2: bad usage or a plan that cannot be read.

      As git's external diff for .okr files (see docs/diff.md):
        git config diff.okr.command 'okr diff --git-external'
        echo '*.okr diff=okr' >> .gitattributes
      """
  )

  @Flag(help: "Run as git's external diff: the arguments are PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE.")
  var gitExternal = false

  @Argument(help: ArgumentHelp("OLD, NEW, then the plan's paths within revisions.", valueName: "old new paths"))
  var arguments: [String] = []

  @OptionGroup var asOf: AsOfOption

  @OptionGroup var output: OutputOptions

  mutating func validate() throws {
    arguments = ArgumentBundling.unbundled(arguments)
    if gitExternal {
      guard arguments.count == 7 else {
        throw ValidationError(
          "--git-external takes git's seven arguments: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE")
      }
    } else if arguments.count < 2 {
      throw ValidationError("name the OLD and NEW plans: files, folders or git revisions")
    }
  }

  func run() throws {
    let day = asOf.day
    if gitExternal {
      runAsGitExternal(asOf: day)
      return
    }
    let oldSide = PlanSide(arguments[0])
    let newSide = PlanSide(arguments[1])
    let paths = Array(arguments.dropFirst(2))
    if !paths.isEmpty, !oldSide.isRevision, !newSide.isRevision {
      throw ValidationError("PATHS only apply to git revisions; '\(arguments[0])' and '\(arguments[1])' are paths")
    }
    var repository: GitRepository?
    let oldPlan = try load(oldSide, paths: paths.isEmpty ? newSide.path.map { [$0] } ?? ["."] : paths, &repository)
    let newPlan = try load(newSide, paths: paths.isEmpty ? oldSide.path.map { [$0] } ?? ["."] : paths, &repository)
    let changes = PlanDiff.compare(
      oldPlan, newPlan,
      progress: progressComparison(old: oldPlan, new: newPlan, asOf: day))
    let renderer = DiffRenderer(color: output.colorsText)
    switch output.format {
    case .text: Output.write(renderer.text(changes))
    case .json: Output.line(renderer.json(changes).serialized())
    }
    if !changes.isEmpty { throw ExitCode.problems }
  }

  /// Both plans evaluated as of `asOf`: what the progress effects compare.
  private func progressComparison(old: Plan, new: Plan, asOf: Day) -> ProgressComparison? {
    ProgressComparison(
      asOf: asOf, before: PlanEvaluator(old).evaluate(asOf: asOf),
      after: PlanEvaluator(new).evaluate(asOf: asOf))
  }

  /// Loads one side and resolves it, or explains on standard error why it cannot be compared.
  private func load(_ side: PlanSide, paths: [String], _ repository: inout GitRepository?) throws -> Plan {
    let parsed: ParsedPlan
    switch side {
    case .empty:
      parsed = ParsedPlan()
    case .path(let path):
      parsed = PlanLoader(fileSystem: DiskFileSystem()).load([path])
    case .revision(let revision):
      do throws(GitRepository.Failure) {
        let git: GitRepository
        if let repository {
          git = repository
        } else {
          git = try GitRepository.current()
          repository = git
        }
        guard try git.isCommit(revision) else {
          throw GitRepository.Failure(message: "'\(revision)' is neither a file or folder nor a git revision")
        }
        parsed = try git.plan(at: revision, paths: paths)
      } catch {
        let message =
          repository == nil
          ? "'\(revision)' is not a file or folder, and it cannot be a revision: \(error.message)" : error.message
        Output.error("okr: " + TerminalText.escaped(message))
        throw ExitCode.badInput
      }
    }
    for failure in parsed.failures {
      Output.error("okr: cannot read \(TerminalText.escaped(failure.path)): \(failure.message)")
    }
    if !parsed.failures.isEmpty { throw ExitCode.badInput }
    let unreadable = parsed.unreadableDiagnostics
    if !unreadable.isEmpty {
      let renderer = DiagnosticRenderer(sources: parsed.sources)
      for diagnostic in unreadable { Output.error(renderer.render(diagnostic) + "\n") }
      Output.error(
        "okr: cannot compare: \(TerminalText.escaped(side.label)) does not parse (\(unreadable.count) error\(unreadable.count == 1 ? "" : "s") above)"
      )
      throw ExitCode.badInput
    }
    return PlanResolver.resolve(parsed).plan
  }

  /// git's external diff: compares the two versions of one file and always succeeds, so git goes
  /// on to the next file; a version that cannot be read is explained under the file's header.
  private func runAsGitExternal(asOf day: Day) {
    let path = arguments[0]
    let useColor = output.colorsText
    let renderer = DiffRenderer(color: useColor)
    func read(_ file: String, _ version: String) -> Plan? {
      var parsed = ParsedPlan()
      if file != "/dev/null" {
        do throws(FileReadError) {
          parsed.add(path: path, bytes: try DiskFileSystem().readFile(file))
        } catch {
          Output.line("cannot compare: the \(version) version cannot be read: \(error.message)")
          return nil
        }
      }
      let unreadable = parsed.unreadableDiagnostics
      guard unreadable.isEmpty else {
        Output.line("cannot compare: the \(version) version does not parse:\n")
        let diagnostics = DiagnosticRenderer(sources: parsed.sources, color: useColor)
        for diagnostic in unreadable { Output.line(diagnostics.render(diagnostic) + "\n") }
        return nil
      }
      return PlanResolver.resolve(parsed).plan
    }
    if output.format == .text { Output.line(renderer.fileHeader(path)) }
    guard let oldPlan = read(arguments[1], "old"), let newPlan = read(arguments[4], "new") else { return }
    let changes = PlanDiff.compare(
      oldPlan, newPlan, progress: progressComparison(old: oldPlan, new: newPlan, asOf: day))
    switch output.format {
    case .text: Output.write(renderer.text(changes))
    case .json:
      guard case .object(let members) = renderer.json(changes) else { return }
      Output.line(JSONValue.object([("path", .string(path))] + members).serialized())
    }
  }
}

/// Where one side of a diff comes from.
enum PlanSide {
  /// `/dev/null`: no plan at all (a file added or deleted).
  case empty
  /// A file or folder on disk.
  case path(String)
  /// A git revision of the plan in the current repository.
  case revision(String)

  /// `/dev/null` is the empty plan; an existing path is a path; anything else is a revision.
  init(_ argument: String) {
    if argument == "/dev/null" {
      self = .empty
    } else if DiskFileSystem().kind(of: argument) != nil {
      self = .path(argument)
    } else {
      self = .revision(argument)
    }
  }

  var isRevision: Bool {
    if case .revision = self { return true }
    return false
  }

  /// The path, for a side on disk.
  var path: String? {
    if case .path(let path) = self { return path }
    return nil
  }

  /// The side as the user named it.
  var label: String {
    switch self {
    case .empty: "/dev/null"
    case .path(let name), .revision(let name): name
    }
  }
}

extension ParsedPlan {
  /// Errors that keep a plan from being read faithfully (syntax, bad literals, broken includes):
  /// comparing it would report changes that are only misreadings.
  var unreadableDiagnostics: [Diagnostic] {
    diagnostics.filter { [.syntax, .invalidLiteral, .includeError].contains($0.rule) && $0.severity == .error }
  }
}

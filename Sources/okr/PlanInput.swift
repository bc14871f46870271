import ArgumentParser
import OKRDisk
import OKRKit

/// The plans a command answers from: loaded, analysed, and unreadable paths reported.
enum PlanInput {
  /// Loads and analyses `paths`. Unreadable paths are reported and end the command (exit 2); a plan
  /// with errors is used anyway, after a line on standard error saying so and what happens next
  /// (`activity`, e.g. "answering anyway"). Then runs `command` on the analysis and ends the
  /// process with its exit code (0, or the ``ExitCode`` it throws).
  ///
  /// The syntax trees are handed over to be freed while the plan is built (see
  /// `PlanResolver.resolve`); the process ends with the plan still in memory (``ProcessEnd``).
  static func analyze(
    _ paths: [String], fileSystem: DiskFileSystem = DiskFileSystem(), activity: String,
    then command: (PlanAnalysis) throws -> Void
  ) throws -> Never {
    let parsed = PlanLoader(fileSystem: fileSystem).load(paths)
    for failure in parsed.failures {
      Output.error("okr: cannot read \(TerminalText.escaped(failure.path)): \(failure.message)")
    }
    if !parsed.failures.isEmpty { throw ExitCode.badInput }
    let analysis = PlanAnalysis(consume parsed)
    let errors = analysis.diagnostics.errorCount
    if errors > 0 {
      Output.error("okr: the plan has \(errors) error\(errors == 1 ? "" : "s") (okr check lists them); \(activity)")
    }
    let code: ExitCode
    do {
      try command(analysis)
      code = .success
    } catch let exitCode as ExitCode {
      code = exitCode
    }
    ProcessEnd.end(code, keeping: analysis)
  }
}

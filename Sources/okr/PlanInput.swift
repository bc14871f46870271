import ArgumentParser
import OKRDisk
import OKRKit

/// The plans a command answers from: loaded, analysed, and unreadable paths reported.
enum PlanInput {
  /// Loads and analyses `paths`. Unreadable paths are reported and end the command (exit 2); a plan
  /// with errors is used anyway, after a line on standard error saying so and what happens next
  /// (`activity`, e.g. "answering anyway").
  static func analyze(_ paths: [String], fileSystem: DiskFileSystem = DiskFileSystem(), activity: String) throws
    -> PlanAnalysis
  {
    let parsed = PlanLoader(fileSystem: fileSystem).load(paths)
    for failure in parsed.failures {
      Output.error("okr: cannot read \(TerminalText.escaped(failure.path)): \(failure.message)")
    }
    if !parsed.failures.isEmpty { throw ExitCode.badInput }
    let analysis = PlanAnalysis(parsed)
    let errors = analysis.diagnostics.errorCount
    if errors > 0 {
      Output.error("okr: the plan has \(errors) error\(errors == 1 ? "" : "s") (okr check lists them); \(activity)")
    }
    return analysis
  }
}

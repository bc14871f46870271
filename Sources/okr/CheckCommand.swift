import ArgumentParser
import OKRDisk
import OKRKit

/// `okr check PATH…`: report every problem in a plan.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check plans for syntax errors and broken linking rules.",
    discussion: "A folder loads every .okr file below it. Exit code 0: no errors; 1: errors; 2: unreadable input."
  )

  @Argument(help: "Plan files or folders.")
  var paths: [String]

  @OptionGroup var output: OutputOptions

  @Option(help: "Show at most this many diagnostics in text output.")
  var maxDiagnostics: Int = 100

  mutating func validate() throws {
    paths = ArgumentBundling.unbundled(paths)
    guard maxDiagnostics >= 0 else {
      throw ValidationError("--max-diagnostics must be 0 or more, not \(maxDiagnostics)")
    }
  }

  func run() throws {
    let parsed = PlanLoader(fileSystem: DiskFileSystem()).load(paths)
    let failures = parsed.failures
    for failure in failures {
      Output.error("okr: cannot read \(TerminalText.escaped(failure.path)): \(failure.message)")
    }
    // The trees are handed over, to be freed as the plan is built.
    let analysis = PlanAnalysis(consume parsed)
    let diagnostics = analysis.diagnostics
    let sources = analysis.plan.sources
    let renderer = DiagnosticRenderer(sources: sources, color: output.colorsText)
    switch output.format {
    case .json:
      Output.line(renderer.jsonDocument(diagnostics).serialized())
    case .text:
      for diagnostic in diagnostics.prefix(maxDiagnostics) {
        Output.line(renderer.render(diagnostic) + "\n")
      }
      if diagnostics.count > maxDiagnostics {
        Output.line("… and \(diagnostics.count - maxDiagnostics) more (--max-diagnostics or --format json shows all)")
      }
      Output.line(
        CheckSummary(diagnostics: diagnostics, fileCount: sources.files.count, unreadable: failures.count).text)
    }
    let code = !failures.isEmpty ? ExitCode.badInput : diagnostics.errorCount > 0 ? .problems : .success
    ProcessEnd.end(code, keeping: analysis)
  }
}

/// The last line of `okr check`: how many problems in how many files, and what could not be read.
struct CheckSummary {
  var diagnostics: [Diagnostic]
  var fileCount: Int
  var unreadable: Int

  var text: String {
    let errors = diagnostics.errorCount
    let warnings = diagnostics.warningCount
    let notes = diagnostics.count - errors - warnings
    let files = "\(fileCount) file\(fileCount == 1 ? "" : "s")"
    let notRead = unreadable == 0 ? "" : "; \(unreadable) path\(unreadable == 1 ? "" : "s") could not be read"
    if diagnostics.isEmpty {
      return unreadable == 0 ? "ok: \(files) checked, no problems" : "no problems in \(files) checked\(notRead)"
    }
    var parts = ["\(errors) error\(errors == 1 ? "" : "s")", "\(warnings) warning\(warnings == 1 ? "" : "s")"]
    if notes > 0 { parts.append("\(notes) note\(notes == 1 ? "" : "s")") }
    return "\(parts.joined(separator: ", ")) in \(files)\(notRead)"
  }
}

import ArgumentParser
import OKRDisk
import OKRKit

extension ExportFormat: ExpressibleByArgument {}

/// `okr export PATH… --format json|dot|mermaid|markdown`: the plan and its progress for other
/// tools, as a graph, or as a report.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a plan with its progress: JSON, DOT, Mermaid or Markdown.",
    discussion: """
      Formats (docs/export.md describes each):
        json      the resolved plan with computed progress, for other tools
        dot       the alignment graph for Graphviz (pipe it to dot -Tsvg)
        mermaid   the same graph as a Mermaid flowchart
        markdown  a report: status summary, alignment tree, progress bars
      A plan with errors is exported anyway; the number of errors goes to stderr.
      Exit code 0: exported; 2: bad usage, unreadable input or unwritable output.
      """
  )

  @Argument(help: "Plan files or folders.")
  var paths: [String]

  @Option(help: "What to write.")
  var format: ExportFormat

  @OptionGroup var asOf: AsOfOption

  @Option(
    name: [.short, .long],
    help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
  var output: String?

  mutating func validate() throws {
    paths = ArgumentBundling.unbundled(paths)
    if let output, output.isEmpty { throw ValidationError("--output needs a file name") }
  }

  func run() throws {
    let day = asOf.day
    let fileSystem = DiskFileSystem()
    if let output, fileSystem.kind(of: output) == .folder {
      Output.error("okr: cannot write \(TerminalText.escaped(output)): it is a folder; name a file")
      throw ExitCode.badInput
    }
    try PlanInput.analyze(paths, fileSystem: fileSystem, activity: "exporting anyway") { analysis in
      let export = PlanExport(analysis: analysis, asOf: day)
      guard let output else {
        export.write(format) { Output.write(bytes: $0) }
        return
      }
      var bytes: [UInt8] = []
      export.write(format) { bytes.append(contentsOf: $0) }
      do throws(FileWriteError) {
        try AtomicFileWriter().write(output, with: bytes)
      } catch {
        Output.error("okr: cannot write \(TerminalText.escaped(output)): \(error.message)")
        throw ExitCode.badInput
      }
    }
  }
}

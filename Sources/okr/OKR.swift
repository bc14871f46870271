import ArgumentParser
import OKRDisk
import OKRKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `okr` command: check, query and format OKR plans.
@main
struct OKR: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "okr",
    abstract: "Check, query, format, diff and export OKR plans written in the okr language.",
    discussion: """
      Exit codes: 0 fine, 1 problems found (errors, or files `fmt --check` would change), \
      2 bad usage or unreadable input.
      """,
    subcommands: [
      CheckCommand.self, ReplCommand.self, QueryCommand.self, FmtCommand.self, DiffCommand.self, ExportCommand.self,
      ExplainCommand.self,
    ]
  )

  /// Runs the command, mapping every failure to the documented exit codes (usage errors are 2).
  static func main() {
    HeapGrowth.useLargeSteps()
    do throws(FileReadError) {
      _ = try LoadLimits.fromEnvironment()
    } catch {
      Output.error("okr: \(error.message)")
      Glibc.exit(2)
    }
    do {
      var command = try parseAsRoot(ArgumentBundling.bundled(Array(CommandLine.arguments.dropFirst())))
      try command.run()
    } catch let code as ExitCode {
      Glibc.exit(code.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        Output.line(fullMessage(for: error))
        Glibc.exit(0)
      }
      Output.error(fullMessage(for: error))
      if let hint = subcommandHint() { Output.error(hint) }
      Glibc.exit(2)
    }
  }
}

extension OKR {
  /// "did you mean" for a mistyped subcommand (`okr chek`).
  static func subcommandHint() -> String? {
    let arguments = CommandLine.arguments.dropFirst()
    guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
    let names = configuration.subcommands.map { $0._commandName }
    guard !names.contains(first), let near = Suggestions.didYouMean(first, among: names) else { return nil }
    return "okr: '\(TerminalText.escaped(first))' is not a command; \(near)"
  }
}

/// Exit codes shared by the subcommands.
extension ExitCode {
  /// Problems were found in the plan.
  static let problems = ExitCode(1)
  /// Bad usage or unreadable input.
  static let badInput = ExitCode(2)
}

import ArgumentParser
import OKRDisk
import OKRKit
import OKRLineEditing
import OKRRepl

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `okr repl [PATH…]`: ask questions of a plan interactively.
struct ReplCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl",
    abstract: "Ask questions of a plan interactively (line editing, history, Tab completion).",
    discussion: """
      Reads queries line by line (see :help). With standard input or output not a terminal, \
      reads plain lines without prompts, so `printf 'progress x\\n' | okr repl plan.okr` works as a \
      script; it then exits 1 if any query failed. History: $XDG_STATE_HOME/okr/history \
      (or ~/.local/state/okr/history).
      """
  )

  @Argument(help: "Plan files or folders to load.")
  var paths: [String] = []

  @OptionGroup var asOf: AsOfOption

  @OptionGroup var output: OutputOptions

  mutating func validate() throws {
    paths = ArgumentBundling.unbundled(paths)
  }

  func run() throws {
    let day = asOf.day
    let session = OKRSession(asOf: day, format: output.format == .json ? .json : .text, color: output.color.isEnabled)
    let fileSystem = DiskFileSystem()
    if !paths.isEmpty { session.load(paths: paths, fileSystem: fileSystem) }
    let terminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    let reader: any LineReader =
      terminal
      ? LineReaders.makeDefault(completion: ReplSession.completer(for: session)) : PlainLineReader()
    let repl = ReplSession(session: session, reader: reader, fileSystem: fileSystem, interactive: terminal) {
      Output.write($0)
    }
    repl.run()
    if !terminal, repl.hadErrors { throw ExitCode.problems }
  }
}

import ArgumentParser
import OKRDisk
import OKRKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `okr fmt PATH… [--check | --write]`: print, check or rewrite plans in the canonical layout.
struct FmtCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Format plan files in the canonical layout.",
    discussion: """
      A folder formats every .okr file below it; includes are not followed. Without options the \
      formatted text goes to standard output. A file with syntax errors is never formatted. \
      Exit code 0: fine; 1: syntax errors, or files --check found unformatted; 2: unreadable or \
      unwritable input.
      """
  )

  @Argument(help: "Plan files or folders.")
  var paths: [String]

  @Flag(help: "Change nothing: print a diff for each file that is not formatted and exit with 1 if any.")
  var check = false

  @Flag(help: "Rewrite files that are not formatted, in place (atomically).")
  var write = false

  @Option(help: "Colour for diagnostics: auto, always or never (NO_COLOR is honoured).")
  var color: ColorChoice = .auto

  mutating func validate() throws {
    paths = ArgumentBundling.unbundled(paths)
    if check && write { throw ValidationError("use --check or --write, not both") }
  }

  func run() throws {
    let fileSystem = DiskFileSystem()
    var status = FmtStatus()
    for path in paths {
      for target in targets(of: path, in: fileSystem, status: &status) {
        format(target.file, root: target.root, fileSystem: fileSystem, status: &status)
      }
    }
    if status.failed { throw ExitCode.badInput }
    if status.foundProblems { throw ExitCode.problems }
  }

  /// The files a path names, each with the folder it may be written in.
  private func targets(
    of path: String, in fileSystem: DiskFileSystem, status: inout FmtStatus
  ) -> [(file: String, root: String)] {
    switch fileSystem.kind(of: path) {
    case .folder:
      let files = PlanLoader(fileSystem: fileSystem).planFiles(under: path)
      guard let root = fileSystem.canonicalPath(path), !files.isEmpty else {
        status.fail("okr: \(TerminalText.escaped(path)): the folder holds no .okr files")
        return []
      }
      return files.map { ($0, root) }
    case .file:
      guard let root = fileSystem.canonicalPath(PlanPath.folder(of: path)) else {
        status.fail("okr: cannot read \(TerminalText.escaped(path)): its folder cannot be resolved")
        return []
      }
      return [(path, root)]
    case .special:
      status.fail(
        "okr: cannot read \(TerminalText.escaped(path)): not a regular file (a FIFO, device or socket is never read)")
      return []
    case nil:
      status.fail("okr: cannot read \(TerminalText.escaped(path)): no such file or folder")
      return []
    }
  }

  private func format(_ path: String, root: String, fileSystem: DiskFileSystem, status: inout FmtStatus) {
    let bytes: [UInt8]
    do {
      bytes = try fileSystem.readFile(path)
    } catch {
      status.fail("okr: cannot read \(TerminalText.escaped(path)): \(error.message)")
      return
    }
    var sources = SourceMap()
    let id = sources.add(path: path, bytes: bytes)
    let file = sources[id]
    switch PlanFormatter.format(file) {
    case .invalid(let diagnostics):
      status.foundProblems = true
      report(diagnostics, in: sources, path: path)
    case .formatted(let text):
      let formatted = Array(text.utf8)
      let changed = formatted != bytes
      if check {
        guard changed else { return }
        status.foundProblems = true
        let original = String(decoding: bytes, as: UTF8.self)
        let diff = UnifiedDiff.diff(
          old: original, new: text, oldLabel: "\(path)\t(original)", newLabel: "\(path)\t(formatted)")
        Output.write(Self.terminalSafe(diff))
      } else if write {
        guard changed else { return }
        do {
          try AtomicFileWriter().replace(path, with: formatted, inside: root)
          Output.line("formatted \(TerminalText.escaped(path))")
        } catch {
          status.fail("okr: cannot write \(TerminalText.escaped(path)): \(error.message); the file is unchanged")
        }
      } else {
        Output.write(Self.terminalSafe(text))
      }
    }
  }

  /// Reports why a file is not formatted, on standard error (standard output carries plan
  /// text, a patch or the list of rewritten files).
  private func report(_ diagnostics: [Diagnostic], in sources: SourceMap, path: String) {
    let colored = color == .always || color.isEnabled && isatty(STDERR_FILENO) == 1
    let renderer = DiagnosticRenderer(sources: sources, color: colored)
    let errors = diagnostics.errorCount
    var text = diagnostics.map { renderer.render($0) + "\n" }.joined(separator: "\n")
    let errorsToFix = errors == 1 ? "this error" : "these \(errors) errors"
    text += "\(TerminalText.escaped(path)): not formatted: fix \(errorsToFix) first"
    Output.error(text)
  }

  /// Plan text as it may be shown: exact when standard output is a file or pipe; on a terminal,
  /// control characters other than tabs and line breaks are shown as `\u{…}`.
  private static func terminalSafe(_ text: String) -> String {
    guard isatty(STDOUT_FILENO) == 1 else { return text }
    var shown = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
      if isControl && scalar != "\n" && scalar != "\t" {
        shown.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        shown.append(scalar)
      }
    }
    return String(shown)
  }
}

/// What went wrong across the files of one `okr fmt` run.
private struct FmtStatus {
  /// A file could not be read or written (exit code 2).
  var failed = false
  /// A file has syntax errors or, with `--check`, is not formatted (exit code 1).
  var foundProblems = false

  mutating func fail(_ message: String) {
    failed = true
    Output.error(message)
  }
}

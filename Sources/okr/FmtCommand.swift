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
    var batch = FmtBatch()
    for path in paths {
      for target in targets(of: path, in: fileSystem, batch: &batch) {
        // A file named twice is read again only once the batch that rewrites it is done, so it
        // is rewritten once, as when files were formatted one at a time.
        let identity = write ? fileSystem.canonicalPath(target.file) : nil
        if let identity, batch.contains(identity) { finish(&batch, status: &status) }
        do {
          batch.add(try fileSystem.readFile(target.file), path: target.file, root: target.root, identity: identity)
        } catch {
          batch.fail("okr: cannot read \(TerminalText.escaped(target.file)): \(error.message)")
        }
        if batch.isFull { finish(&batch, status: &status) }
      }
    }
    finish(&batch, status: &status)
    if status.failed { throw ExitCode.badInput }
    if status.foundProblems { throw ExitCode.problems }
  }

  /// The files a path names, each with the folder it may be written in; a path that names none
  /// adds its failure to `batch`.
  private func targets(
    of path: String, in fileSystem: DiskFileSystem, batch: inout FmtBatch
  ) -> [(file: String, root: String)] {
    switch fileSystem.kind(of: path) {
    case .folder:
      let files = PlanLoader(fileSystem: fileSystem).planFiles(under: path)
      guard let root = fileSystem.canonicalPath(path), !files.isEmpty else {
        batch.fail("okr: \(TerminalText.escaped(path)): the folder holds no .okr files")
        return []
      }
      return files.map { ($0, root) }
    case .file:
      guard let root = fileSystem.canonicalPath(PlanPath.folder(of: path)) else {
        batch.fail("okr: cannot read \(TerminalText.escaped(path)): its folder cannot be resolved")
        return []
      }
      return [(path, root)]
    case .special:
      batch.fail(
        "okr: cannot read \(TerminalText.escaped(path)): not a regular file (a FIFO, device or socket is never read)")
      return []
    case nil:
      batch.fail("okr: cannot read \(TerminalText.escaped(path)): no such file or folder")
      return []
    }
  }

  /// Formats the batch's files on all cores, then reports, prints or writes each one and
  /// prints the batch's failures, all in the order they were added; empties the batch.
  private func finish(_ batch: inout FmtBatch, status: inout FmtStatus) {
    let outcomes = PlanFormatter.formatBytes(batch.files)
    let diffs = check ? Self.diffs(of: batch.files, outcomes) : [:]
    for entry in batch.entries {
      switch entry {
      case .failure(let message):
        status.fail(message)
      case .file(let index, let root):
        handle(outcomes[index], of: batch.files[index], root: root, diff: diffs[index], status: &status)
      }
    }
    batch = FmtBatch()
  }

  /// For `--check`: the diff of each file that formatting changes, by its index, made on all cores.
  private static func diffs(of files: [SourceFile], _ outcomes: [PlanFormatter.ByteOutcome]) -> [Int: String] {
    var changed: [Int] = []
    var comparisons: [UnifiedDiff.Comparison] = []
    for (index, outcome) in outcomes.enumerated() {
      guard case .formatted(let formatted) = outcome, formatted != files[index].bytes else { continue }
      let path = files[index].path
      changed.append(index)
      comparisons.append(
        UnifiedDiff.Comparison(
          old: String(decoding: files[index].bytes, as: UTF8.self), new: String(decoding: formatted, as: UTF8.self),
          oldLabel: "\(path)\t(original)", newLabel: "\(path)\t(formatted)"))
    }
    return Dictionary(uniqueKeysWithValues: zip(changed, UnifiedDiff.diffs(comparisons)))
  }

  /// Reports, checks, rewrites or prints one file; `diff` is its diff for `--check`, nil when
  /// formatting does not change it.
  private func handle(
    _ outcome: PlanFormatter.ByteOutcome, of file: SourceFile, root: String, diff: String?, status: inout FmtStatus
  ) {
    let path = file.path
    switch outcome {
    case .invalid(let diagnostics):
      status.foundProblems = true
      var sources = SourceMap()
      sources.add(path: path, bytes: file.bytes)
      report(diagnostics, in: sources, path: path)
    case .formatted(let formatted):
      if check {
        guard let diff else { return }
        status.foundProblems = true
        Output.write(Self.terminalSafe(diff))
      } else if write {
        guard formatted != file.bytes else { return }
        do {
          try AtomicFileWriter().replace(path, with: formatted, inside: root)
          Output.line("formatted \(TerminalText.escaped(path))")
        } catch {
          status.fail("okr: cannot write \(TerminalText.escaped(path)): \(error.message); the file is unchanged")
        }
      } else if isatty(STDOUT_FILENO) == 1 {
        Output.write(Self.terminalSafe(String(decoding: formatted, as: UTF8.self)))
      } else {
        formatted.withUnsafeBytes { Output.write(bytes: $0) }
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

/// Files read and failures met since the last batch was finished, in order: the files are
/// formatted together, on all cores, and everything is reported in the order it was added.
private struct FmtBatch {
  enum Entry {
    /// The file at this index of ``files``, with the folder it may be written in.
    case file(Int, root: String)
    /// A path that could not be read.
    case failure(String)
  }

  /// A batch is finished once it holds this many files or bytes, so that memory stays small.
  private static let fileLimit = 256
  private static let byteLimit = 16 << 20

  private(set) var files: [SourceFile] = []
  private(set) var entries: [Entry] = []
  private var bytes = 0
  /// The canonical paths of the files added with one.
  private var identities: Set<String> = []

  var isFull: Bool { files.count >= Self.fileLimit || bytes >= Self.byteLimit }

  /// Whether a file with this canonical path was added.
  func contains(_ identity: String) -> Bool { identities.contains(identity) }

  /// Adds a file's bytes read from `path`; `identity` is its canonical path, where it matters.
  mutating func add(_ bytes: [UInt8], path: String, root: String, identity: String?) {
    entries.append(.file(files.count, root: root))
    files.append(SourceFile(id: FileID(0), path: path, bytes: bytes))
    self.bytes += bytes.count
    if let identity { identities.insert(identity) }
  }

  mutating func fail(_ message: String) { entries.append(.failure(message)) }
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

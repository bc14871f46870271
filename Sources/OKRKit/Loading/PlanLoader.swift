/// The files of a plan, parsed, with the diagnostics found while loading and parsing them.
public struct ParsedPlan: Sendable {
  public var sources: SourceMap
  /// One tree per file, `syntax[i]` for `FileID(i)`.
  public var syntax: [SyntaxFile]
  /// Syntax, literal and include diagnostics.
  public var diagnostics: [Diagnostic]
  /// Paths named by the user that could not be read at all (exit code 2 territory).
  public var failures: [LoadFailure]

  public init() {
    sources = SourceMap()
    syntax = []
    diagnostics = []
    failures = []
  }

  /// Adds a file from text (for hosts and tests) and parses it.
  public mutating func add(path: String, text: String) {
    add(path: path, bytes: Array(text.utf8))
  }

  /// Adds a file's bytes and parses them.
  @discardableResult
  public mutating func add(path: String, bytes: [UInt8]) -> FileID {
    let id = sources.add(path: path, bytes: bytes)
    let (tree, found) = PlanParser.parse(sources[id])
    syntax.append(tree)
    diagnostics.append(contentsOf: found)
    return id
  }
}

/// A path given by the user that could not be loaded.
public struct LoadFailure: Sendable, Equatable, Error {
  /// The path as the user named it.
  public var path: String
  /// Why it could not be loaded.
  public var message: String

  /// The error of a plan with more files than `limits` allow.
  static func tooManyFiles(_ limits: LoadLimits) -> FileReadError {
    FileReadError("the plan has more than \(limits.maximumFileCount) files (OKR_MAX_FILES); the rest were not read")
  }
}

/// Limits that keep hostile plans from causing unbounded work.
public struct LoadLimits: Sendable {
  /// The largest file read, in bytes.
  public var maximumFileSize: Int = 2 << 30
  /// The most files one plan may load.
  public var maximumFileCount: Int = 100_000

  public init() {}
}

/// Finds, reads and parses a plan's files: folders are walked for `.okr` files, and
/// `include` declarations are followed (globs expanded, relative to the including file,
/// never outside the plan's root folder, each file loaded once, cycles reported).
public struct PlanLoader<FileSystem: PlanFileSystem> {
  public let fileSystem: FileSystem
  public var limits: LoadLimits

  /// A loader reading through `fileSystem`, within `limits` (by default, the file system's).
  public init(fileSystem: FileSystem, limits: LoadLimits? = nil) {
    self.fileSystem = fileSystem
    self.limits = limits ?? fileSystem.limits
  }

  /// Loads the plans named by `paths` (files or folders) as one plan.
  public func load(_ paths: [String]) -> ParsedPlan {
    var state = LoadState(plan: ParsedPlan())
    for path in paths {
      switch fileSystem.kind(of: path) {
      case nil:
        state.plan.failures.append(LoadFailure(path: path, message: "no such file or folder"))
      case .special:
        state.plan.failures.append(
          LoadFailure(path: path, message: "not a regular file (a FIFO, device or socket is never read)"))
      case .folder:
        guard let root = fileSystem.canonicalPath(path) else { continue }
        let files = planFiles(under: path)
        if files.isEmpty {
          state.plan.failures.append(LoadFailure(path: path, message: "the folder holds no .okr files"))
        }
        for file in files {
          // A link inside the folder must not lead out of it.
          if let canonical = fileSystem.canonicalPath(file), !PlanPath.isInside(canonical, folder: root) {
            state.plan.failures.append(LoadFailure(path: file,
              message: "a link to \(canonical), outside the plan's folder \(root); it is not read"))
            continue
          }
          loadTree(file, root: root, state: &state)
        }
      case .file:
        guard let canonical = fileSystem.canonicalPath(path) else { continue }
        loadTree(path, root: PlanPath.folder(of: canonical), state: &state)
      }
    }
    return state.plan
  }

  /// Every `.okr` file below `folder`, sorted, hidden entries skipped, each folder visited once.
  public func planFiles(under folder: String) -> [String] {
    var found: [String] = []
    var pending = [folder]
    var visited = Set<String>()
    while let current = pending.popLast() {
      guard let canonical = fileSystem.canonicalPath(current), visited.insert(canonical).inserted else { continue }
      for name in fileSystem.contents(ofFolder: current) where !name.hasPrefix(".") {
        let child = current.hasSuffix("/") ? current + name : current + "/" + name
        switch fileSystem.kind(of: child) {
        case .folder: pending.append(child)
        case .file where name.hasSuffix(".okr"): found.append(child)
        default: break
        }
      }
    }
    return found.sorted()
  }

  private struct LoadState {
    var plan: ParsedPlan
    /// Canonical path → file, for every file loaded so far.
    var loaded: [String: FileID] = [:]
  }

  /// Loads `path` and, depth first, everything it includes. Iterative: include chains of any length are fine.
  private func loadTree(_ path: String, root: String, state: inout LoadState) {
    guard let canonical = fileSystem.canonicalPath(path), state.loaded[canonical] == nil else { return }
    let top: FileID
    switch readAndParse(path, canonical: canonical, state: &state) {
    case .success(let file): top = file
    case .failure(let failure):
      // Past the file limit, one failure says so; the files not read are not listed one by one.
      if failure != LoadFailure.tooManyFiles(limits) || !state.plan.failures.contains(where: { $0.message == failure.message }) {
        state.plan.failures.append(LoadFailure(path: path, message: failure.message))
      }
      return
    }
    // Each stack frame: a file, its canonical path, and the index of its next include.
    var stack: [(file: FileID, canonical: String, next: Int)] = [(top, canonical, 0)]
    while !stack.isEmpty {
      let frame = stack[stack.count - 1]
      let includes = state.plan.syntax[Int(frame.file.index)].items.compactMap { item -> IncludeDecl? in
        if case .include(let decl) = item { return decl }
        return nil
      }
      guard frame.next < includes.count else {
        stack.removeLast()
        continue
      }
      stack[stack.count - 1].next += 1
      let include = includes[frame.next]
      let source = state.plan.sources[frame.file]
      let location = SourceLocation(file: frame.file, span: include.span)
      let written = include.path.value(in: source)
      func report(_ message: String, help: String, notes: [String] = []) {
        state.plan.diagnostics.append(
          Diagnostic(.includeError, message, at: location, notes: notes, help: help))
      }
      if written.isEmpty || written.contains("\u{0}") {
        report("the include path is empty or invalid", help: "write include \"teams/*.okr\"")
        continue
      }
      let pattern = PlanPath.join(PlanPath.folder(of: frame.canonical), written)
      var targets: [String]
      if Glob.isPattern(written) {
        targets = Glob.expand(pattern, in: fileSystem, limit: limits.maximumFileCount)
          .filter { $0.hasSuffix(".okr") || !Glob.isPattern(PlanPath.folder(of: written)) }
        // A glob naturally matches the file that holds it; that is not a cycle.
        targets.removeAll { fileSystem.canonicalPath($0) == frame.canonical }
        if targets.isEmpty {
          report("no file matches '\(written)'",
            help: "check the pattern; it is relative to the folder of \(TerminalText.escaped(source.path))")
          continue
        }
      } else {
        switch fileSystem.kind(of: pattern) {
        case nil:
          report("the included file '\(written)' does not exist",
            help: "check the path; it is relative to the folder of \(TerminalText.escaped(source.path))")
          continue
        case .folder:
          // Like a glob, a folder that holds the including file does not include it again.
          targets = planFiles(under: pattern).filter { fileSystem.canonicalPath($0) != frame.canonical }
        case .special:
          report("'\(written)' is not a regular file", help: "include only .okr files")
          continue
        case .file:
          targets = [pattern]
        }
      }
      for target in targets {
        guard let targetCanonical = fileSystem.canonicalPath(target) else { continue }
        let shownPath = displayPath(of: target, includedBy: source.path, from: frame.canonical)
        guard PlanPath.isInside(targetCanonical, folder: root) else {
          report("'\(written)' leads outside the plan's root folder",
            help: "move the file into \(TerminalText.escaped(root)) or check the plan from a folder that holds both",
            notes: ["it resolves to \(TerminalText.escaped(targetCanonical))"])
          continue
        }
        if let position = stack.firstIndex(where: { $0.canonical == targetCanonical }) {
          let chain = stack[position...].map { state.plan.sources[$0.file].path } + [state.plan.sources[stack[position].file].path]
          report("include cycle: \(chain.map(TerminalText.escaped).joined(separator: " → "))",
            help: "remove one of the includes; a plan's files may not include each other in a loop")
          continue
        }
        if state.loaded[targetCanonical] != nil { continue }
        guard fileSystem.kind(of: targetCanonical) == .file else {
          report("'\(shownPath)' is not a regular file", help: "include only .okr files")
          continue
        }
        switch readAndParse(target, canonical: targetCanonical, shownAs: shownPath, state: &state) {
        case .success(let child): stack.append((child, targetCanonical, 0))
        case .failure(let failure):
          report("cannot read '\(TerminalText.escaped(shownPath))': \(failure.message)",
            help: "check the file's permissions and size")
        }
      }
    }
  }

  /// How an included file is named in diagnostics: relative to the including file as the user
  /// named it (`plans/teams/cs.okr`, not `/home/…/plans/teams/cs.okr`), when it lies below that file's folder.
  private func displayPath(of target: String, includedBy shownIncluder: String, from includerCanonical: String)
    -> String
  {
    let folder = PlanPath.folder(of: includerCanonical)
    let prefix = folder == "/" ? "/" : folder + "/"
    guard target.hasPrefix(prefix) else { return target }
    let relative = String(target.dropFirst(prefix.count))
    let shownFolder = PlanPath.folder(of: shownIncluder)
    return shownFolder == "." ? relative : PlanPath.join(shownFolder, relative)
  }

  private func readAndParse(
    _ path: String, canonical: String, shownAs shownPath: String? = nil, state: inout LoadState
  ) -> Result<FileID, FileReadError> {
    guard state.plan.sources.files.count < limits.maximumFileCount else {
      return .failure(LoadFailure.tooManyFiles(limits))
    }
    let bytes: [UInt8]
    do {
      bytes = try fileSystem.readFile(path)
    } catch {
      return .failure(error)
    }
    guard bytes.count <= limits.maximumFileSize else {
      return .failure(FileReadError("the file is larger than \(limits.maximumFileSize) bytes"))
    }
    let id = state.plan.add(path: shownPath ?? path, bytes: bytes)
    state.loaded[canonical] = id
    return .success(id)
  }
}

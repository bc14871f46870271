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

  /// Adds a file parsed ahead of time under a provisional id; its tree and diagnostics take the new id.
  mutating func add(path: String, parsed file: ParsedFile) -> FileID {
    let id = sources.add(path: path, bytes: file.bytes)
    var tree = file.takeSyntax()
    tree.file = id
    syntax.append(tree)
    for var diagnostic in file.diagnostics {
      diagnostic.location.file = id
      for index in diagnostic.labels.indices { diagnostic.labels[index].location.file = id }
      diagnostics.append(diagnostic)
    }
    return id
  }
}

/// One file read and parsed on its own, before it has its place (its ``FileID``) in a plan.
///
/// A class: the loader hands each of a folder's files from table to table, and moving a reference
/// costs one count where copying the fields cost five.
///
/// Sendable as its tree is only read and taken by the thread that loads the file, after the
/// thread that parsed it has handed it over.
final class ParsedFile: @unchecked Sendable {
  let bytes: [UInt8]
  private(set) var syntax: SyntaxFile
  let diagnostics: [Diagnostic]

  init(bytes: [UInt8], syntax: SyntaxFile, diagnostics: [Diagnostic]) {
    self.bytes = bytes
    self.syntax = syntax
    self.diagnostics = diagnostics
  }

  /// The tree, moved out (an empty one is left): a copy would count each of its lists in, on the
  /// loading thread, and out again when the file goes, for every file of a folder.
  func takeSyntax() -> SyntaxFile {
    var taken = SyntaxFile(file: syntax.file, items: [], comments: [])
    swap(&taken, &syntax)
    return taken
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
    PlanLoader<RememberedPaths>(fileSystem: RememberedPaths(fileSystem), limits: limits)
      .loadRemembering(paths)
  }

  /// ``planFiles(under:)``, each file with the canonical path of the folder it was listed in
  /// when the listing named it a regular file (its own canonical path is then that folder's
  /// followed by its name); nil for a link and the like, whose own must be asked.
  fileprivate func listedPlanFiles(under folder: String) -> [(path: String, canonicalFolder: String?)] {
    var found: [(path: String, canonicalFolder: String?)] = []
    var pending = [folder]
    var visited = Set<PathKey>()
    while let current = pending.popLast() {
      guard let canonical = fileSystem.canonicalPath(current), visited.insert(PathKey(canonical)).inserted else {
        continue
      }
      let prefix = PlanPath.entryPrefix(ofFolder: current)
      for entry in fileSystem.entries(ofFolder: current) where entry.name.utf8.first != UInt8(ascii: ".") {
        let child = PlanPath.entry(entry.name, prefix: prefix)
        switch entry.kind ?? fileSystem.kind(of: child) {
        case .folder: pending.append(child)
        case .file where PlanPath.name(entry.name, endsWith: ".okr"):
          found.append((child, entry.kind == .file ? canonical : nil))
        default: break
        }
      }
    }
    return found.sorted { $0.path < $1.path }
  }

  /// Every `.okr` file below `folder`, sorted, hidden entries skipped, each folder visited once.
  public func planFiles(under folder: String) -> [String] {
    listedPlanFiles(under: folder).map(\.path)
  }

  /// `count` files cut into consecutive runs to parse together: at most `filesPerRun` files each,
  /// and at least eight runs per core while there are files enough, so that the cores share the
  /// work evenly.
  static func runs(of count: Int, filesPerRun: Int = 64) -> [Range<Int>] {
    let length = max(1, min(filesPerRun, count / (ParallelWork.coreCount * 8)))
    return ParallelWork.pieces(of: count, size: length)
  }
}

/// The loading itself, through a file system that remembers what it was asked: its tables are
/// kept by ``PathNode``.
extension PlanLoader where FileSystem == RememberedPaths {
  /// ``load(_:)`` through a file system that remembers what it was asked.
  fileprivate func loadRemembering(_ paths: [String]) -> ParsedPlan {
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
        let files = listedPlanFiles(under: path)
        if files.isEmpty {
          state.plan.failures.append(LoadFailure(path: path, message: "the folder holds no .okr files"))
        }
        var inside: [String] = []
        inside.reserveCapacity(files.count)
        for (file, canonicalFolder) in files {
          // A link inside the folder must not lead out of it. A file listed as one lies in the
          // folder it was listed in: that folder's place is enough, and no path of the thousands
          // of a large folder is asked about before the other cores start on them.
          if let canonicalFolder, PlanPath.isInside(canonicalFolder, folder: root) {
            inside.append(file)
            continue
          }
          if let canonical = fileSystem.canonicalPath(file), !PlanPath.isInside(canonical, folder: root) {
            state.plan.failures.append(
              LoadFailure(
                path: file,
                message: "a link to \(canonical), outside the plan's folder \(root); it is not read"))
            continue
          }
          inside.append(file)
        }
        guard fileSystem.readsConcurrently, ParallelWork.coreCount > 1 else {
          prepare(inside, root: root, state: &state)
          for file in inside { loadTree(file, root: root, state: &state) }
          continue
        }
        loadWhileParsing(inside, root: root, state: &state)
      case .file:
        guard let canonical = fileSystem.canonicalPath(path) else { continue }
        let root = PlanPath.folder(of: canonical)
        prepare([path], root: root, state: &state)
        loadTree(path, root: root, state: &state)
      }
    }
    return state.plan
  }

  private struct LoadState {
    var plan: ParsedPlan
    /// Canonical path → file, for every file loaded so far.
    var loaded = NodeTable<FileID>()
    /// Canonical path → the file read and parsed ahead of the walk that will load it.
    var prepared = NodeTable<Result<ParsedFile, FileReadError>>()
    /// The files each include of a prepared file names, found while preparing, for the walk
    /// (a glob over a folder of thousands of files is expanded once).
    var includeTargets: [IncludeKey: [String]] = [:]
    /// The files being read and parsed on the other cores while the walk goes on.
    var parsingAhead: ParsingAhead?
  }

  /// A folder's files, read and parsed on the other cores in runs (``runs(of:)``), in the order
  /// the walk will most likely take them; the walk takes each one when it comes to it.
  private struct ParsingAhead {
    let outputs: ParallelWork.Outputs<[Result<ParsedFile, FileReadError>]>
    /// Where each file is in its run: the run's index and its place in it.
    var places: NodeTable<(run: Int32, index: Int32)>
    /// The runs taken out of ``outputs`` so far, their files not yet taken.
    var runs: [[Result<ParsedFile, FileReadError>?]?]

    /// The result of reading and parsing the file `canonical`; nil when it is not one of the
    /// files, or already taken.
    mutating func take(_ canonical: PathNode) -> Result<ParsedFile, FileReadError>? {
      guard let place = places.removeValue(forKey: canonical) else { return nil }
      let (run, index) = (Int(place.run), Int(place.index))
      if runs[run] == nil { runs[run] = outputs.take(run)?.map { Optional($0) } }
      return runs[run]?[index].take()
    }
  }

  /// An include: the canonical path of the file that holds it, and where in that file it starts.
  private struct IncludeKey: Hashable {
    var canonical: PathNode
    var offset: UInt32
  }

  /// Reads and parses the files `loadTree` is about to load from `paths`: first those, then
  /// everything they include, wave after wave. The files of a wave are parsed on every core, and
  /// read there too when the file system allows it (``PlanFileSystem/readsConcurrently``), else
  /// on this thread. Nothing is reported here:
  /// the walk takes the results in its own order and reports exactly as if it had read the
  /// files itself.
  private func prepare(_ paths: [String], root: String, state: inout LoadState) {
    var queued = NodeTable<Bool>()
    var wave: [(path: String, canonical: PathNode)] = []
    func enqueue(_ path: String) {
      guard
        let canonical = toRead(
          path, root: root, loaded: state.loaded, prepared: state.prepared, pending: wave.count, queued: &queued)
      else { return }
      wave.append((path, canonical))
    }
    for path in paths { enqueue(path) }
    while !wave.isEmpty {
      let files = wave
      wave = []
      // Files are parsed in runs, which share their fact tables (``PlanParser/parse(together:)``).
      let runs = Self.runs(of: files.count)
      let results: [Result<ParsedFile, FileReadError>]
      if fileSystem.readsConcurrently {
        results = ParallelWork.map(runs) { run in parse(files[run].map { self.read($0.path) }) }.flatMap { $0 }
      } else {
        let read = files.map { file in self.read(file.path) }
        results = ParallelWork.map(runs) { run in parse(Array(read[run])) }.flatMap { $0 }
      }
      for (file, result) in zip(files, results) {
        state.prepared[file.canonical] = result
        guard case .success(let parsed) = result, !parsed.syntax.holdsOnlyEntities else { continue }
        // By index: an item copied out for the test would have its lists counted in and out.
        for index in parsed.syntax.items.indices {
          guard case .include(let include) = parsed.syntax.items[index] else { continue }
          let source = SourceFile(id: parsed.syntax.file, path: file.path, bytes: parsed.bytes)
          guard case .success(let targets) = targets(of: include, in: source, canonical: file.canonical) else {
            continue
          }
          state.includeTargets[IncludeKey(canonical: file.canonical, offset: include.span.start)] = targets
          for target in targets { enqueue(target) }
        }
      }
    }
  }

  /// The canonical path of `path`, when it is a file inside `root` that is not `loaded`,
  /// `prepared` or `queued` yet (it is then queued) and fewer than the most files a plan may have
  /// are prepared or `pending`; nil otherwise. (Given the load state's two tables rather than the
  /// state: passing the state copied it, and counted each of its tables in and out, for every
  /// file of a folder.)
  private func toRead(
    _ path: String, root: String, loaded: borrowing NodeTable<FileID>,
    prepared: borrowing NodeTable<Result<ParsedFile, FileReadError>>, pending: Int, queued: inout NodeTable<Bool>
  ) -> PathNode? {
    guard prepared.count + pending < limits.maximumFileCount,
      let canonical = fileSystem.canonicalNode(of: fileSystem.node(path)),
      PlanPath.isInside(fileSystem.path(of: canonical), folder: root)
    else { return nil }
    guard loaded[canonical] == nil, prepared[canonical] == nil, queued[canonical] == nil,
      fileSystem.kind(of: canonical) == .file
    else { return nil }
    queued[canonical] = true
    return canonical
  }

  /// Loads `paths`, a folder's files, as ``loadTree(_:root:state:)`` loads each, while the other
  /// cores read and parse them in order (this one joins them whenever the walk waits for a file):
  /// the walk's own work (paths, includes, adding each file to the plan) is done meanwhile rather
  /// than after. A file reached only by an include is read and parsed when the walk comes to it.
  private func loadWhileParsing(_ paths: [String], root: String, state: inout LoadState) {
    // The other cores start at once, on as many of the paths as the plan may still hold; which
    // of them the walk takes from them (``toRead(_:root:loaded:prepared:pending:queued:)``: not a file
    // twice, nor past the limit) is worked out here meanwhile. A path left out is read when the
    // walk comes to it, and one parsed but left out is never taken.
    let ahead = Array(paths.prefix(max(0, limits.maximumFileCount - state.prepared.count)))
    let runs = Self.runs(of: ahead.count)
    let loader = self
    let parseRun = { (run: Int) in loader.parse(ahead[runs[run]].map { loader.read($0) }) }
    ParallelWork.consuming(runs.count, producedBy: parseRun) { outputs in
      var places = NodeTable<(run: Int32, index: Int32)>()
      var queued = NodeTable<Bool>()
      for (run, range) in runs.enumerated() {
        for index in range {
          guard
            let canonical = toRead(
              ahead[index], root: root, loaded: state.loaded, prepared: state.prepared, pending: places.count,
              queued: &queued)
          else { continue }
          places[canonical] = (Int32(run), Int32(index - range.lowerBound))
        }
      }
      // The table moved, not copied: a second reference made the first take copy all of it.
      state.parsingAhead = ParsingAhead(
        outputs: outputs, places: consume places, runs: Array(repeating: nil, count: runs.count))
      for path in paths { loadTree(path, root: root, state: &state) }
      state.parsingAhead = nil
    }
  }

  /// Loads `path` and, depth first, everything it includes. Iterative: include chains of any length are fine.
  private func loadTree(_ path: String, root: String, state: inout LoadState) {
    guard let canonical = fileSystem.canonicalNode(of: fileSystem.node(path)), state.loaded[canonical] == nil else {
      return
    }
    let top: FileID
    switch take(path, canonical: canonical, state: &state) {
    case .success(let file): top = file
    case .failure(let failure):
      // Past the file limit, one failure says so; the files not read are not listed one by one.
      if failure != LoadFailure.tooManyFiles(limits)
        || !state.plan.failures.contains(where: { $0.message == failure.message })
      {
        state.plan.failures.append(LoadFailure(path: path, message: failure.message))
      }
      return
    }
    func includes(of file: FileID) -> [IncludeDecl] {
      // Read in place (a copy of the tree would count each of its lists in and out), and by
      // index, as when preparing.
      let tree = Int(file.index)
      guard !state.plan.syntax[tree].holdsOnlyEntities else { return [] }
      return state.plan.syntax[tree].items.indices.compactMap { index in
        if case .include(let decl) = state.plan.syntax[tree].items[index] { decl } else { nil }
      }
    }
    // Depth first, one target at a time: only the files on the path from the top file are on
    // the stack, so siblings of one glob never look like a cycle. A file that includes nothing
    // (most of a folder's) is done once added, and never goes on the stack.
    let topIncludes = includes(of: top)
    guard !topIncludes.isEmpty else { return }
    var stack = [IncludeFrame(file: top, canonical: canonical, includes: topIncludes)]
    // Canonical path → position on the stack, for the cycle check.
    var stackPositions = [canonical: 0]
    // The frame on top is read and changed in place, field by field: a copy of it for each of a
    // glob's targets counted its lists in and out.
    while !stack.isEmpty {
      let top = stack.count - 1
      let (file, frameCanonical) = (stack[top].file, stack[top].canonical)
      guard stack[top].nextTarget < stack[top].targets.count, let include = stack[top].include else {
        guard stack[top].nextInclude < stack[top].includes.count else {
          stackPositions[stack.removeLast().canonical] = nil
          continue
        }
        let include = stack[top].includes[stack[top].nextInclude]
        stack[top].nextInclude += 1
        stack[top].include = include
        stack[top].nextTarget = 0
        stack[top].closedCycle = false
        let key = IncludeKey(canonical: frameCanonical, offset: include.span.start)
        let found = state.includeTargets.removeValue(forKey: key).map { Result<[String], IncludeProblem>.success($0) }
        switch found ?? self.targets(of: include, in: state.plan.sources[file], canonical: frameCanonical) {
        case .success(let found): stack[top].targets = found
        case .failure(let problem):
          stack[top].targets = []
          state.plan.diagnostics.append(
            Diagnostic(
              .includeError, problem.message,
              at: SourceLocation(file: file, span: include.span), help: problem.help))
        }
        continue
      }
      let target = stack[top].targets[stack[top].nextTarget]
      stack[top].nextTarget += 1
      func report(_ message: String, help: String, notes: [String] = []) {
        state.plan.diagnostics.append(
          Diagnostic(
            .includeError, message,
            at: SourceLocation(file: file, span: include.span), notes: notes, help: help))
      }
      guard let targetCanonical = fileSystem.canonicalNode(of: fileSystem.node(target)) else { continue }
      let targetCanonicalPath = fileSystem.path(of: targetCanonical)
      guard PlanPath.isInside(targetCanonicalPath, folder: root) else {
        report(
          "'\(include.path.value(in: state.plan.sources[file]))' leads outside the plan's root folder",
          help: "move the file into \(TerminalText.escaped(root)) or check the plan from a folder that holds both",
          notes: ["it resolves to \(TerminalText.escaped(targetCanonicalPath))"])
        continue
      }
      if let position = stackPositions[targetCanonical] {
        guard !stack[top].closedCycle else { continue }
        stack[top].closedCycle = true
        let chain =
          stack[position...].map { state.plan.sources[$0.file].path } + [state.plan.sources[stack[position].file].path]
        report(
          "include cycle: \(chain.map(TerminalText.escaped).joined(separator: " → "))",
          help: "remove one of the includes; a plan's files may not include each other in a loop")
        continue
      }
      if state.loaded[targetCanonical] != nil { continue }
      let shownPath = displayPath(
        of: target, includedBy: state.plan.sources.files[Int(file.index)].path,
        from: fileSystem.path(of: frameCanonical))
      guard fileSystem.kind(of: targetCanonical) == .file else {
        report("'\(shownPath)' is not a regular file", help: "include only .okr files")
        continue
      }
      switch take(target, canonical: targetCanonical, shownAs: shownPath, state: &state) {
      case .success(let child):
        let childIncludes = includes(of: child)
        guard !childIncludes.isEmpty else { continue }
        stackPositions[targetCanonical] = stack.count
        stack.append(IncludeFrame(file: child, canonical: targetCanonical, includes: childIncludes))
      case .failure(let failure):
        report(
          "cannot read '\(TerminalText.escaped(shownPath))': \(failure.message)",
          help: "check the file's permissions and size")
      }
    }
  }

  /// A file on the current include path, with the include it is working through.
  private struct IncludeFrame {
    var file: FileID
    var canonical: PathNode
    var includes: [IncludeDecl]
    var nextInclude = 0
    /// The files the current include names, not yet visited, and the next one.
    var targets: [String] = []
    var nextTarget = 0
    /// The current include.
    var include: IncludeDecl?
    /// Whether the current include closed a cycle: a glob that matches several files on the
    /// include path is one mistake, reported once (with hundreds of files including each other,
    /// reporting each would print more cycles than the plan has lines).
    var closedCycle = false
  }

  /// An include that leads nowhere: what to tell the user.
  private struct IncludeProblem: Error {
    var message: String
    var help: String
  }

  /// The files an include names (its glob expanded, a folder walked), relative to the including
  /// file's folder; not yet checked against the root, cycles or files already loaded.
  private func targets(
    of include: IncludeDecl, in source: SourceFile, canonical: PathNode
  ) -> Result<[String], IncludeProblem> {
    let written = include.path.value(in: source)
    if written.isEmpty || written.contains("\u{0}") {
      return .failure(
        IncludeProblem(message: "the include path is empty or invalid", help: "write include \"teams/*.okr\""))
    }
    let pattern = PlanPath.join(PlanPath.folder(of: fileSystem.path(of: canonical)), written)
    if Glob.isPattern(written) {
      // `teams/*` means the plan files there; `legacy/*.plan` names its own extension.
      let lastPart = written.split(separator: "/").last.map(String.init) ?? written
      let namesExtension = lastPart.contains(".") && !(lastPart.last.map { "*?]".contains($0) } ?? false)
      var targets = Glob.expand(pattern, in: fileSystem, limit: limits.maximumFileCount)
        .filter { namesExtension || PlanPath.name($0, endsWith: ".okr") }
      // A glob naturally matches the file that holds it; that is not a cycle.
      targets.removeAll { leads($0, to: canonical) }
      if targets.isEmpty {
        return .failure(
          IncludeProblem(
            message: "no file matches '\(written)'",
            help: "check the pattern; it is relative to the folder of \(TerminalText.escaped(source.path))"))
      }
      return .success(targets)
    }
    switch fileSystem.kind(of: pattern) {
    case nil:
      return .failure(
        IncludeProblem(
          message: "the included file '\(written)' does not exist",
          help: "check the path; it is relative to the folder of \(TerminalText.escaped(source.path))"))
    case .folder:
      // Like a glob, a folder that holds the including file does not include it again.
      return .success(planFiles(under: pattern).filter { !leads($0, to: canonical) })
    case .special:
      return .failure(IncludeProblem(message: "'\(written)' is not a regular file", help: "include only .okr files"))
    case .file:
      return .success([pattern])
    }
  }

  /// Whether `path` resolves to the file whose canonical path is `canonical`'s (byte for byte).
  private func leads(_ path: String, to canonical: PathNode) -> Bool {
    fileSystem.canonicalNode(of: fileSystem.node(path)) == canonical
  }

  /// How an included file is named in diagnostics: relative to the including file as the user
  /// named it (`plans/teams/cs.okr`, not `/home/…/plans/teams/cs.okr`), when it lies below that file's folder.
  private func displayPath(of target: String, includedBy shownIncluder: String, from includerCanonical: String)
    -> String
  {
    PlanPath.rebased(target, fromFolderOf: includerCanonical, toFolderOf: shownIncluder) ?? target
  }

  /// Adds the file at `path` to the plan (named `shownPath` in diagnostics, when given): prepared
  /// ahead if it was, else read and parsed now.
  private func take(
    _ path: String, canonical: PathNode, shownAs shownPath: String? = nil, state: inout LoadState
  ) -> Result<FileID, FileReadError> {
    guard state.plan.sources.files.count < limits.maximumFileCount else {
      return .failure(LoadFailure.tooManyFiles(limits))
    }
    let result =
      state.prepared.removeValue(forKey: canonical) ?? state.parsingAhead?.take(canonical) ?? read(path).map(parse)
    switch result {
    case .success(let parsed):
      let id = state.plan.add(path: shownPath ?? path, parsed: parsed)
      state.loaded[canonical] = id
      return .success(id)
    case .failure(let error):
      return .failure(error)
    }
  }

  /// Reads one file, within the size limit.
  private func read(_ path: String) -> Result<[UInt8], FileReadError> {
    let bytes: [UInt8]
    do {
      bytes = try fileSystem.readFile(path)
    } catch {
      return .failure(error)
    }
    guard bytes.count <= limits.maximumFileSize else {
      return .failure(FileReadError("the file is larger than \(limits.maximumFileSize) bytes"))
    }
    return .success(bytes)
  }

  /// Parses one file's bytes under a provisional id.
  private func parse(_ bytes: [UInt8]) -> ParsedFile {
    let (syntax, diagnostics) = PlanParser.parse(SourceFile(id: FileID(0), path: "", bytes: bytes))
    return ParsedFile(bytes: bytes, syntax: syntax, diagnostics: diagnostics)
  }

  /// Parses the files that were read together, under provisional ids; those that could not be
  /// read stay failures.
  private func parse(_ read: [Result<[UInt8], FileReadError>]) -> [Result<ParsedFile, FileReadError>] {
    let sources = read.compactMap { try? $0.get() }.map { SourceFile(id: FileID(0), path: "", bytes: $0) }
    var parsed = PlanParser.parse(together: sources).makeIterator()
    return read.map { result in
      result.map { bytes in
        let (syntax, diagnostics) = parsed.next()!
        return ParsedFile(bytes: bytes, syntax: syntax, diagnostics: diagnostics)
      }
    }
  }
}

/// Values kept by ``PathNode``: in a list as long as the highest node given one, so that finding
/// a file's is an index, not a lookup of its path.
private struct NodeTable<Value> {
  private var values: [Value?] = []
  /// How many nodes have a value.
  private(set) var count = 0

  subscript(node: PathNode) -> Value? {
    get { Int(node.index) < values.count ? values[Int(node.index)] : nil }
    set {
      let index = Int(node.index)
      if index >= values.count { values.append(contentsOf: repeatElement(nil, count: index + 1 - values.count)) }
      count += (newValue == nil ? 0 : 1) - (values[index] == nil ? 0 : 1)
      values[index] = newValue
    }
  }

  /// The value of `node`, which has none afterwards.
  mutating func removeValue(forKey node: PathNode) -> Value? {
    guard let value = self[node] else { return nil }
    self[node] = nil
    return value
  }
}

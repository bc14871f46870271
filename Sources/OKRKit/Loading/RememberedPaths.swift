/// A file system that answers `canonicalPath`, `kind` and `entries(ofFolder:)` once per path and
/// remembers the answer, for the length of one load: resolving a path costs a system call per
/// component of it, and the loader asks about each file several times (when walking folders,
/// checking the plan's root, following includes).
///
/// Not generic over the file system it asks: the loader's many steps per file are then compiled
/// for this one type, rather than looking up the run-time metadata of a generic file system's
/// types at each step.
struct RememberedPaths: PlanFileSystem {
  let base: any PlanFileSystem
  private let memory = Memory()

  /// What has been asked so far.
  private final class Memory {
    var canonicalPaths: [PathKey: String?] = [:]
    var kinds: [PathKey: FileKind?] = [:]
    var entries: [PathKey: [FolderEntry]] = [:]
  }

  init(_ base: any PlanFileSystem) { self.base = base }

  func kind(of path: String) -> FileKind? {
    let key = PathKey(path)
    if let known = memory.kinds[key] { return known }
    let kind = base.kind(of: path)
    memory.kinds[key] = kind
    return kind
  }

  func readFile(_ path: String) throws(FileReadError) -> [UInt8] { try base.readFile(path) }

  func contents(ofFolder path: String) -> [String] { base.contents(ofFolder: path) }

  /// The folder's entries; those whose kind the listing gave are remembered with it, and with
  /// their canonical path (the folder's, then the name), so they cost no more system calls.
  func entries(ofFolder path: String) -> [FolderEntry] {
    let key = PathKey(path)
    if let known = memory.entries[key] { return known }
    // A folder named another way is listed once: a plan's folder as the user named it, then by
    // the absolute path an include's glob is expanded in.
    let canonical = canonicalPath(path)
    let canonicalKey = canonical.map(PathKey.init)
    if let canonicalKey, let known = memory.entries[canonicalKey] {
      memory.entries[key] = known
      return known
    }
    // Sorted by name, the listing's paths come out of the walk and the glob in runs already in
    // order, which their sorts then take in one pass (names are mostly short enough for a
    // `String` to keep inline, and compare fast).
    let entries = base.entries(ofFolder: path).sorted { $0.name < $1.name }
    memory.entries[key] = entries
    if let canonicalKey { memory.entries[canonicalKey] = entries }
    guard entries.contains(where: { $0.kind != nil }) else { return entries }
    let prefix = PlanPath.entryPrefix(ofFolder: path)
    let canonicalPrefix = canonical.map(PlanPath.entryPrefix(ofFolder:))
    // Named by its canonical path, the folder's entries are too.
    let namedCanonically = canonicalPrefix.map { PlanPath.same($0, prefix) } ?? false
    memory.kinds.reserveCapacity(memory.kinds.count + entries.count * (namedCanonically ? 1 : 2))
    memory.canonicalPaths.reserveCapacity(memory.canonicalPaths.count + entries.count * (namedCanonically ? 1 : 2))
    for entry in entries {
      guard let kind = entry.kind else { continue }
      let child = PathKey(prefix + entry.name)
      memory.kinds[child] = kind
      guard let canonicalPrefix else { continue }
      let canonical = namedCanonically ? child : PathKey(canonicalPrefix + entry.name)
      memory.canonicalPaths[child] = canonical.path
      if !namedCanonically {
        memory.kinds[canonical] = kind
        memory.canonicalPaths[canonical] = canonical.path
      }
    }
    return entries
  }

  func canonicalPath(_ path: String) -> String? {
    let key = PathKey(path)
    if let known = memory.canonicalPaths[key] { return known }
    let canonical = base.canonicalPath(path)
    memory.canonicalPaths[key] = canonical
    return canonical
  }

  var limits: LoadLimits { base.limits }
  var readsConcurrently: Bool { base.readsConcurrently }
}

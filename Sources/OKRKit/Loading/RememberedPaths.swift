/// A file system that answers `canonicalPath`, `kind` and `entries(ofFolder:)` once per path and
/// remembers the answer, for the length of one load: resolving a path costs a system call per
/// component of it, and the loader asks about each file several times (when walking folders,
/// checking the plan's root, following includes).
struct RememberedPaths<Base: PlanFileSystem>: PlanFileSystem {
  let base: Base
  private let memory = Memory()

  /// What has been asked so far.
  private final class Memory {
    var canonicalPaths: [String: String?] = [:]
    var kinds: [String: FileKind?] = [:]
    var entries: [String: [FolderEntry]] = [:]
  }

  init(_ base: Base) { self.base = base }

  func kind(of path: String) -> FileKind? {
    if let known = memory.kinds[path] { return known }
    let kind = base.kind(of: path)
    memory.kinds[path] = kind
    return kind
  }

  func readFile(_ path: String) throws(FileReadError) -> [UInt8] { try base.readFile(path) }

  func contents(ofFolder path: String) -> [String] { base.contents(ofFolder: path) }

  /// The folder's entries; those whose kind the listing gave are remembered with it, and with
  /// their canonical path (the folder's, then the name), so they cost no more system calls.
  func entries(ofFolder path: String) -> [FolderEntry] {
    if let known = memory.entries[path] { return known }
    let entries = base.entries(ofFolder: path)
    memory.entries[path] = entries
    guard entries.contains(where: { $0.kind != nil }) else { return entries }
    let prefix = PlanPath.entryPrefix(ofFolder: path)
    let canonicalPrefix = canonicalPath(path).map(PlanPath.entryPrefix(ofFolder:))
    // Named by its canonical path, the folder's entries are too.
    let namedCanonically = canonicalPrefix.map { PlanPath.same($0, prefix) } ?? false
    memory.kinds.reserveCapacity(memory.kinds.count + entries.count * (namedCanonically ? 1 : 2))
    memory.canonicalPaths.reserveCapacity(memory.canonicalPaths.count + entries.count * (namedCanonically ? 1 : 2))
    for entry in entries {
      guard let kind = entry.kind else { continue }
      let child = prefix + entry.name
      memory.kinds[child] = kind
      guard let canonicalPrefix else { continue }
      let canonical = namedCanonically ? child : canonicalPrefix + entry.name
      memory.canonicalPaths[child] = canonical
      if !namedCanonically {
        memory.kinds[canonical] = kind
        memory.canonicalPaths[canonical] = canonical
      }
    }
    return entries
  }

  func canonicalPath(_ path: String) -> String? {
    if let known = memory.canonicalPaths[path] { return known }
    let canonical = base.canonicalPath(path)
    memory.canonicalPaths[path] = canonical
    return canonical
  }

  var limits: LoadLimits { base.limits }
  var readsConcurrently: Bool { base.readsConcurrently }
}

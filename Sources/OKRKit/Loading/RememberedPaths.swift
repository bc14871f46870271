/// A file system that answers `canonicalPath` and `kind` once per path and remembers the answer,
/// for the length of one load: resolving a path costs a system call per component of it, and
/// the loader asks about each file several times (when walking folders, checking the plan's
/// root, following includes).
struct RememberedPaths<Base: PlanFileSystem>: PlanFileSystem {
  let base: Base
  private let memory = Memory()

  /// What has been asked so far.
  private final class Memory {
    var canonicalPaths: [String: String?] = [:]
    var kinds: [String: FileKind?] = [:]
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

  func canonicalPath(_ path: String) -> String? {
    if let known = memory.canonicalPaths[path] { return known }
    let canonical = base.canonicalPath(path)
    memory.canonicalPaths[path] = canonical
    return canonical
  }

  var limits: LoadLimits { base.limits }
  var readsConcurrently: Bool { base.readsConcurrently }
}

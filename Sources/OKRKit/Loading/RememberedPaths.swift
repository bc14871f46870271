/// A path the loader has asked about, by its place in ``RememberedPaths``'s tables: two spellings
/// of a path (as the user named it, and canonical) are two nodes, and the loader keeps its own
/// tables of files by the node of their canonical path, an index rather than a hashed `String`.
struct PathNode: Hashable, Sendable {
  let index: Int32

  /// Not asked yet.
  fileprivate static let unknown = PathNode(index: -2)
  /// Asked, and nothing is there.
  fileprivate static let absent = PathNode(index: -1)
}

/// A file system that answers `canonicalPath`, `kind` and `entries(ofFolder:)` once per path and
/// remembers the answer, for the length of one load: resolving a path costs a system call per
/// component of it, and the loader asks about each file several times (when walking folders,
/// checking the plan's root, following includes).
///
/// Each path asked about gets a ``PathNode`` (one hash lookup), and everything known of it is
/// kept in lists by node: the loader asks by node, so a folder of tens of thousands of files
/// costs a handful of lookups per file rather than a dozen.
///
/// Not generic over the file system it asks: the loader's many steps per file are then compiled
/// for this one type, rather than looking up the run-time metadata of a generic file system's
/// types at each step.
struct RememberedPaths: PlanFileSystem {
  let base: any PlanFileSystem
  private let memory = Memory()

  /// What has been asked so far.
  ///
  /// Its tables are not checked for overlapping access at run time: only the loading thread
  /// asks, no access to one of them starts while another is under way, and the checks cost
  /// about a twentieth of a folder's walk.
  private final class Memory {
    @exclusivity(unchecked) var nodes: [PathKey: PathNode] = [:]
    /// By node: the path as first asked about.
    @exclusivity(unchecked) var paths: [String] = []
    /// By node: the node of its canonical path (``PathNode/unknown`` until asked).
    @exclusivity(unchecked) var canonicalNodes: [PathNode] = []
    /// By node: what is there (nil until asked).
    @exclusivity(unchecked) var kinds: [FileKind??] = []
    @exclusivity(unchecked) var entries: [PathKey: [FolderEntry]] = [:]
    /// Listings whose entries are yet to be remembered by path (``remember(_:)``): not while the
    /// folder is listed, which other cores wait for, but at the first question about a path.
    @exclusivity(unchecked) var unremembered: [Listing] = []

    /// The node of the path `key`, made when first asked.
    func node(_ key: PathKey) -> PathNode {
      let new = PathNode(index: Int32(paths.count))
      let found = nodes.value(forKey: key, insertingIfAbsent: new)
      if found == new {
        paths.append(key.path)
        canonicalNodes.append(.unknown)
        kinds.append(nil)
      }
      return found
    }

    /// Notes that `node` names a path whose canonical path is `canonical`'s, and `canonical`
    /// its own (a canonical path resolves to itself).
    func note(_ node: PathNode, canonical: PathNode) {
      canonicalNodes[Int(node.index)] = canonical
      if canonical != .absent { canonicalNodes[Int(canonical.index)] = canonical }
    }
  }

  /// A folder's entries, and the prefixes that name them: as the folder was named, and by its
  /// canonical path when known.
  private struct Listing {
    var entries: [FolderEntry]
    var prefix: String
    var canonicalPrefix: String?
  }

  init(_ base: any PlanFileSystem) { self.base = base }

  /// The node of `path`.
  func node(_ path: String) -> PathNode {
    rememberListings()
    return memory.node(PathKey(path))
  }

  /// The path of `node`, as first asked about.
  func path(of node: PathNode) -> String { memory.paths[Int(node.index)] }

  /// The node of the canonical path of `node`'s path; nil when nothing is there.
  func canonicalNode(of node: PathNode) -> PathNode? {
    var canonical = memory.canonicalNodes[Int(node.index)]
    if canonical == .unknown {
      canonical = base.canonicalPath(path(of: node)).map { memory.node(PathKey($0)) } ?? .absent
      memory.note(node, canonical: canonical)
    }
    return canonical == .absent ? nil : canonical
  }

  /// What is at `node`'s path.
  func kind(of node: PathNode) -> FileKind? {
    if let known = memory.kinds[Int(node.index)] { return known }
    let kind = base.kind(of: path(of: node))
    memory.kinds[Int(node.index)] = kind
    return kind
  }

  func kind(of path: String) -> FileKind? { kind(of: node(path)) }

  func readFile(_ path: String) throws(FileReadError) -> [UInt8] { try base.readFile(path) }

  func contents(ofFolder path: String) -> [String] { base.contents(ofFolder: path) }

  /// The folder's entries; those whose kind the listing gave are remembered with it, and with
  /// their canonical path (the folder's, then the name), so they cost no more system calls
  /// (once something is asked about a path: ``rememberListings()``).
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
    // Sorted in place: `sorted` would copy every entry, counting each name in and out.
    var entries = base.entries(ofFolder: path)
    entries.sort { $0.name < $1.name }
    memory.entries[key] = entries
    if let canonicalKey { memory.entries[canonicalKey] = entries }
    guard entries.contains(where: { $0.kind != nil }) else { return entries }
    memory.unremembered.append(
      Listing(
        entries: entries, prefix: PlanPath.entryPrefix(ofFolder: path),
        canonicalPrefix: canonical.map(PlanPath.entryPrefix(ofFolder:))))
    return entries
  }

  /// Remembers the kind and canonical path of each entry of the folders listed since the last
  /// time, so that they cost no system calls.
  private func rememberListings() {
    guard !memory.unremembered.isEmpty else { return }
    for listing in memory.unremembered { remember(listing) }
    memory.unremembered = []
  }

  private func remember(_ listing: Listing) {
    let (entries, prefix, canonicalPrefix) = (listing.entries, listing.prefix, listing.canonicalPrefix)
    // Named by its canonical path, the folder's entries are too.
    let namedCanonically = canonicalPrefix.map { PlanPath.same($0, prefix) } ?? false
    let added = entries.count * (namedCanonically ? 1 : 2)
    memory.nodes.reserveCapacity(memory.nodes.count + added)
    memory.paths.reserveCapacity(memory.paths.count + added)
    memory.canonicalNodes.reserveCapacity(memory.canonicalNodes.count + added)
    memory.kinds.reserveCapacity(memory.kinds.count + added)
    for entry in entries {
      guard let kind = entry.kind else { continue }
      let child = memory.node(PathKey(PlanPath.entry(entry.name, prefix: prefix)))
      memory.kinds[Int(child.index)] = kind
      guard let canonicalPrefix else { continue }
      let canonical =
        namedCanonically ? child : memory.node(PathKey(PlanPath.entry(entry.name, prefix: canonicalPrefix)))
      memory.note(child, canonical: canonical)
      memory.kinds[Int(canonical.index)] = kind
    }
  }

  func canonicalPath(_ path: String) -> String? { canonicalNode(of: node(path)).map(self.path(of:)) }

  var limits: LoadLimits { base.limits }
  var readsConcurrently: Bool { base.readsConcurrently }
}

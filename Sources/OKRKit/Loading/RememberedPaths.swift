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
  ///
  /// Its tables are not checked for overlapping access at run time: only the loading thread
  /// asks, no access to one of them starts while another is under way, and the checks cost
  /// about a twentieth of a folder's walk.
  private final class Memory {
    @exclusivity(unchecked) var canonicalPaths: [PathKey: String?] = [:]
    @exclusivity(unchecked) var kinds: [PathKey: FileKind?] = [:]
    @exclusivity(unchecked) var entries: [PathKey: [FolderEntry]] = [:]
    /// Listings whose entries are yet to be remembered by path (``remember(_:)``): not while the
    /// folder is listed, which other cores wait for, but at the first question about a path.
    @exclusivity(unchecked) var unremembered: [Listing] = []
  }

  /// A folder's entries, and the prefixes that name them: as the folder was named, and by its
  /// canonical path when known.
  private struct Listing {
    var entries: [FolderEntry]
    var prefix: String
    var canonicalPrefix: String?
  }

  init(_ base: any PlanFileSystem) { self.base = base }

  func kind(of path: String) -> FileKind? {
    rememberListings()
    let key = PathKey(path)
    if let known = memory.kinds[key] { return known }
    let kind = base.kind(of: path)
    memory.kinds[key] = kind
    return kind
  }

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
    let entries = base.entries(ofFolder: path).sorted { $0.name < $1.name }
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
    memory.kinds.reserveCapacity(memory.kinds.count + entries.count * (namedCanonically ? 1 : 2))
    memory.canonicalPaths.reserveCapacity(memory.canonicalPaths.count + entries.count * (namedCanonically ? 1 : 2))
    for entry in entries {
      guard let kind = entry.kind else { continue }
      let child = PathKey(PlanPath.entry(entry.name, prefix: prefix))
      memory.kinds[child] = kind
      guard let canonicalPrefix else { continue }
      let canonical = namedCanonically ? child : PathKey(PlanPath.entry(entry.name, prefix: canonicalPrefix))
      memory.canonicalPaths[child] = canonical.path
      if !namedCanonically {
        memory.kinds[canonical] = kind
        memory.canonicalPaths[canonical] = canonical.path
      }
    }
  }

  func canonicalPath(_ path: String) -> String? {
    rememberListings()
    let key = PathKey(path)
    if let known = memory.canonicalPaths[key] { return known }
    let canonical = base.canonicalPath(path)
    memory.canonicalPaths[key] = canonical
    return canonical
  }

  var limits: LoadLimits { base.limits }
  var readsConcurrently: Bool { base.readsConcurrently }
}

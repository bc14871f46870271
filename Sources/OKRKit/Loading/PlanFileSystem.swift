#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the loader needs from a file system; the CLI supplies the disk, tests and hosts may supply memory.
///
/// Paths are `/`-separated strings.
public protocol PlanFileSystem {
  /// What is at `path`, following symbolic links; nil when nothing is there.
  func kind(of path: String) -> FileKind?
  /// The bytes of a regular file.
  func readFile(_ path: String) throws(FileReadError) -> [UInt8]
  /// The names of the entries of a folder (not `.` or `..`), in any order.
  func contents(ofFolder path: String) -> [String]
  /// The entries of a folder (not `.` or `..`), in any order, with what listing it said they are.
  func entries(ofFolder path: String) -> [FolderEntry]
  /// The absolute path with symbolic links, `.` and `..` resolved; nil when it does not exist.
  func canonicalPath(_ path: String) -> String?
  /// How much the loader may read through this file system.
  var limits: LoadLimits { get }
  /// Whether ``readFile(_:)`` may be called from several threads at once (the loader then reads
  /// a plan's files on all cores).
  var readsConcurrently: Bool { get }
}

extension PlanFileSystem {
  /// By default, the names of ``contents(ofFolder:)``, their kinds not known.
  public func entries(ofFolder path: String) -> [FolderEntry] {
    contents(ofFolder: path).map { FolderEntry(name: $0, kind: nil) }
  }

  /// The default limits: 2 GiB per file, 100,000 files.
  public var limits: LoadLimits { LoadLimits() }
  /// By default, files are read from one thread at a time.
  public var readsConcurrently: Bool { false }
}

/// What a path names.
public enum FileKind: Sendable {
  case file, folder
  /// A FIFO, device or socket: never read.
  case special
}

/// An entry of a folder, as listing the folder gives it.
public struct FolderEntry: Sendable, Equatable {
  public var name: String
  /// What the entry is, when the listing says so and the entry can be reached by its name and is
  /// not a symbolic link (so that its canonical path is its folder's followed by its name); nil
  /// when it must be asked (``PlanFileSystem/kind(of:)``).
  public var kind: FileKind?

  public init(name: String, kind: FileKind?) {
    self.name = name
    self.kind = kind
  }
}

/// Why a file could not be read.
public struct FileReadError: Error, Sendable, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
}

/// A file system held in memory: for tests and for hosts that load plans from strings.
public struct InMemoryFileSystem: PlanFileSystem, Sendable {
  public var files: [String: [UInt8]]

  /// `files` maps absolute paths (e.g. `/plan/acme.okr`) to their text.
  public init(files: [String: String]) {
    self.files = files.mapValues { Array($0.utf8) }
  }

  public func kind(of path: String) -> FileKind? {
    let path = PlanPath.normalized(path)
    if files[path] != nil { return .file }
    let prefix = path == "/" ? "/" : path + "/"
    return files.keys.contains { $0.hasPrefix(prefix) } ? .folder : nil
  }

  public func readFile(_ path: String) throws(FileReadError) -> [UInt8] {
    guard let bytes = files[PlanPath.normalized(path)] else { throw FileReadError("no such file") }
    return bytes
  }

  public func contents(ofFolder path: String) -> [String] {
    let path = PlanPath.normalized(path)
    let prefix = path == "/" ? "/" : path + "/"
    var names = Set<String>()
    for key in files.keys where key.hasPrefix(prefix) {
      if let name = key.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
    }
    return Array(names)
  }

  public func canonicalPath(_ path: String) -> String? {
    let path = PlanPath.normalized(path)
    return kind(of: path) == nil ? nil : path
  }
}

/// `/`-separated path arithmetic, without touching the disk. Paths are compared and cut as the
/// bytes the system sees, not as `Character`s: two spellings of one `String` are two paths, and
/// a folder of tens of thousands of files is named without grapheme breaking.
public enum PlanPath {
  private static let slash = UInt8(ascii: "/")

  /// The folder part of `path` (`.` for a bare name).
  public static func folder(of path: String) -> String {
    withBytes(of: path) { bytes in
      guard let slash = lastSlash(in: bytes) else { return "." }
      return slash == 0 ? "/" : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self)
    }
  }

  /// Where the last `/` of `bytes` is.
  private static func lastSlash(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = bytes.count
    while index > 0 {
      index -= 1
      if bytes[index] == slash { return index }
    }
    return nil
  }

  /// `path`, below the folder of `file` (``folder(of:)``), named from the folder of `shownFile`
  /// instead: `a/b/c.okr` from the folder of `a/x.okr`, shown from that of `p/x.okr`, is
  /// `p/b/c.okr`. It is ``join(_:_:)`` of the folder of `shownFile` and what follows that of
  /// `file` in `path`, made in one allocation. Nil when `path` does not start with the bytes of
  /// the folder of `file` and a `/`.
  static func rebased(_ path: String, fromFolderOf file: String, toFolderOf shownFile: String) -> String? {
    withBytes(of: path) { path in
      withBytes(of: file) { file -> String? in
        // The folder and its `/`: `./` for a bare name, `/` for the root.
        let fileSlash = lastSlash(in: file)
        let prefixLength = fileSlash.map { $0 + 1 } ?? 2
        guard path.count >= prefixLength else { return nil }
        let start = UnsafeBufferPointer(rebasing: path[..<prefixLength])
        let matches =
          fileSlash == nil
          ? start[0] == UInt8(ascii: ".") && start[1] == slash
          : same(start, UnsafeBufferPointer(rebasing: file[..<prefixLength]))
        guard matches else { return nil }
        let relative = UnsafeBufferPointer(rebasing: path[prefixLength...])
        return withBytes(of: shownFile) { shownFile in
          guard relative.first != slash, let shownSlash = lastSlash(in: shownFile) else {
            return normalized(String(decoding: relative, as: UTF8.self))
          }
          // The shown folder with its `/` (for the root, `/` alone: `join` would write `//`,
          // which `normalized` folds back).
          return normalized(concatenated(UnsafeBufferPointer(rebasing: shownFile[...shownSlash]), relative))
        }
      }
    }
  }

  /// `relative` resolved against `folder` (unless it is absolute).
  public static func join(_ folder: String, _ relative: String) -> String {
    if relative.utf8.first == slash || (folder.utf8.count == 1 && folder.utf8.first == UInt8(ascii: ".")) {
      return normalized(relative)
    }
    var joined = folder
    joined.reserveCapacity(folder.utf8.count + 1 + relative.utf8.count)
    joined += "/"
    joined += relative
    return normalized(joined)
  }

  /// Removes `.` and empty segments and folds `..` where possible.
  public static func normalized(_ path: String) -> String {
    if isNormalized(path) { return path }
    let bytes = Array(path.utf8)
    let absolute = bytes.first == slash
    func isDots(_ part: ArraySlice<UInt8>, _ count: Int) -> Bool {
      part.count == count && part.allSatisfy { $0 == UInt8(ascii: ".") }
    }
    var parts: [ArraySlice<UInt8>] = []
    for part in bytes.split(separator: slash) {
      if isDots(part, 1) { continue }
      if isDots(part, 2), let last = parts.last, !isDots(last, 2) {
        parts.removeLast()
        continue
      }
      if isDots(part, 2), absolute { continue }
      parts.append(part)
    }
    var joined: [UInt8] = absolute ? [slash] : []
    for (index, part) in parts.enumerated() {
      if index > 0 { joined.append(slash) }
      joined.append(contentsOf: part)
    }
    return joined.isEmpty ? "." : String(decoding: joined, as: UTF8.self)
  }

  /// Whether ``normalized(_:)`` would give `path` back as it is: not empty, and no name in it
  /// is empty (no `//`, no `/` at the end but for `/` itself), `.` or `..`.
  private static func isNormalized(_ path: String) -> Bool {
    withBytes(of: path) { bytes -> Bool in
      guard !bytes.isEmpty else { return false }
      if bytes.count == 1, bytes[0] == slash { return true }
      var start = bytes[0] == slash ? 1 : 0
      for index in start...bytes.count where index == bytes.count || bytes[index] == slash {
        let length = index - start
        if length == 0 { return false }
        if length <= 2, bytes[start] == UInt8(ascii: "."), length == 1 || bytes[start + 1] == UInt8(ascii: ".") {
          return false
        }
        start = index + 1
      }
      return true
    }
  }

  /// Whether `path` is `folder` itself or inside it (both canonical).
  public static func isInside(_ path: String, folder: String) -> Bool {
    withBytes(of: path) { path in
      withBytes(of: folder) { folder in
        if folder.count == 1, folder[0] == slash { return true }
        guard path.count >= folder.count,
          same(UnsafeBufferPointer(rebasing: path[..<folder.count]), folder)
        else { return false }
        return path.count == folder.count || path[folder.count] == slash
      }
    }
  }

  /// What the paths of a folder's entries start with: the folder followed by `/` (`/` alone for
  /// the root). The loader and the paths it remembers name entries this way, so they agree.
  static func entryPrefix(ofFolder folder: String) -> String {
    folder.utf8.last == slash ? folder : folder + "/"
  }

  /// The path of the entry `name` of the folder whose entries start with `prefix`
  /// (``entryPrefix(ofFolder:)``): `prefix + name`, made in one allocation rather than the
  /// several a `String` takes to grow (a folder's walk names tens of thousands of entries).
  static func entry(_ name: String, prefix: String) -> String {
    withBytes(of: prefix) { prefix in
      withBytes(of: name) { name in concatenated(prefix, name) }
    }
  }

  /// The bytes of `first` and then `second` (whole UTF-8 sequences each) as a `String`.
  private static func concatenated(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> String
  {
    String(unsafeUninitializedCapacity: first.count + second.count) { buffer in
      _ = buffer.initialize(fromContentsOf: first)
      _ = UnsafeMutableBufferPointer(rebasing: buffer[first.count...]).initialize(fromContentsOf: second)
      return first.count + second.count
    }
  }

  /// `paths` sorted, each once.
  static func sortedOnce(_ paths: [String]) -> [String] {
    var once: [String] = []
    once.reserveCapacity(paths.count)
    for path in paths.sorted() where once.last != path { once.append(path) }
    return once
  }

  /// Whether `a` and `b` are the same bytes (the same path; `==` also takes another spelling of
  /// a name for it).
  static func same(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    return withBytes(of: a) { a in withBytes(of: b) { b in same(a, b) } }
  }

  /// Calls `body` with the UTF-8 bytes of `path`: in place when the string keeps them so (a
  /// copy of a `String` to call `withUTF8` on costs a retain and a release).
  static func withBytes<Result>(of path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = path.utf8.withContiguousStorageIfAvailable(body) { return result }
    var path = path
    return path.withUTF8(body)
  }

  /// Whether two runs of bytes are the same; `memcmp` takes paths of tens of bytes in a few steps
  /// (``WrittenName/same(_:_:)`` compares the resolver's names of a few bytes in a loop, which
  /// costs less than the call).
  private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let first = a.baseAddress, let second = b.baseAddress else { return true }
    return memcmp(first, second, a.count) == 0
  }

  /// Whether the last bytes of `name` are those of `suffix`.
  static func name(_ name: String, endsWith suffix: String) -> Bool {
    withBytes(of: name) { name in
      withBytes(of: suffix) { suffix in
        name.count >= suffix.count && same(UnsafeBufferPointer(rebasing: name[(name.count - suffix.count)...]), suffix)
      }
    }
  }
}

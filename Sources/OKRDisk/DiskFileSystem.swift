import OKRKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real file system, through the C library (no Foundation: start-up stays fast).
public struct DiskFileSystem: PlanFileSystem {
  /// The largest file read and the most files loaded.
  public let limits: LoadLimits

  /// Whether ``readSource(_:)`` maps large files instead of reading them: no copy, and pages the
  /// system already has in its cache are not touched again. For a program that reads a plan and
  /// is done with it soon; one that keeps plans for long (the REPL) should read them, so that it
  /// never sees text that was not in the file when it was loaded.
  public let mapsLargeFiles: Bool

  /// The disk, with `limits` (by default those of the environment, see ``LoadLimits/fromEnvironment()``).
  public init(limits: LoadLimits? = nil, mapsLargeFiles: Bool = false) {
    self.limits = limits ?? (try? LoadLimits.fromEnvironment()) ?? LoadLimits()
    self.mapsLargeFiles = mapsLargeFiles
  }

  /// What is at `path` (a file, a folder or something special), following symbolic links; nil when nothing
  /// is there or it cannot be reached.
  public func kind(of path: String) -> FileKind? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .folder
    default: return .special
    }
  }

  /// The bytes of the regular file at `path`. A FIFO, device or socket is refused without blocking, and so is a
  /// file larger than ``LoadLimits/maximumFileSize``; other errors carry the system's message (`strerror`).
  public func readFile(_ path: String) throws(FileReadError) -> [UInt8] {
    let file = try OpenFile(path, limits: limits)
    // Read into uninitialized memory: zeroing a large file's buffer first would touch it twice.
    var failure: Int32?
    let bytes = [UInt8](unsafeUninitializedCapacity: file.size) { buffer, initializedCount in
      (initializedCount, failure) = file.read(into: buffer)
    }
    if let failure { throw FileReadError(String(cString: strerror(failure))) }
    return bytes
  }

  /// The bytes of the regular file at `path`, refused as ``readFile(_:)`` refuses them. With
  /// ``mapsLargeFiles``, a file of ``mappedSize`` or more is mapped rather than read.
  public func readSource(_ path: String) throws(FileReadError) -> SourceBytes {
    let file = try OpenFile(path, limits: limits)
    if mapsLargeFiles, file.size >= Self.mappedSize, let mapped = MappedFile(file) {
      return SourceBytes(memory: mapped, count: file.size)
    }
    var failure: Int32?
    let bytes = SourceBytes(count: file.size) { buffer in
      let (read, error) = file.read(into: buffer)
      failure = error
      return read
    }
    if let failure { throw FileReadError(String(cString: strerror(failure))) }
    return bytes
  }

  /// Files at least this large are mapped when ``mapsLargeFiles`` is set.
  static let mappedSize = 16 << 20

  /// Files are read with the C library's calls, which any thread may make.
  public var readsConcurrently: Bool { true }

  /// The names of the entries of the folder at `path`, without `.` and `..`, in the order the system gives;
  /// empty when the folder cannot be opened.
  public func contents(ofFolder path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// The absolute path with symbolic links, `.` and `..` resolved (`realpath`); nil when it does not exist.
  public func canonicalPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

extension LoadLimits {
  /// The limits set by `OKR_MAX_FILE_SIZE` (bytes) and `OKR_MAX_FILES`, the defaults where unset.
  /// Throws when a variable is set to something other than a positive whole number.
  public static func fromEnvironment() throws(FileReadError) -> LoadLimits {
    var limits = LoadLimits()
    if let size = try positiveNumber("OKR_MAX_FILE_SIZE") { limits.maximumFileSize = size }
    if let count = try positiveNumber("OKR_MAX_FILES") { limits.maximumFileCount = count }
    return limits
  }

  private static func positiveNumber(_ name: String) throws(FileReadError) -> Int? {
    guard let raw = getenv(name) else { return nil }
    let text = String(cString: raw)
    guard let value = Int(text), value > 0 else {
      throw FileReadError("\(name) must be a positive whole number, not '\(TerminalText.escaped(text))'")
    }
    return value
  }
}

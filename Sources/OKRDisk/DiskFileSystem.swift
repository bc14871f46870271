import Dispatch
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

  /// The disk, with `limits` (by default those of the environment, see ``LoadLimits/fromEnvironment()``).
  public init(limits: LoadLimits? = nil) {
    self.limits = limits ?? (try? LoadLimits.fromEnvironment()) ?? LoadLimits()
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
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw FileReadError(String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw FileReadError(String(cString: strerror(errno))) }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw FileReadError("not a regular file (a FIFO, device or socket is never read)")
    }
    let size = Int(info.st_size)
    guard size <= limits.maximumFileSize else {
      throw FileReadError("the file is larger than \(limits.maximumFileSize) bytes (OKR_MAX_FILE_SIZE)")
    }
    // Read into uninitialized memory: zeroing a large file's buffer first would touch it twice.
    // A large file is read in pieces on all cores (copying and mapping its pages is most of the work).
    var failure: Int32?
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initializedCount in
      guard let start = buffer.baseAddress else { return }
      let pieceCount = size >= Self.parallelReadSize ? Self.coreCount : 1
      // A small file (a folder's are) in one call, with no table of results to allocate.
      guard pieceCount > 1 else {
        (initializedCount, failure) = Self.read(descriptor, into: start, count: size, at: 0)
        return
      }
      var results = [(read: Int, error: Int32?)](repeating: (0, nil), count: pieceCount)
      results.withUnsafeMutableBufferPointer { results in
        nonisolated(unsafe) let (start, results) = (start, results)
        DispatchQueue.concurrentPerform(iterations: pieceCount) { piece in
          let range = size * piece / pieceCount..<size * (piece + 1) / pieceCount
          results[piece] = Self.read(
            descriptor, into: start + range.lowerBound, count: range.count, at: range.lowerBound)
        }
      }
      // The bytes up to the first piece that came back short (the file shrank) or failed.
      for (piece, result) in results.enumerated() {
        initializedCount = size * piece / pieceCount + result.read
        failure = result.error
        if failure != nil || result.read < size * (piece + 1) / pieceCount - size * piece / pieceCount { break }
      }
    }
    if let failure { throw FileReadError(String(cString: strerror(failure))) }
    return bytes
  }

  /// Files at least this large are read on all cores.
  private static let parallelReadSize = 16 << 20
  private static let coreCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  /// Reads up to `count` bytes at `offset` of the file into `destination`: how many were read
  /// (fewer at the end of the file), and the error that stopped it, if any.
  private static func read(
    _ descriptor: Int32, into destination: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int
  ) -> (read: Int, error: Int32?) {
    var done = 0
    while done < count {
      let result = pread(descriptor, destination + done, count - done, off_t(offset + done))
      if result < 0 {
        if errno == EINTR { continue }
        return (done, errno)
      }
      if result == 0 { break }
      done += result
    }
    return (done, nil)
  }

  /// Files are read with the C library's calls, which any thread may make.
  public var readsConcurrently: Bool { true }

  /// The names of the entries of the folder at `path`, without `.` and `..`, in the order the system gives;
  /// empty when the folder cannot be opened.
  public func contents(ofFolder path: String) -> [String] {
    entries(ofFolder: path).map(\.name)
  }

  /// The entries of the folder at `path` (as ``contents(ofFolder:)``), each with the kind `readdir` gives
  /// when it gives one and the entry can be reached by its name: not a symbolic link, a name that is
  /// valid UTF-8 (another is read with replacement characters, which name no file), in a folder
  /// that may be searched. Otherwise the kind is left for ``kind(of:)`` to ask.
  public func entries(ofFolder path: String) -> [FolderEntry] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    // A folder that may be read but not searched lists names whose files cannot be reached.
    let searchable = access(path, X_OK) == 0
    var entries: [FolderEntry] = []
    while let entry = readdir(directory) {
      let (name, isUTF8) = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: 256) { name in
          String(validatingCString: name).map { ($0, true) } ?? (String(cString: name), false)
        }
      }
      guard name != "." && name != ".." else { continue }
      let kind: FileKind? =
        switch Int(entry.pointee.d_type) {
        case _ where !searchable || !isUTF8: nil
        case Int(DT_REG): .file
        case Int(DT_DIR): .folder
        case Int(DT_FIFO), Int(DT_CHR), Int(DT_BLK), Int(DT_SOCK): .special
        default: nil  // a symbolic link, or a file system that does not say
        }
      entries.append(FolderEntry(name: name, kind: kind))
    }
    return entries
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

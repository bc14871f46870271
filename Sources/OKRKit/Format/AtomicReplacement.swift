/// The file operations that replacing a file atomically needs.
///
/// The CLI implements them with POSIX calls; tests supply one that fails on demand.
/// Paths are `/`-separated strings.
public protocol ReplacementFileSystem {
  /// An open temporary file.
  associatedtype Handle

  /// The absolute path with symbolic links resolved; nil when nothing is there.
  func canonicalPath(_ path: String) -> String?
  /// The permission bits (`0o7777` at most) of the file at `path`.
  func permissions(of path: String) throws(FileWriteError) -> UInt32
  /// Creates and opens a new, empty file with a unique name in `folder`, its name derived
  /// from `name`; returns it and its path.
  func makeTemporaryFile(in folder: String, namedAfter name: String) throws(FileWriteError) -> (
    handle: Handle, path: String
  )
  /// Writes all of `bytes` to the file.
  func write(_ bytes: [UInt8], to handle: Handle) throws(FileWriteError)
  /// Flushes the file's contents to the disk.
  func synchronize(_ handle: Handle) throws(FileWriteError)
  /// Sets the file's permission bits.
  func setPermissions(_ mode: UInt32, of handle: Handle) throws(FileWriteError)
  /// Closes the file.
  func close(_ handle: Handle) throws(FileWriteError)
  /// Atomically puts the file at `source` in the place of `destination`.
  func rename(_ source: String, to destination: String) throws(FileWriteError)
  /// Deletes the file at `path`, ignoring failure (used to clean up).
  func remove(_ path: String)
}

/// Why a file could not be written.
public struct FileWriteError: Error, Sendable, Equatable {
  /// What went wrong, in words for the user, e.g. "the file no longer exists".
  public var message: String
  /// An error saying `message`.
  public init(_ message: String) { self.message = message }
}

/// Replaces a file's contents so that no reader ever sees a half-written file.
public enum AtomicReplacement {
  /// Replaces the file at `path` with `bytes`.
  ///
  /// Writes a temporary file in the same folder, flushes it to the disk, gives it the
  /// original's permissions and renames it over the original. A symbolic link is written
  /// through to the file it names (the link stays), but only when that file lies inside
  /// `root` (a canonical folder path). On any failure the temporary file is removed and the
  /// original is left as it was.
  public static func replace<FileSystem: ReplacementFileSystem>(
    _ path: String, with bytes: [UInt8], inside root: String, using fileSystem: FileSystem
  ) throws(FileWriteError) {
    guard let target = fileSystem.canonicalPath(path) else { throw FileWriteError("the file no longer exists") }
    guard PlanPath.isInside(target, folder: root) else {
      throw FileWriteError(
        "it is a symbolic link to \(target), which is outside \(root)")
    }
    try put(bytes, at: target, mode: try fileSystem.permissions(of: target), using: fileSystem)
  }

  /// Writes `bytes` to the file at `path`, creating it or replacing it so that no reader ever
  /// sees it half-written.
  ///
  /// An existing file (or the file a symbolic link names, wherever it is) keeps its permissions;
  /// a new file gets `newFileMode`. The folder must exist. On any failure the temporary file is
  /// removed and what was at `path` is left as it was.
  public static func write<FileSystem: ReplacementFileSystem>(
    _ path: String, with bytes: [UInt8], newFileMode: UInt32, using fileSystem: FileSystem
  ) throws(FileWriteError) {
    if let target = fileSystem.canonicalPath(path) {
      try put(bytes, at: target, mode: try fileSystem.permissions(of: target), using: fileSystem)
      return
    }
    let folder = PlanPath.folder(of: path)
    guard let canonicalFolder = fileSystem.canonicalPath(folder), let name = path.split(separator: "/").last else {
      throw FileWriteError("the folder \(folder) does not exist")
    }
    let target = (canonicalFolder == "/" ? "/" : canonicalFolder + "/") + name
    try put(bytes, at: target, mode: newFileMode, using: fileSystem)
  }

  /// Writes a temporary file next to `target`, flushes it, gives it `mode` and renames it to `target`.
  private static func put<FileSystem: ReplacementFileSystem>(
    _ bytes: [UInt8], at target: String, mode: UInt32, using fileSystem: FileSystem
  ) throws(FileWriteError) {
    let name = target.split(separator: "/").last.map(String.init) ?? "plan.okr"
    let (handle, temporary) = try fileSystem.makeTemporaryFile(in: PlanPath.folder(of: target), namedAfter: name)
    var isOpen = true
    do throws(FileWriteError) {
      try fileSystem.write(bytes, to: handle)
      try fileSystem.synchronize(handle)
      try fileSystem.setPermissions(mode, of: handle)
      isOpen = false
      try fileSystem.close(handle)
      try fileSystem.rename(temporary, to: target)
    } catch {
      if isOpen { try? fileSystem.close(handle) }
      fileSystem.remove(temporary)
      throw error
    }
  }
}

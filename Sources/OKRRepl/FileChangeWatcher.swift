#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Notices when a loaded plan file changed on disk: its size, times or inode (editors that
/// save by renaming a new file make a new inode even within one timestamp tick).
struct FileChangeWatcher {
  private var stamps: [String: Stamp] = [:]

  private struct Stamp: Equatable {
    var size: Int
    var inode: UInt64
    var modified: timespec
    var changed: timespec

    static func == (lhs: Stamp, rhs: Stamp) -> Bool {
      lhs.size == rhs.size && lhs.inode == rhs.inode
        && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
        && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
    }
  }

  /// Remembers how `paths` look now.
  init(paths: [String]) {
    for path in paths { stamps[path] = FileChangeWatcher.stamp(path) }
  }

  /// The watched paths that changed (or disappeared) since the watcher was made.
  func changedPaths() -> [String] {
    stamps.compactMap { path, stamp in FileChangeWatcher.stamp(path) == stamp ? nil : path }.sorted()
  }

  private static func stamp(_ path: String) -> Stamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    #if canImport(Darwin)
      return Stamp(
        size: Int(info.st_size), inode: UInt64(info.st_ino), modified: info.st_mtimespec,
        changed: info.st_ctimespec)
    #else
      return Stamp(size: Int(info.st_size), inode: UInt64(info.st_ino), modified: info.st_mtim, changed: info.st_ctim)
    #endif
  }
}

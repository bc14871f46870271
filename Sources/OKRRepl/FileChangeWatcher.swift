#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Notices when a loaded plan file changed on disk (size or modification time).
struct FileChangeWatcher {
  private var stamps: [String: Stamp] = [:]

  private struct Stamp: Equatable {
    var size: Int
    var seconds: Int
    var nanoseconds: Int
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
      return Stamp(size: Int(info.st_size), seconds: info.st_mtimespec.tv_sec, nanoseconds: info.st_mtimespec.tv_nsec)
    #else
      return Stamp(size: Int(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
    #endif
  }
}

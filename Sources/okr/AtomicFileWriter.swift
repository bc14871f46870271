import OKRKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files on disk atomically (``AtomicReplacement`` over POSIX calls): a temporary
/// file from `mkstemp` in the same folder, written, `fsync`ed, `fchmod`ed to the original's
/// permissions (or a new file's) and renamed over the original.
struct AtomicFileWriter: ReplacementFileSystem {
  /// Replaces the file at `path` with `bytes`; see ``AtomicReplacement/replace(_:with:inside:using:)``.
  func replace(_ path: String, with bytes: [UInt8], inside root: String) throws(FileWriteError) {
    try AtomicReplacement.replace(path, with: bytes, inside: root, using: self)
  }

  /// Writes `bytes` to the file at `path`, creating it (with the permissions the umask allows)
  /// or replacing it; see ``AtomicReplacement/write(_:with:newFileMode:using:)``.
  func write(_ path: String, with bytes: [UInt8]) throws(FileWriteError) {
    let mask = umask(0)
    umask(mask)
    try AtomicReplacement.write(path, with: bytes, newFileMode: 0o666 & ~UInt32(mask), using: self)
  }

  func canonicalPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  func permissions(of path: String) throws(FileWriteError) -> UInt32 {
    var info = stat()
    guard stat(path, &info) == 0 else { throw failure("cannot read its permissions") }
    return UInt32(info.st_mode) & 0o7777
  }

  func makeTemporaryFile(in folder: String, namedAfter name: String) throws(FileWriteError) -> (
    handle: Int32, path: String
  ) {
    var template = Array((folder == "/" ? "/" : folder + "/").utf8CString.dropLast())
    template.append(contentsOf: ".\(name).okr-fmt-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      mkstemp(buffer.baseAddress!)
    }
    guard descriptor >= 0 else { throw failure("cannot create a temporary file in \(folder)") }
    let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    return (descriptor, path)
  }

  func write(_ bytes: [UInt8], to handle: Int32) throws(FileWriteError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        Glibc.write(handle, buffer.baseAddress! + offset, bytes.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw failure("cannot write the new text")
      }
      offset += written
    }
  }

  func synchronize(_ handle: Int32) throws(FileWriteError) {
    guard fsync(handle) == 0 else { throw failure("cannot flush the new text to the disk") }
  }

  func setPermissions(_ mode: UInt32, of handle: Int32) throws(FileWriteError) {
    guard fchmod(handle, mode_t(mode)) == 0 else { throw failure("cannot set the file's permissions") }
  }

  func close(_ handle: Int32) throws(FileWriteError) {
    guard Glibc.close(handle) == 0 else { throw failure("cannot close the new file") }
  }

  func rename(_ source: String, to destination: String) throws(FileWriteError) {
    guard Glibc.rename(source, destination) == 0 else { throw failure("cannot put the new file in place") }
    // Make the new directory entry durable too; a failure here loses nothing already written.
    let folder = PlanPath.folder(of: destination)
    let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
    if descriptor >= 0 {
      _ = fsync(descriptor)
      _ = Glibc.close(descriptor)
    }
  }

  func remove(_ path: String) {
    _ = unlink(path)
  }

  /// An error naming what failed and the system's reason.
  private func failure(_ what: String) -> FileWriteError {
    FileWriteError("\(what): \(String(cString: strerror(errno)))")
  }
}

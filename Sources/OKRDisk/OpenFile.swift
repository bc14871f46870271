import CFileMapping
import Dispatch
import OKRKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A regular file opened for reading, closed when the last reference goes.
final class OpenFile {
  let descriptor: Int32
  /// Its size when opened.
  let size: Int

  /// Opens the regular file at `path`. A FIFO, device or socket is refused without blocking, and so
  /// is a file larger than `limits` allow; other errors carry the system's message (`strerror`).
  init(_ path: String, limits: LoadLimits) throws(FileReadError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw FileReadError(String(cString: strerror(errno))) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let error = FileReadError(String(cString: strerror(errno)))
      close(descriptor)
      throw error
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      throw FileReadError("not a regular file (a FIFO, device or socket is never read)")
    }
    guard Int(info.st_size) <= limits.maximumFileSize else {
      close(descriptor)
      throw FileReadError("the file is larger than \(limits.maximumFileSize) bytes (OKR_MAX_FILE_SIZE)")
    }
    self.descriptor = descriptor
    self.size = Int(info.st_size)
  }

  deinit { close(descriptor) }

  /// Reads the file into `buffer` (room for ``size`` bytes): how many bytes were read, fewer when
  /// the file shrank or a read failed, and the error, if one did. A large file is read in pieces
  /// on all cores (copying and mapping its pages is most of the work).
  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> (read: Int, error: Int32?) {
    guard let start = buffer.baseAddress, size > 0 else { return (0, nil) }
    let (size, descriptor) = (min(size, buffer.count), descriptor)
    let pieceCount = size >= Self.parallelReadSize ? Self.coreCount : 1
    var results = [(read: Int, error: Int32?)](repeating: (0, nil), count: pieceCount)
    if pieceCount == 1 {
      results[0] = Self.read(descriptor, into: start, count: size, at: 0)
    } else {
      results.withUnsafeMutableBufferPointer { results in
        nonisolated(unsafe) let (start, results) = (start, results)
        DispatchQueue.concurrentPerform(iterations: pieceCount) { piece in
          let range = size * piece / pieceCount..<size * (piece + 1) / pieceCount
          results[piece] = Self.read(
            descriptor, into: start + range.lowerBound, count: range.count, at: range.lowerBound)
        }
      }
    }
    // The bytes up to the first piece that came back short (the file shrank) or failed.
    for (piece, result) in results.enumerated() {
      let pieceStart = size * piece / pieceCount
      let pieceSize = size * (piece + 1) / pieceCount - pieceStart
      if result.error != nil || result.read < pieceSize { return (pieceStart + result.read, result.error) }
    }
    return (size, nil)
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
}

/// A file mapped into memory for reading (CFileMapping), unmapped when the last reference goes.
/// Pages the file loses while mapped read as zeros, and ``isIntact`` turns false. Sendable: the
/// mapping is read-only and its slot is only read after it is made.
final class MappedFile: SourceMemory, @unchecked Sendable {
  private let slot: Int32
  let start: UnsafeRawPointer?
  let count: Int

  /// The first ``OpenFile/size`` bytes of `file`, mapped; nil when it cannot be mapped.
  init?(_ file: OpenFile) {
    let slot = okr_map_file(file.descriptor, file.size)
    guard slot >= 0 else { return nil }
    self.slot = slot
    self.start = okr_mapping_start(slot)
    self.count = file.size
  }

  deinit { okr_unmap_file(slot) }

  var isIntact: Bool { okr_mapping_was_cut(slot) == 0 }
}

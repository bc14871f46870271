#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs another program with `posix_spawn` (no shell, so arguments are never reinterpreted)
/// and collects what it writes.
enum Subprocess {
  /// What a finished program left behind.
  struct Result {
    /// The exit status, or 128 + the signal number when a signal ended it.
    var status: Int32
    var output: [UInt8]
    var errorOutput: [UInt8]

    /// Standard error as text, trimmed, for messages.
    var errorText: String {
      String(decoding: errorOutput, as: UTF8.self).trimmingWhitespace()
    }
  }

  /// Why a program could not be run at all.
  struct LaunchError: Error {
    var message: String
  }

  /// The path of the executable `name` in one of the folders of `PATH`, if any.
  static func findExecutable(_ name: String) -> String? {
    guard let path = getenv("PATH") else { return nil }
    for folder in String(cString: path).split(separator: ":", omittingEmptySubsequences: false) {
      let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
      var info = stat()
      if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
        return candidate
      }
    }
    return nil
  }

  /// Runs `executable` with `arguments` and waits for it. Its standard input is `input`, from a
  /// temporary file removed at once (so a program that stops reading early cannot stall or
  /// signal this one), or `/dev/null` when there is none.
  static func run(_ executable: String, _ arguments: [String], input: [UInt8]? = nil) throws(LaunchError) -> Result {
    let inputFile = try input.map { bytes throws(LaunchError) in try unlinkedFile(holding: bytes) }
    defer { if let inputFile { close(inputFile) } }
    let outputPipe = try makePipe()
    let errorPipe: [Int32]
    do {
      errorPipe = try makePipe()
    } catch {
      close(outputPipe[0])
      close(outputPipe[1])
      throw error
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let inputFile {
      posix_spawn_file_actions_adddup2(&actions, inputFile, STDIN_FILENO)
    } else {
      posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_adddup2(&actions, outputPipe[1], STDOUT_FILENO)
    posix_spawn_file_actions_adddup2(&actions, errorPipe[1], STDERR_FILENO)

    let cArguments = ([executable] + arguments).map { strdup($0) }
    defer { for argument in cArguments { free(argument) } }
    var argv = cArguments + [nil]
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
    close(outputPipe[1])
    close(errorPipe[1])
    guard spawned == 0 else {
      close(outputPipe[0])
      close(errorPipe[0])
      throw LaunchError(message: String(cString: strerror(spawned)))
    }
    let (output, errorOutput) = drain(outputPipe[0], errorPipe[0])
    close(outputPipe[0])
    close(errorPipe[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { throw LaunchError(message: systemError()) }
    }
    // The wait status: exit code in bits 8–15 when the low 7 bits are 0, else the signal.
    let signal = status & 0x7F
    return Result(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, output: output, errorOutput: errorOutput)
  }

  /// Reads both pipes to their end, whichever has data first, so neither can fill up and stall the child.
  private static func drain(_ output: Int32, _ error: Int32) -> ([UInt8], [UInt8]) {
    var collected: [[UInt8]] = [[], []]
    var descriptors = [
      pollfd(fd: output, events: Int16(POLLIN), revents: 0),
      pollfd(fd: error, events: Int16(POLLIN), revents: 0),
    ]
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while descriptors.contains(where: { $0.fd >= 0 }) {
      if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
        if errno == EINTR { continue }
        break
      }
      for index in descriptors.indices where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
        let count = buffer.withUnsafeMutableBytes { read(descriptors[index].fd, $0.baseAddress, $0.count) }
        if count > 0 {
          collected[index].append(contentsOf: buffer[0..<count])
        } else if count == 0 || errno != EINTR {
          descriptors[index].fd = -1
        }
      }
    }
    return (collected[0], collected[1])
  }

  /// A temporary file holding `bytes`, read from its start, with no name in any folder: it goes
  /// when its descriptor is closed (which a started program does not inherit). Made in
  /// `TMPDIR`, else in `/tmp`.
  private static func unlinkedFile(holding bytes: [UInt8]) throws(LaunchError) -> Int32 {
    var folders = ["/tmp"]
    if let folder = getenv("TMPDIR").map({ String(cString: $0) }), !folder.isEmpty, folder != "/tmp" {
      folders.insert(folder, at: 0)
    }
    var descriptor: Int32 = -1
    var problem = ""
    for folder in folders where descriptor < 0 {
      descriptor = nameless(in: folder)
      if descriptor < 0 { problem = systemError() }
    }
    guard descriptor >= 0 else {
      throw LaunchError(
        message: "cannot make a temporary file for its input in \(folders.joined(separator: " or ")): \(problem)")
    }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
      if count < 0 {
        if errno == EINTR { continue }
        let message = systemError()
        close(descriptor)
        throw LaunchError(message: "cannot write a temporary file for its input: \(message)")
      }
      written += count
    }
    guard lseek(descriptor, 0, SEEK_SET) == 0 else {
      let message = systemError()
      close(descriptor)
      throw LaunchError(message: "cannot read a temporary file back: \(message)")
    }
    return descriptor
  }

  /// A new file in `folder` with no name, closed when a program is started; -1 (and `errno`)
  /// when none can be made. Linux makes it nameless at once (`O_TMPFILE`); elsewhere, or on file
  /// systems without it, a named file is made and removed.
  private static func nameless(in folder: String) -> Int32 {
    #if os(Linux)
      let nameless = open(folder, O_RDWR | O_CLOEXEC | namelessFile, 0o600)
      if nameless >= 0 { return nameless }
    #endif
    var template = Array((folder + "/okr-input-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return -1 }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    return descriptor
  }

  #if os(Linux)
    /// `O_TMPFILE` (Linux 3.11), which the C library's Swift module does not name.
    private static let namelessFile: Int32 = 0o20200000
  #endif

  /// A pipe whose ends close when a program is started, so only the duplicated ends reach it.
  private static func makePipe() throws(LaunchError) -> [Int32] {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { throw LaunchError(message: systemError()) }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return ends
  }

  private static func systemError() -> String { String(cString: strerror(errno)) }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}

#if os(Linux)
  import Foundation
  import Glibc

  /// A program running in a pseudo-terminal, typed at as a person would.
  ///
  /// The child starts a new session and opens the terminal as its standard input,
  /// which makes it the session's controlling terminal: Ctrl-C typed into the
  /// terminal then raises SIGINT in the child, as in a real shell. It is started
  /// with `posix_spawn`, not `fork`, because the test process is multi-threaded.
  /// Every wait is bounded; the child is killed when the value goes away.
  final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
      let description: String
    }

    /// glibc's POSIX_SPAWN_SETSID (since 2.26), which Swift does not import because
    /// glibc declares it only for _GNU_SOURCE.
    private static let spawnNewSession: Int32 = 0x80

    private let pid: pid_t
    private let master: Int32
    private var output: [UInt8] = []
    /// Where the search for the next expected text starts in `output`.
    private var searchStart = 0
    private var reaped = false

    /// Starts `executable ARGUMENTS` in a new 80×24 terminal with exactly `environment`.
    init(executable: String, arguments extraArguments: [String] = [], environment: [String: String]) throws {
      var master: Int32 = -1
      var slave: Int32 = -1
      var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
      guard openpty(&master, &slave, nil, nil, &size) == 0 else {
        throw Failure(description: "openpty failed: errno \(errno)")
      }
      // The child reopens the terminal by name; neither descriptor should leak into it.
      defer { close(slave) }
      _ = fcntl(master, F_SETFD, FD_CLOEXEC)
      _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
      var name = [CChar](repeating: 0, count: 128)
      let named = ttyname_r(slave, &name, name.count)
      guard named == 0 else {
        close(master)
        throw Failure(description: "ttyname_r failed: errno \(named)")
      }

      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      // Opened after setsid, the terminal becomes the controlling terminal.
      posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, name, O_RDWR, 0)
      posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDOUT_FILENO)
      posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDERR_FILENO)

      var attributes = posix_spawnattr_t()
      posix_spawnattr_init(&attributes)
      defer { posix_spawnattr_destroy(&attributes) }
      var noSignals = sigset_t()
      sigemptyset(&noSignals)
      var interrupt = sigset_t()
      sigemptyset(&interrupt)
      sigaddset(&interrupt, SIGINT)
      posix_spawnattr_setsigmask(&attributes, &noSignals)
      posix_spawnattr_setsigdefault(&attributes, &interrupt)
      posix_spawnattr_setflags(
        &attributes, Int16(Self.spawnNewSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

      let arguments: [UnsafeMutablePointer<CChar>?] = ([executable] + extraArguments).map { strdup($0) } + [nil]
      let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
      defer {
        for string in arguments + variables { free(string) }
      }
      var pid: pid_t = 0
      let spawned = posix_spawn(&pid, executable, &actions, &attributes, arguments, variables)
      guard spawned == 0 else {
        close(master)
        throw Failure(description: "posix_spawn \(executable) failed: errno \(spawned)")
      }
      self.pid = pid
      self.master = master
    }

    deinit {
      if !reaped {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
      }
      close(master)
    }

    /// Types `keys` once the child is waiting for them, or at once with `whenReading`
    /// false (to press a key while the child is still busy with earlier ones).
    ///
    /// Keys typed before the child first waits would reach a terminal still in its
    /// line-by-line mode, which echoes them itself and swallows a Ctrl-D.
    func send(_ keys: String, whenReading: Bool = true) throws {
      if whenReading { try waitUntilReading() }
      var bytes = Array(keys.utf8)[...]
      while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        if written < 0 {
          if errno == EINTR { continue }
          throw Failure(description: "writing to the terminal failed: errno \(errno)")
        }
        bytes = bytes.dropFirst(written)
      }
    }

    /// Waits until `text` appears in the output after the previous expected text.
    func expect(_ text: String, within timeout: Duration = .seconds(10)) throws {
      let wanted = Array(text.utf8)
      let deadline = ContinuousClock.now + timeout
      while true {
        if let found = output[searchStart...].firstRange(of: wanted) {
          searchStart = found.upperBound
          return
        }
        let remaining = deadline - .now
        guard remaining > .zero, readOutput(waitingAtMost: remaining) else {
          throw Failure(
            description:
              "no \(text.debugDescription) in the terminal output: \(transcript.debugDescription)")
        }
      }
    }

    /// Waits until `text` appears as the end of a line (the terminal turns "\n" into "\r\n").
    func expectLine(_ text: String) throws {
      try expect(text + "\r\n")
    }

    /// Waits until the child is blocked reading keys in libedit's raw mode: the
    /// terminal has left line-by-line (canonical) mode and the child sleeps.
    private func waitUntilReading(within timeout: Duration = .seconds(10)) throws {
      let deadline = ContinuousClock.now + timeout
      while ContinuousClock.now < deadline {
        var settings = termios()
        if tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) == 0, childSleeps {
          return
        }
        usleep(2_000)
      }
      throw Failure(
        description: "the child never waited for keys; output: \(transcript.debugDescription)")
    }

    /// Whether the child's main thread sleeps, from "pid (name) state …" in
    /// /proc/<pid>/stat (the name may contain spaces and parentheses).
    private var childSleeps: Bool {
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let nameEnd = stat.lastIndex(of: ")")
      else { return false }
      return stat[nameEnd...].dropFirst(2).first == "S"
    }

    /// Waits for the child to exit and returns its exit status.
    func waitForExit(within timeout: Duration = .seconds(10)) throws -> Int32 {
      let deadline = ContinuousClock.now + timeout
      while ContinuousClock.now < deadline {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
          reaped = true
          let signal = status & 0x7f
          guard signal == 0 else {
            throw Failure(
              description:
                "the child died of signal \(signal); output: \(transcript.debugDescription)")
          }
          return (status >> 8) & 0xff
        }
        // Keep reading so the child never blocks on a full terminal.
        _ = readOutput(waitingAtMost: .milliseconds(20))
      }
      throw Failure(description: "the child did not exit; output: \(transcript.debugDescription)")
    }

    private var transcript: String {
      String(decoding: output, as: UTF8.self)
    }

    /// Appends whatever output arrives within `timeout`; false once the terminal is closed.
    private func readOutput(waitingAtMost timeout: Duration) -> Bool {
      var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      let (seconds, attoseconds) = timeout.components
      let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
      let ready = poll(&descriptor, 1, milliseconds)
      guard ready > 0 else { return ready == 0 || errno == EINTR }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = read(master, &buffer, buffer.count)
      guard count > 0 else { return count < 0 && errno == EINTR }
      output += buffer[..<count]
      return true
    }
  }
#endif

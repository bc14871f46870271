import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// When to colour output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never

  /// Whether output to standard output should be coloured.
  var isEnabled: Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
      if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
      return isatty(STDOUT_FILENO) == 1
    }
  }
}

/// Text or JSON output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// Writes to standard output or standard error without Foundation.
enum Output {
  static func write(_ text: String) {
    var text = text
    text.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// Writes `bytes` to standard output, all of them unless writing fails.
  static func write(bytes buffer: UnsafeRawBufferPointer) {
    var offset = 0
    while offset < buffer.count {
      let written = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }

  static func line(_ text: String) { write(text + "\n") }

  static func error(_ text: String) {
    var text = text + "\n"
    text.withUTF8 { buffer in _ = Glibc.write(STDERR_FILENO, buffer.baseAddress!, buffer.count) }
  }
}

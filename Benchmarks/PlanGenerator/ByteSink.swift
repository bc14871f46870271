#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure the generator reports to the user instead of crashing.
struct GeneratorError: Error, CustomStringConvertible {
  let description: String
}

/// Collects the UTF-8 bytes of a plan and writes them to a file in blocks of a megabyte.
///
/// A value type used through `inout`, so appending needs no dynamic exclusivity checks.
/// Call `close()` when done; bytes still buffered are written then.
struct ByteSink {
  private static let blockSize = 1 << 20

  private let file: UnsafeMutablePointer<FILE>
  private let path: String
  private var buffer: [UInt8] = []

  /// The bytes written to the file so far: all of them once `close()` has returned.
  private(set) var byteCount = 0

  /// A sink that creates (or truncates) the file at `path`.
  init(path: String) throws {
    guard let file = fopen(path, "wb") else {
      throw GeneratorError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
    self.init(file: file, path: path)
  }

  /// A sink that writes to standard output.
  static func standardOutput() throws -> ByteSink {
    guard let file = fdopen(STDOUT_FILENO, "wb") else {
      throw GeneratorError(description: "cannot write to standard output")
    }
    return ByteSink(file: file, path: "standard output")
  }

  private init(file: UnsafeMutablePointer<FILE>, path: String) {
    self.file = file
    self.path = path
    buffer.reserveCapacity(Self.blockSize + 4096)
  }

  /// Appends the bytes of a literal.
  mutating func write(_ text: StaticString) {
    text.withUTF8Buffer { buffer.append(contentsOf: $0) }
  }

  /// Appends raw UTF-8 bytes.
  mutating func write(_ bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
  }

  /// Appends raw UTF-8 bytes.
  mutating func write(_ bytes: ArraySlice<UInt8>) {
    buffer.append(contentsOf: bytes)
  }

  /// Appends the decimal digits of a non-negative integer.
  mutating func write(number: Int) {
    var digitCount = 1
    var rest = number
    while rest >= 10 {
      rest /= 10
      digitCount += 1
    }
    buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digitCount))
    var index = buffer.count
    rest = number
    repeat {
      index -= 1
      buffer[index] &+= UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
    } while rest > 0
  }

  /// Appends a fixed-point number given in tenths, e.g. 45 as `4.5` and 40 as `4.0`.
  mutating func write(tenths: Int) {
    write(number: tenths / 10)
    buffer.append(UInt8(ascii: "."))
    buffer.append(UInt8(ascii: "0") + UInt8(tenths % 10))
  }

  /// Writes the buffer out if it has grown to a block; call between statements.
  mutating func flushIfFull() throws {
    if buffer.count >= Self.blockSize { try flush() }
  }

  /// Writes whatever is buffered and closes the file.
  mutating func close() throws {
    try flush()
    guard fclose(file) == 0 else {
      throw GeneratorError(description: "cannot finish writing \(path): \(String(cString: strerror(errno)))")
    }
  }

  private mutating func flush() throws {
    let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    guard written == buffer.count else {
      throw GeneratorError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
    byteCount += buffer.count
    buffer.removeAll(keepingCapacity: true)
  }
}

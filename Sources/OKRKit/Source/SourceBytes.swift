/// The bytes of a source file, in memory that stays put: read into memory of their own, or
/// mapped from the file by whoever supplies them (see ``SourceMemory``).
///
/// The lexer, the parser and everything that shows text read them through pointers; a large plan
/// mapped from the page cache is never copied.
public struct SourceBytes: RandomAccessCollection, Sendable {
  /// One reference, so that copying a ``SourceFile`` stays cheap.
  private let storage: Storage

  private final class Storage: @unchecked Sendable {
    let start: UnsafeRawPointer?
    let count: Int
    /// What keeps the bytes alive.
    let memory: any SourceMemory

    init(start: UnsafeRawPointer?, count: Int, memory: any SourceMemory) {
      (self.start, self.count, self.memory) = (start, count, memory)
    }
  }

  /// A copy of `bytes`.
  public init(_ bytes: [UInt8]) {
    self.init(count: bytes.count) { buffer in
      _ = buffer.initialize(from: bytes)
      return bytes.count
    }
  }

  /// Up to `count` bytes written by `initialize` into fresh memory; it returns how many it wrote,
  /// or throws.
  public init<Failure: Error>(
    count: Int, initializingWith initialize: (UnsafeMutableBufferPointer<UInt8>) throws(Failure) -> Int
  ) throws(Failure) {
    let memory = AllocatedMemory(count: count)
    let written = try initialize(memory.buffer)
    precondition(written >= 0 && written <= count, "more bytes written than there was room for")
    self.init(memory: memory, count: written)
  }

  /// The first `count` bytes of `memory` (which they keep alive).
  public init(memory: any SourceMemory, count: Int) {
    precondition(count >= 0 && count <= memory.count, "more bytes than the memory holds")
    storage = Storage(start: memory.start, count: count, memory: memory)
  }

  public var count: Int { storage.count }

  /// False when some bytes could not be read as the file had them: a mapped file that another
  /// program shrank reads as zeros past its new end.
  public var isIntact: Bool { storage.memory.isIntact }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  public subscript(position: Int) -> UInt8 {
    precondition(position >= 0 && position < count, "index out of range")
    return storage.start.unsafelyUnwrapped.load(fromByteOffset: position, as: UInt8.self)
  }

  /// Calls `body` with the bytes; the pointer is valid only during the call.
  @inline(__always)
  public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result
  {
    // The memory lives at least until `body` is done with it.
    defer { _fixLifetime(storage) }
    return try body(
      UnsafeBufferPointer(start: storage.start?.assumingMemoryBound(to: UInt8.self), count: storage.count))
  }

  /// Calls `body` with the bytes, untyped; the pointer is valid only during the call.
  @inline(__always)
  public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    defer { _fixLifetime(storage) }
    return try body(UnsafeRawBufferPointer(start: storage.start, count: storage.count))
  }

  public func withContiguousStorageIfAvailable<Result>(
    _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result? {
    try withUnsafeBufferPointer { buffer in try body(buffer) }
  }

  /// The bytes of `range`, decoded as UTF-8 (invalid sequences become U+FFFD).
  public func text(_ range: Range<Int>) -> String {
    withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
  }
}

/// Memory holding a file's bytes for ``SourceBytes``, released when the last of them goes.
public protocol SourceMemory: AnyObject, Sendable {
  /// The first byte; nil only when ``count`` is 0.
  var start: UnsafeRawPointer? { get }
  var count: Int { get }
  /// False when some bytes could not be read as the file had them (see ``SourceBytes/isIntact``).
  var isIntact: Bool { get }
}

/// Bytes in memory of their own.
private final class AllocatedMemory: SourceMemory, @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<UInt8>

  init(count: Int) { buffer = .allocate(capacity: count) }

  deinit { buffer.deallocate() }

  var start: UnsafeRawPointer? { UnsafeRawPointer(buffer.baseAddress) }
  var count: Int { buffer.count }
  var isIntact: Bool { true }
}

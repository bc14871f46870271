/// Identifies one loaded source file within a ``SourceMap``.
public struct FileID: Hashable, Sendable, Comparable {
  /// The file's position in ``SourceMap/files``.
  public let index: Int32

  public init(_ index: Int32) { self.index = index }

  public static func < (lhs: FileID, rhs: FileID) -> Bool { lhs.index < rhs.index }
}

/// A half-open range of UTF-8 byte offsets within one source file.
public struct Span: Hashable, Sendable {
  public var start: UInt32
  public var end: UInt32

  public init(start: UInt32, end: UInt32) {
    self.start = start
    self.end = end
  }

  /// The smallest span covering both spans.
  public func union(_ other: Span) -> Span {
    Span(start: min(start, other.start), end: max(end, other.end))
  }

  /// The number of bytes covered.
  public var length: Int { Int(end - start) }
}

/// A span in a particular file: where a diagnostic or a declaration is.
public struct SourceLocation: Hashable, Sendable {
  public var file: FileID
  public var span: Span

  public init(file: FileID, span: Span) {
    self.file = file
    self.span = span
  }
}

/// The text of one plan file, kept as UTF-8 bytes.
public struct SourceFile: Sendable {
  public let id: FileID
  /// The path as the user named it (used in diagnostics).
  public let path: String
  public let bytes: [UInt8]

  public init(id: FileID, path: String, bytes: [UInt8]) {
    self.id = id
    self.path = path
    self.bytes = bytes
  }

  /// The bytes of `span`, decoded as UTF-8 (invalid sequences become U+FFFD).
  public func text(_ span: Span) -> String {
    let end = min(Int(span.end), bytes.count)
    let start = min(Int(span.start), end)
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}

/// All source files of a plan, addressed by ``FileID``.
public struct SourceMap: Sendable {
  public private(set) var files: [SourceFile] = []

  public init() {}

  /// Adds a file and returns its id.
  @discardableResult
  public mutating func add(path: String, bytes: [UInt8]) -> FileID {
    let id = FileID(Int32(files.count))
    files.append(SourceFile(id: id, path: path, bytes: bytes))
    return id
  }

  public subscript(id: FileID) -> SourceFile { files[Int(id.index)] }
}

/// A line and column, both counted from 1; columns count characters, not bytes.
public struct LineColumn: Hashable, Sendable {
  public var line: Int
  public var column: Int
}

/// Maps byte offsets of one file to lines and columns.
///
/// Built on demand (only when something is shown to a user), so checking a
/// large plan without diagnostics never pays for it.
public struct LineTable: Sendable {
  /// The byte offset at which each line starts.
  public let lineStarts: [Int]
  private let bytes: [UInt8]

  public init(_ bytes: [UInt8]) {
    var starts = [0]
    bytes.withUnsafeBufferPointer { buffer in
      for index in buffer.indices where buffer[index] == UInt8(ascii: "\n") {
        starts.append(index + 1)
      }
    }
    self.lineStarts = starts
    self.bytes = bytes
  }

  /// The 0-based index of the line containing `offset`.
  public func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The 1-based line and character column of `offset`.
  public func location(of offset: Int) -> LineColumn {
    var mark: ColumnMark?
    return location(of: offset, resumingAt: &mark)
  }

  /// A character boundary whose column is known, from which counting columns may go on.
  struct ColumnMark {
    var offset: Int
    var column: Int
  }

  /// Like ``location(of:)``, but counts on from `mark` when it lies on the same line at or
  /// before `offset`, then moves `mark` there: asking for ascending offsets, as a renderer of
  /// sorted diagnostics does, costs linear time even when they all sit on one long line.
  func location(of offset: Int, resumingAt mark: inout ColumnMark?) -> LineColumn {
    let clamped = max(0, min(offset, bytes.count))
    let line = lineIndex(of: clamped)
    var index = lineStarts[line]
    var column = 1
    if let known = mark, known.offset >= index, known.offset <= clamped {
      index = known.offset
      column = known.column
    }
    while index < clamped {
      let next = index + LineTable.characterLength(in: bytes, at: index, end: bytes.count)
      // An offset inside a multi-byte character belongs to that character.
      if next > clamped { break }
      index = next
      column += 1
    }
    mark = ColumnMark(offset: index, column: column)
    return LineColumn(line: line + 1, column: column)
  }

  /// The number of bytes of the character at `offset` (before `end`): a valid UTF-8 sequence,
  /// or a maximal invalid one, which is shown as one U+FFFD and so counts as one column.
  static func characterLength(in bytes: [UInt8], at offset: Int, end: Int) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes[offset..<min(offset + 4, end)].makeIterator()
    switch parser.parseScalar(from: &iterator) {
    case .valid(let encoded): return encoded.count
    case .error(let length): return max(1, length)
    case .emptyInput: return 1
    }
  }

  /// The byte range of a 0-based line, without its line terminator.
  public func lineRange(_ lineIndex: Int) -> Range<Int> {
    let start = lineStarts[lineIndex]
    var end = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return start..<max(start, end)
  }
}

/// A JSON value with object keys kept in insertion order, so output is stable.
public enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number: written as an integer when whole, else rounded to 6 decimals; `null` when not finite.
  case number(Double)
  /// A string; quotes, backslashes and control characters are escaped when written.
  case string(String)
  /// An ordered list of values.
  case array([JSONValue])
  /// An object's members as key–value pairs, written in this order.
  case object([(String, JSONValue)])

  /// Whether two values are the same; objects compare their members in order.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// An integer value.
  public static func int(_ value: Int) -> JSONValue { .number(Double(value)) }

  /// The member named `key` of an object, if any.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The value as JSON text: compact, or indented by two spaces.
  public func serialized(pretty: Bool = true) -> String {
    var writer = JSONWriter(pretty: pretty)
    writer.write(self, indent: 0)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// Writes the object of `members` as JSON text, as ``serialized(pretty:)`` writes it, to
  /// `sink`, a piece of about a megabyte at a time, each list's elements made only as they are
  /// written, then `trailer`.
  static func write(
    members: [(String, JSONMember)], pretty: Bool, trailer: StaticString = "",
    to sink: (UnsafeRawBufferPointer) -> Void
  ) {
    withoutActuallyEscaping(sink) { sink in
      var writer = JSONWriter(pretty: pretty, sink: sink)
      writer.writeObject(members, indent: 0)
      trailer.withUTF8Buffer { writer.bytes.append(contentsOf: $0) }
      writer.flush()
    }
  }

  /// Numbers print as integers when they are whole, else with up to 6 decimals.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(Double((value * 1_000_000).rounded()) / 1_000_000)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }
}

/// A member of an object: a value, or a list of `count` values made one at a time by `element`
/// (for documents too large to hold as values all at once). Written to a sink, a long list's
/// values are made on all cores: `element` must allow being called from several threads at once.
enum JSONMember {
  case value(JSONValue)
  case list(count: Int, element: (Int) -> JSONValue)

  /// The member as one value.
  var value: JSONValue {
    switch self {
    case .value(let value): value
    case .list(let count, let element): .array((0..<count).map(element))
    }
  }
}

/// Writes JSON text as UTF-8 bytes: a plan's export runs to tens of megabytes, and appending to a
/// `String` scalar by scalar cost most of the time it took.
private struct JSONWriter {
  fileprivate(set) var bytes: [UInt8] = []
  let pretty: Bool
  /// Where the text goes once a list's element takes it past ``flushSize``; nil to keep it all.
  private let sink: ((UnsafeRawBufferPointer) -> Void)?
  private static let flushSize = 1 << 20

  init(pretty: Bool, sink: ((UnsafeRawBufferPointer) -> Void)? = nil) {
    self.pretty = pretty
    self.sink = sink
  }

  /// Hands the text written so far to the sink, if there is one.
  mutating func flush() {
    guard let sink else { return }
    bytes.withUnsafeBytes(sink)
    bytes.removeAll(keepingCapacity: true)
  }

  mutating func write(_ value: JSONValue, indent: Int) {
    switch value {
    case .null: append("null")
    case .bool(let value): append(value ? "true" : "false")
    case .number(let value): bytes.append(contentsOf: JSONValue.format(value).utf8)
    case .string(let value): writeString(value)
    case .array(let items):
      writeItems(items.count, indent: indent, in: Self.arrayBrackets) { $0.write(items[$1], indent: indent + 1) }
    case .object(let members):
      writeItems(members.count, indent: indent, in: Self.objectBrackets) { writer, index in
        writer.writeKey(members[index].0)
        writer.write(members[index].1, indent: indent + 1)
      }
    }
  }

  /// An object of `members`, written as ``write(_:indent:)`` writes the same ``JSONValue/object(_:)``;
  /// the text goes to the sink, if there is one, as a list's elements take it past ``flushSize``.
  mutating func writeObject(_ members: [(String, JSONMember)], indent: Int) {
    writeItems(members.count, indent: indent, in: Self.objectBrackets) { writer, index in
      writer.writeKey(members[index].0)
      switch members[index].1 {
      case .value(let value): writer.write(value, indent: indent + 1)
      case .list(let count, let element): writer.writeList(count, element: element, indent: indent + 1)
      }
    }
  }

  /// A list of `count` values made by `element`, written as the same array would be. Streamed, a
  /// long one is made and written in pieces on all cores (so `element` must allow being called
  /// from several threads at once), a few pieces at a time, and passed on in order.
  private mutating func writeList(_ count: Int, element: (Int) -> JSONValue, indent: Int) {
    let pieceSize = 256
    guard sink != nil, count >= 2 * pieceSize, ParallelWork.coreCount > 1 else {
      return writeItems(count, indent: indent, in: Self.arrayBrackets) { writer, index in
        writer.write(element(index), indent: indent + 1)
        if writer.bytes.count >= Self.flushSize { writer.flush() }
      }
    }
    let pretty = pretty
    let pieces = ParallelWork.pieces(of: count, size: pieceSize)
    let wave = ParallelWork.coreCount * 4
    bytes.append(Self.arrayBrackets.open)
    for first in stride(from: 0, to: pieces.count, by: wave) {
      let texts = ParallelWork.map(Array(pieces[first..<min(first + wave, pieces.count)])) { piece in
        var writer = JSONWriter(pretty: pretty)
        for index in piece {
          if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
          writer.newline(indent: indent + 1)
          writer.write(element(index), indent: indent + 1)
        }
        return writer.bytes
      }
      for text in texts {
        bytes.append(contentsOf: text)
        if bytes.count >= Self.flushSize { flush() }
      }
    }
    newline(indent: indent)
    bytes.append(Self.arrayBrackets.close)
  }

  private static let arrayBrackets = (open: UInt8(ascii: "["), close: UInt8(ascii: "]"))
  private static let objectBrackets = (open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))

  /// The opening bracket, then `count` items separated by commas (each on a line of its own when
  /// pretty, written by `item`), then the closing bracket.
  private mutating func writeItems(
    _ count: Int, indent: Int, in brackets: (open: UInt8, close: UInt8), item: (inout JSONWriter, Int) -> Void
  ) {
    bytes.append(brackets.open)
    guard count > 0 else { return bytes.append(brackets.close) }
    for index in 0..<count {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      newline(indent: indent + 1)
      item(&self, index)
    }
    newline(indent: indent)
    bytes.append(brackets.close)
  }

  /// A member's key and what follows it.
  private mutating func writeKey(_ key: String) {
    writeString(key)
    append(pretty ? ": " : ":")
  }

  private mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// When pretty: a line break and two spaces per level.
  private mutating func newline(indent: Int) {
    guard pretty else { return }
    bytes.append(UInt8(ascii: "\n"))
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
  }

  /// Writes a string literal, escaping quotes, backslashes and every control character (C0, DEL
  /// and C1), and the line and paragraph separators (U+2028, U+2029), which some JavaScript
  /// readers take for line ends. The rest is copied as it is, a run at a time.
  private mutating func writeString(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { text in
      var runStart = 0
      var index = 0
      while index < text.count {
        let byte = text[index]
        // The escaped character's scalar and how many bytes it takes; nil to copy the byte.
        let escaped: (scalar: UInt32, length: Int)?
        switch byte {
        case 0x20..<0x7F where byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\"): escaped = nil
        case 0..<0x80: escaped = (UInt32(byte), 1)
        // U+0080–U+009F are C2 80–C2 9F; U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        case 0xC2 where index + 1 < text.count && text[index + 1] <= 0x9F: escaped = (UInt32(text[index + 1]), 2)
        case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80 && (text[index + 2] & 0xFE) == 0xA8:
          escaped = (0x2028 + UInt32(text[index + 2] & 1), 3)
        default: escaped = nil
        }
        guard let (scalar, length) = escaped else {
          index += 1
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
        writeEscape(scalar)
        index += length
        runStart = index
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// `\"`, `\\`, `\n`, `\t`, `\r`, or `\u` and four lowercase hexadecimal digits.
  private mutating func writeEscape(_ scalar: UInt32) {
    switch scalar {
    case 0x22: append("\\\"")
    case 0x5C: append("\\\\")
    case 0x0A: append("\\n")
    case 0x09: append("\\t")
    case 0x0D: append("\\r")
    default:
      append("\\u")
      let digits: StaticString = "0123456789abcdef"
      digits.withUTF8Buffer { digits in
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(digits[Int(scalar >> UInt32(shift) & 0xF)]) }
      }
    }
  }
}

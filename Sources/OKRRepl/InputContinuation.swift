/// Decides whether a query continues on the next line: an unclosed `(` or string.
enum InputContinuation {
  /// True when `text` has more `(` than `)` outside strings, or ends inside a string.
  static func needsMore(_ text: String) -> Bool {
    var depth = 0
    var inString = false
    var escaped = false
    for byte in text.utf8 {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "("): depth += 1
      case UInt8(ascii: ")"): depth -= 1
      default: break
      }
    }
    return inString || depth > 0
  }
}

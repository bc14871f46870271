/// Splits UTF-8 bytes into tokens on demand.
///
/// Works directly on the bytes: no per-token allocation. Spaces and tabs are
/// skipped (they are the gaps between spans); comments are recorded in
/// ``comments`` instead of being returned, so the parser never sees them but the
/// formatter can put them back. Problems with literals and encoding are appended
/// to ``diagnostics``.
struct Lexer {
  let bytes: UnsafeBufferPointer<UInt8>
  /// What each byte value can be in a token (``ByteClass``), for the loops over a token's bytes.
  private let classes = ByteClass.table
  /// The classes of the last byte (all of them when there is none): a run of bytes of a class
  /// the last byte is not stops within the bytes, so its loop need not test where they end.
  private let lastClasses: UInt8
  let file: FileID
  private(set) var position: Int
  /// Every comment, `#` included, in source order.
  private(set) var comments: [Span] = []
  private(set) var diagnostics: [Diagnostic] = []
  /// Past this many diagnostics, problems are no longer recorded (the parser then gives up).
  var reportLimit = Int.max
  /// Whether a problem went unrecorded because of ``reportLimit``.
  private(set) var droppedReports = false
  /// Whether a problem was met, recorded or not (``diagnostics`` is not empty or
  /// ``droppedReports`` is set): one flag for the parser to test at every token.
  private(set) var hasProblems = false
  /// The value of the last plain number token lexed (``number(at:)``), read as its digits were
  /// skipped, and where that token starts (`UInt32.max` for none).
  private var lastNumberStart = UInt32.max
  private var lastNumberValue = 0.0
  private var lastNumberIsPercent = false
  /// The year, month and day of the last `YYYY-MM-DD` date token lexed (``date(at:)``), and where
  /// that token starts (`UInt32.max` for none).
  private var lastDateStart = UInt32.max
  private var lastDate = (year: 0, month: 0, day: 0)

  init(bytes: UnsafeBufferPointer<UInt8>, file: FileID, start: Int = 0) {
    self.bytes = bytes
    self.file = file
    self.position = start
    lastClasses = bytes.last.map { ByteClass.table[Int($0)] } ?? .max
    // A byte-order mark at the start of a file is ignored.
    if start == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
  }

  /// The next token; `.endOfFile` forever once the input is used up.
  mutating func next() -> Token {
    // The run of blanks first, in locals (the hot loop of the lexer: every line is indented and
    // most tokens are followed by a space). Then the commonest tokens: a plain identifier, the end
    // of a line, a number, a string, a brace or a dot; the rest (and comments, which are rare) go the
    // long way.
    var index = position
    skip(ByteClass.blank, from: &index)
    position = index
    guard index < bytes.count else { return token(.endOfFile, from: index) }
    let byte = bytes[index]
    if classes[Int(byte)] & ByteClass.identifierStart != 0 {
      return lexIdentifier()
    } else if byte == UInt8(ascii: "\n") {
      position = index + 1
      return token(.newline, from: index)
    } else if isDigit(byte) {
      return lexNumberOrDate()
    } else if byte == UInt8(ascii: "\"") {
      return lexString()
    } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
      // Every block opens and closes with one.
      position = index + 1
      return token(byte == UInt8(ascii: "{") ? .leftBrace : .rightBrace, from: index)
    } else if byte == UInt8(ascii: "."), peek(1) != UInt8(ascii: ".") {
      // Every reference to an objective or key result has one or two.
      position = index + 1
      return token(.dot, from: index)
    }
    return nextTheLongWay()
  }

  /// The token starting at ``position``, past any blanks: a comment first, then anything.
  @inline(never) private mutating func nextTheLongWay() -> Token {
    if position < bytes.count, bytes[position] == UInt8(ascii: "#") { skipComment() }
    let start = position
    guard position < bytes.count else { return token(.endOfFile, from: start) }
    let byte = bytes[position]
    switch byte {
    case UInt8(ascii: "\n"):
      position += 1
      return token(.newline, from: start)
    case UInt8(ascii: "\""):
      return lexString()
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      return lexNumberOrDate()
    case UInt8(ascii: "-"):
      if peek(1) == UInt8(ascii: ">") {
        position += 2
        return token(.arrow, from: start)
      }
      if let next = peek(1), isDigit(next) { return lexNumberOrDate() }
      return lexInvalid()
    case UInt8(ascii: "."):
      if peek(1) == UInt8(ascii: ".") {
        position += 2
        return token(.dotDot, from: start)
      }
      position += 1
      return token(.dot, from: start)
    case UInt8(ascii: ","): return single(.comma)
    case UInt8(ascii: ";"): return single(.semicolon)
    case UInt8(ascii: ":"): return single(.colon)
    case UInt8(ascii: "{"): return single(.leftBrace)
    case UInt8(ascii: "}"): return single(.rightBrace)
    case UInt8(ascii: "("): return single(.leftParen)
    case UInt8(ascii: ")"): return single(.rightParen)
    case UInt8(ascii: "="): return single(.equal)
    case UInt8(ascii: "!"):
      if peek(1) == UInt8(ascii: "=") {
        position += 2
        return token(.notEqual, from: start)
      }
      return lexInvalid()
    case UInt8(ascii: "<"):
      if peek(1) == UInt8(ascii: "=") {
        position += 2
        return token(.lessEqual, from: start)
      }
      return single(.less)
    case UInt8(ascii: ">"):
      if peek(1) == UInt8(ascii: "=") {
        position += 2
        return token(.greaterEqual, from: start)
      }
      return single(.greater)
    default:
      if isIdentifierStart(byte) { return lexIdentifier() }
      if byte >= 0x80, let length = validSequenceLength(at: position) {
        position += length
        while position < bytes.count, isIdentifierContinue(bytes[position]) {
          if bytes[position] >= 0x80 {
            guard let length = validSequenceLength(at: position) else { break }
            position += length
          } else {
            position += 1
          }
        }
        return token(.identifier, from: start)
      }
      return lexInvalid()
    }
  }

  // MARK: - Pieces

  /// Moves `index` past the bytes of class `byteClass` from it on (in locals: the lexer's hot loops).
  @inline(__always) private func skip(_ byteClass: UInt8, from index: inout Int) {
    let (bytes, end, classes) = (self.bytes, self.bytes.count, self.classes)
    // `index` stays below `end`, so it cannot overflow: no test for that either.
    if lastClasses & byteClass == 0 {
      guard index < end else { return }
      while classes[Int(bytes[index])] & byteClass != 0 { index &+= 1 }
    } else {
      while index < end, classes[Int(bytes[index])] & byteClass != 0 { index &+= 1 }
    }
  }

  private func peek(_ offset: Int) -> UInt8? {
    position + offset < bytes.count ? bytes[position + offset] : nil
  }

  private func token(_ kind: TokenKind, from start: Int) -> Token {
    Token(kind: kind, span: Span(start: UInt32(start), end: UInt32(position)))
  }

  private mutating func single(_ kind: TokenKind) -> Token {
    position += 1
    return token(kind, from: position - 1)
  }

  /// Skips the comment starting here, up to the end of its line (the newline is a token), and
  /// records it.
  private mutating func skipComment() {
    let start = position
    var reported = false
    while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
      if bytes[position] >= 0x80 {
        if let length = validSequenceLength(at: position) {
          position += length
        } else {
          // One report per comment: a file in another encoding is one problem, not one per accent.
          skipInvalidUTF8(in: " in a comment", reporting: !reported)
          reported = true
        }
        continue
      }
      position += 1
    }
    comments.append(Span(start: UInt32(start), end: UInt32(position)))
  }

  @inline(__always) private mutating func lexIdentifier() -> Token {
    let start = position
    // ASCII letters, digits and `_` in locals first: most identifiers are nothing else.
    var index = position + 1
    skip(ByteClass.wordCharacter, from: &index)
    position = index
    guard index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] >= 0x80 else {
      return token(.identifier, from: start)
    }
    return lexIdentifierRest(from: start)
  }

  /// The rest of the identifier starting at `start`, from ``position`` on: a `-` or a byte
  /// outside ASCII may continue it.
  @inline(never) private mutating func lexIdentifierRest(from start: Int) -> Token {
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "-") {
        // `unit->team`: the arrow is not part of the name.
        if peek(1) == UInt8(ascii: ">") { break }
        position += 1
      } else if byte >= 0x80 {
        guard let length = validSequenceLength(at: position) else { break }
        position += length
      } else if isIdentifierContinue(byte) {
        position += 1
      } else {
        break
      }
    }
    return token(.identifier, from: start)
  }

  /// The value of the plain number token (`-?DIGITS[.DIGITS][%]`, underscores allowed, at most 15
  /// digits) that starts at `span` and was the last number token lexed; nil otherwise, when the
  /// parser reads it from its bytes (``PlainLiterals/number(_:)``, which gives the same value).
  func number(at span: Span) -> (value: Double, isPercent: Bool)? {
    lastNumberStart == span.start ? (lastNumberValue, lastNumberIsPercent) : nil
  }

  /// The year, month and day of the `YYYY-MM-DD` date token that starts at `span` and was the last
  /// date token lexed; nil otherwise, when the parser reads them from its bytes
  /// (``PlainLiterals/date(_:)``, which reads the same numbers).
  func date(at span: Span) -> (year: Int, month: Int, day: Int)? {
    lastDateStart == span.start ? lastDate : nil
  }

  /// Numbers, dates (`2026-02-15`) and periods (`2026-Q1`, `2026-H2`, `2026-03`).
  private mutating func lexNumberOrDate() -> Token {
    let start = position
    let isNegative = bytes[position] == UInt8(ascii: "-")
    if isNegative { position += 1 }
    let digitsStart = position
    var underscores = 0
    var mantissa = 0
    skipDigits(countingUnderscores: &underscores, into: &mantissa)
    let digitCount = position - digitsStart
    let integerDigits = digitCount - underscores
    // Four digits and a dash: a date or a period.
    if start == digitsStart, digitCount == 4, peek(0) == UInt8(ascii: "-"), let next = peek(1) {
      // `2026-Q1`, `2026-H2`; any other letter (`2026-q1`) makes a period token that
      // the parser rejects with a helpful message.
      if isIdentifierStart(next) {
        position += 2
        while position < bytes.count, isIdentifierContinue(bytes[position]) { position += 1 }
        return token(.period, from: start)
      }
      if isDigit(next) {
        position += 1
        let month = skipDigits()
        if peek(0) == UInt8(ascii: "-"), let after = peek(1), isDigit(after) {
          position += 1
          let day = skipDigits()
          // The numbers of the usual form while they are at hand: the parser need not read them again.
          if underscores == 0, month.count == 2, day.count == 2 {
            lastDateStart = UInt32(truncatingIfNeeded: start)
            lastDate = (mantissa, month.value, day.value)
          }
          return token(.date, from: start)
        }
        return token(.period, from: start)
      }
    }
    var fractionDigits = 0
    if peek(0) == UInt8(ascii: "."), let next = peek(1), isDigit(next) {
      position += 1
      let fractionStart = position
      let underscoresBefore = underscores
      skipDigits(countingUnderscores: &underscores, into: &mantissa)
      fractionDigits = position - fractionStart - (underscores - underscoresBefore)
    }
    let isPercent = peek(0) == UInt8(ascii: "%")
    if isPercent { position += 1 }
    if underscores > 0 { reportMisplacedUnderscore(from: digitsStart) }
    // Letters glued to a number (`12abc`) make one malformed literal, not two tokens.
    if position < bytes.count, isIdentifierStart(bytes[position]) {
      reportGluedLetters(from: start)
      return token(.number, from: start)
    }
    // Its value while the digits are at hand, so that the parser need not read them again; the
    // digits counted as ``PlainLiterals/number(_:)`` counts them, without the underscores.
    if integerDigits > 0, integerDigits + fractionDigits <= 15 {
      lastNumberStart = UInt32(truncatingIfNeeded: start)
      lastNumberValue = PlainLiterals.value(mantissa: mantissa, fractionDigits: fractionDigits, isNegative: isNegative)
      lastNumberIsPercent = isPercent
    }
    return token(.number, from: start)
  }

  /// Reports an `_` between `start` and the current position that is not between two digits.
  /// Kept out of line, as the next one: the rare paths' strings would otherwise make every number
  /// lexed set up a larger frame.
  @inline(never)
  private mutating func reportMisplacedUnderscore(from start: Int) {
    guard let misplaced = misplacedUnderscore(from: start, to: position) else { return }
    report(
      .invalidLiteral, "'_' may only stand between two digits", at: misplaced, length: 1,
      help: "group digits as 1_000")
  }

  /// Moves past letters glued to the number that starts at `start` and reports the whole as
  /// one malformed literal.
  @inline(never)
  private mutating func reportGluedLetters(from start: Int) {
    while position < bytes.count, isIdentifierContinue(bytes[position]) { position += 1 }
    report(
      .invalidLiteral, "malformed number '\(text(start, position))'", at: start,
      length: position - start, help: "write a number such as 42, -3, 4.8, 1_000 or 15%")
  }

  /// Moves past digits and `_`, in locals, adding each digit to `mantissa` (which may overflow
  /// past 18 digits: it is read only for 15 or fewer) and counting the `_`s in `underscores`.
  private mutating func skipDigits(countingUnderscores underscores: inout Int, into mantissa: inout Int) {
    var index = position
    var value = mantissa
    let (bytes, end) = (self.bytes, self.bytes.count)
    while index < end {
      let byte = bytes[index]
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        value = value &* 10 &+ Int(digit)
        index += 1
      } else if byte == UInt8(ascii: "_") {
        underscores += 1
        index += 1
      } else {
        break
      }
    }
    position = index
    mantissa = value
  }

  /// Moves past digits (no `_`); returns how many, and their value when there are at most 18.
  @inline(__always)
  private mutating func skipDigits() -> (count: Int, value: Int) {
    let first = position
    var value = 0
    while position < bytes.count {
      let digit = bytes[position] &- UInt8(ascii: "0")
      guard digit < 10 else { break }
      value = value &* 10 &+ Int(digit)
      position += 1
    }
    return (position - first, value)
  }

  /// The offset of an `_` in a number that is not between two digits, if any.
  private func misplacedUnderscore(from start: Int, to end: Int) -> Int? {
    for index in start..<end where bytes[index] == UInt8(ascii: "_") {
      guard index > start, isDigit(bytes[index - 1]), index + 1 < end, isDigit(bytes[index + 1]) else {
        return index
      }
    }
    return nil
  }

  private mutating func lexString() -> Token {
    let start = position
    var reportedEncoding = false
    // Plain printable ASCII in locals first, eight bytes at a time, then one: most strings are
    // nothing else.
    var index = position + 1
    let (bytes, end) = (self.bytes, self.bytes.count)
    if let base = bytes.baseAddress {
      while index + 8 <= end,
        ByteClass.arePlainStringBytes(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
      {
        index += 8
      }
    }
    skip(ByteClass.plainStringByte, from: &index)
    position = index
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        return token(.string, from: start)
      case UInt8(ascii: "\n"):
        // Trailing blanks are no part of the string, and in `objective x "Title {` the brace is
        // left to the parser, so the block still parses and nothing else is reported.
        var end = trimmingBlanks(from: position, downTo: start + 1)
        if end > start + 1, bytes[end - 1] == UInt8(ascii: "{") {
          position = end - 1
          end = trimmingBlanks(from: end - 1, downTo: start + 1)
        }
        let help: String
        if end > start + 1 && bytes[end - 1] == UInt8(ascii: "\"") {
          // A quote this close to the end was escaped (an unescaped one would have closed the string).
          help = "\\\" is an escaped quote, not the end of the string; write \\\\ for a backslash"
        } else if end > start + 1 && bytes[end - 1] == UInt8(ascii: "\\") {
          help =
            "a \\ at the end of a line does not continue the string: close it with \" and write \\n for a line break"
        } else {
          help = "close the string with \" on the same line; write \\n for a line break"
        }
        report(
          .syntax, "unterminated string", at: start, length: end - start,
          label: "this string has no closing quote", help: help)
        return Token(kind: .string, span: Span(start: UInt32(start), end: UInt32(end)))
      case UInt8(ascii: "\\"):
        lexEscape()
      default:
        if byte >= 0x80 {
          if let length = validSequenceLength(at: position) {
            position += length
          } else {
            skipInvalidUTF8(in: " in a string", reporting: !reportedEncoding)
            reportedEncoding = true
          }
        } else {
          position += 1
        }
      }
    }
    report(
      .syntax, "unterminated string", at: start, length: position - start,
      label: "this string has no closing quote", help: "close the string with \"")
    return token(.string, from: start)
  }

  /// The offset after the last byte before `end` that is not a space, tab or CR, but not below `floor`.
  private func trimmingBlanks(from end: Int, downTo floor: Int) -> Int {
    var end = end
    while end > floor,
      bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")
        || bytes[end - 1] == UInt8(ascii: "\r")
    {
      end -= 1
    }
    return end
  }

  private mutating func lexEscape() {
    let start = position
    position += 1
    // A backslash at the end of the line: the string is unterminated, which is reported once, by the caller.
    guard position < bytes.count, bytes[position] != UInt8(ascii: "\n") else { return }
    let byte = bytes[position]
    position += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "t"):
      return
    case UInt8(ascii: "u"):
      guard peek(0) == UInt8(ascii: "{") else {
        report(
          .invalidLiteral, "expected '{' after \\u", at: start, length: 2,
          help: "write a Unicode escape as \\u{1F600}")
        return
      }
      position += 1
      var value: UInt32 = 0
      var digits = 0
      while position < bytes.count, let digit = hexValue(bytes[position]) {
        if digits < 8 { value = value &* 16 &+ UInt32(digit) }
        digits += 1
        position += 1
      }
      let closed = peek(0) == UInt8(ascii: "}")
      if closed { position += 1 }
      if !closed || digits == 0 || digits > 6 || Unicode.Scalar(value) == nil {
        report(
          .invalidLiteral, "invalid Unicode escape '\(text(start, position))'", at: start,
          length: position - start, help: "write 1 to 6 hex digits naming a Unicode scalar, e.g. \\u{1F600}")
      }
    default:
      report(
        .invalidLiteral, "unknown escape '\\\(String(decoding: [byte], as: UTF8.self))'",
        at: start, length: 2, help: "the escapes are \\\" \\\\ \\n \\t and \\u{…}")
    }
  }

  private mutating func lexInvalid() -> Token {
    let start = position
    if bytes[position] >= 0x80 {
      // Bytes that are not text: one token and one report per run (the parser adds none).
      skipInvalidUTF8(in: "")
      return token(.invalid, from: start)
    }
    repeat {
      position += 1
    } while position < bytes.count && startsNoToken(bytes[position])
    return token(.invalid, from: start)
  }

  /// Skips a run of bytes that are not UTF-8 text and, when `reporting`, reports it once;
  /// `place` completes the message.
  private mutating func skipInvalidUTF8(in place: String, reporting: Bool = true) {
    let start = position
    repeat {
      position += 1
    } while position < bytes.count && bytes[position] >= 0x80 && validSequenceLength(at: position) == nil
    let count = position - start
    guard reporting else { return }
    report(
      .invalidLiteral, "invalid UTF-8\(place)", at: start, length: count,
      label: count == 1 ? "this byte is not UTF-8 text" : "these \(count) bytes are not UTF-8 text",
      help: "save the file as UTF-8")
  }

  /// True for bytes that cannot start any token (so they extend an invalid run).
  private func startsNoToken(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"),
      UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
      UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: ";"),
      UInt8(ascii: "."), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"),
      UInt8(ascii: ":"):
      return false
    default:
      return !(isIdentifierStart(byte) || isDigit(byte) || byte >= 0x80)
    }
  }

  /// The length of the valid UTF-8 sequence starting at `index`, or nil.
  private func validSequenceLength(at index: Int) -> Int? {
    let lead = bytes[index]
    let length: Int
    let minimum: UInt32
    switch lead {
    case 0xC2...0xDF:
      length = 2
      minimum = 0x80
    case 0xE0...0xEF:
      length = 3
      minimum = 0x800
    case 0xF0...0xF4:
      length = 4
      minimum = 0x10000
    default: return nil
    }
    guard index + length <= bytes.count else { return nil }
    var value = UInt32(lead) & (0xFF >> (length + 1))
    for offset in 1..<length {
      let byte = bytes[index + offset]
      guard byte & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
    return length
  }

  private func text(_ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  private mutating func report(
    _ rule: Rule, _ message: String, at offset: Int, length: Int, label: String? = nil, help: String
  ) {
    hasProblems = true
    guard diagnostics.count < reportLimit else {
      droppedReports = true
      return
    }
    let span = Span(start: UInt32(offset), end: UInt32(offset + max(length, 0)))
    diagnostics.append(
      Diagnostic(rule, message, at: SourceLocation(file: file, span: span), label: label, help: help))
  }
}

/// Classes of byte values, as bits of ``table``.
enum ByteClass {
  /// An ASCII letter, digit or `_`: the bytes of most identifiers.
  static let wordCharacter: UInt8 = 1
  /// Printable ASCII but `"` and the backslash: the bytes of most strings.
  static let plainStringByte: UInt8 = 2
  /// Space, tab or carriage return: the gaps between tokens.
  static let blank: UInt8 = 4
  /// An ASCII letter or `_`: the first byte of most identifiers.
  static let identifierStart: UInt8 = 8

  /// Whether the eight bytes of `word` are all ``plainStringByte``s (printable ASCII but `"` and
  /// the backslash), tested together: a byte is below 0x20, 0x80 or above, `"` or `\` exactly
  /// when one of these tests finds it (they may find nothing else).
  @inline(__always) static func arePlainStringBytes(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    /// Whether some byte of `value` is below `limit` (at most 0x80).
    func hasByteBelow(_ value: UInt64, _ limit: UInt64) -> Bool { (value &- ones &* limit) & ~value & highBits != 0 }
    return word & highBits == 0 && !hasByteBelow(word, 0x20) && !hasByteBelow(word ^ (ones &* 0x22), 1)
      && !hasByteBelow(word ^ (ones &* 0x5C), 1)
  }

  /// The classes of each byte value; allocated once, for the life of the process.
  nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for value in 0..<256 {
      let byte = UInt8(value)
      var classes: UInt8 = 0
      if isIdentifierStart(byte) || isDigit(byte) { classes |= wordCharacter }
      if byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
        classes |= plainStringByte
      }
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") { classes |= blank }
      if isIdentifierStart(byte) { classes |= identifierStart }
      table[value] = classes
    }
    return UnsafePointer(table)
  }()
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool {
  byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

@inline(__always) func isIdentifierStart(_ byte: UInt8) -> Bool {
  (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
}

@inline(__always) func isIdentifierContinue(_ byte: UInt8) -> Bool {
  isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte >= 0x80
}

@inline(__always) func hexValue(_ byte: UInt8) -> UInt8? {
  switch byte {
  case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
  case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
  case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
  default: nil
  }
}

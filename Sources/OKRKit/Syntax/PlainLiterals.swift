/// Numbers, dates and periods in their usual forms, read straight from the bytes of a plan
/// without making a `String`; anything else is read the general way (``generalNumber(_:)`` for
/// numbers), and both give the same values.
struct PlainLiterals {
  let bytes: UnsafeBufferPointer<UInt8>

  /// The digit at `index`, or nil.
  private func digit(at index: Int) -> Int? {
    let byte = bytes[index]
    return isDigit(byte) ? Int(byte &- UInt8(ascii: "0")) : nil
  }

  /// The value of `-?DIGITS[.DIGITS][%]` (underscores allowed between digits) with at most 15
  /// digits; nil for any other form. An integer below 2^53 divided by an exact power of ten is
  /// correctly rounded, so this is the very Double that `Double(String)` gives.
  func number(_ span: Span) -> (value: Double, isPercent: Bool)? {
    var index = Int(span.start)
    var end = Int(span.end)
    let isPercent = end > index && bytes[end - 1] == UInt8(ascii: "%")
    if isPercent { end -= 1 }
    let isNegative = index < end && bytes[index] == UInt8(ascii: "-")
    if isNegative { index += 1 }
    var mantissa = 0
    var digits = 0
    var fractionDigits = 0
    var seenPoint = false
    while index < end {
      let byte = bytes[index]
      index += 1
      if isDigit(byte) {
        mantissa = mantissa &* 10 &+ Int(byte &- UInt8(ascii: "0"))
        digits += 1
        if seenPoint { fractionDigits += 1 }
      } else if byte == UInt8(ascii: "."), !seenPoint, digits > 0 {
        seenPoint = true
      } else if byte != UInt8(ascii: "_") {
        return nil
      }
    }
    guard digits > 0, digits <= 15, !seenPoint || fractionDigits > 0 else { return nil }
    return (Self.value(mantissa: mantissa, fractionDigits: fractionDigits, isNegative: isNegative), isPercent)
  }

  /// `mantissa` (at most 15 digits) divided by 10^`fractionDigits`, negated when `isNegative`:
  /// the value of a plain number, as ``number(_:)`` and the lexer (``Lexer/number(at:)``) read it.
  @inline(__always)
  static func value(mantissa: Int, fractionDigits: Int, isNegative: Bool) -> Double {
    // 10^fractionDigits (at most 10^15) is an exact double, as is every product on the way.
    var scale = 1.0
    for _ in 0..<fractionDigits { scale *= 10 }
    let magnitude = Double(mantissa) / scale
    return isNegative ? -magnitude : magnitude
  }

  /// The value of any number token at `span` (underscores dropped, then read by `Double`); nil
  /// when that is not a finite number (too large, or letters glued to the digits).
  func generalNumber(_ span: Span) -> (value: Double, isPercent: Bool)? {
    var digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.end)]), as: UTF8.self)
    let isPercent = digits.hasSuffix("%")
    if isPercent { digits.removeLast() }
    digits.removeAll { $0 == "_" }
    guard let value = Double(digits), value.isFinite else { return nil }
    return (value, isPercent)
  }

  /// The value the parser gives the number token at `span`: 0 when it is not a finite number
  /// (which the parser reports).
  func value(ofNumberAt span: Span) -> Double {
    (number(span) ?? generalNumber(span))?.value ?? 0
  }

  /// `YYYY-MM-DD`; nil for any other form (or a day that does not exist: `Day(String)` says so too).
  func date(_ span: Span) -> Day? {
    let start = Int(span.start)
    guard span.length == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
      let year = number(from: start, count: 4), let month = number(from: start + 5, count: 2),
      let day = number(from: start + 8, count: 2)
    else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// The year of four digits at `span` (`2026`, `0042`); nil for anything else.
  func year(_ span: Span) -> Int? {
    span.length == 4 ? number(from: Int(span.start), count: 4) : nil
  }

  /// `YYYY-Qn`, `YYYY-Hn` and `YYYY-MM` with valid numbers; nil for anything else.
  func period(_ span: Span) -> Period? {
    let start = Int(span.start)
    guard span.length == 7, bytes[start + 4] == UInt8(ascii: "-"), let year = number(from: start, count: 4),
      (1...9999).contains(year)
    else { return nil }
    let kind = bytes[start + 5]
    if kind == UInt8(ascii: "Q"), let quarter = digit(at: start + 6), (1...4).contains(quarter) {
      return .quarter(year, quarter)
    }
    if kind == UInt8(ascii: "H"), let half = digit(at: start + 6), (1...2).contains(half) {
      return .half(year, half)
    }
    if let month = number(from: start + 5, count: 2), (1...12).contains(month) { return .month(year, month) }
    return nil
  }

  /// The decimal number written with exactly `count` digits at `start`, or nil.
  private func number(from start: Int, count: Int) -> Int? {
    var value = 0
    var index = start
    while index < start + count {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value &* 10 &+ Int(digit)
      index += 1
    }
    return value
  }
}

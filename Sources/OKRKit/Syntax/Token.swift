/// The kinds of tokens of the plan and query languages.
public enum TokenKind: UInt8, Sendable {
  case identifier
  /// A double-quoted string, quotes included in its span.
  case string
  /// `42`, `-3`, `4.8`, `1_000`, optionally followed by `%`.
  case number
  /// `2026-02-15`.
  case date
  /// `2026-Q1`, `2026-H2`, `2026-03`.
  case period
  case dotDot, dot, comma, semicolon, colon
  case leftBrace, rightBrace, leftParen, rightParen
  /// `->` in policy level pairs.
  case arrow
  case equal, notEqual, less, lessEqual, greater, greaterEqual
  case newline
  case endOfFile
  /// Bytes that start no token (a run of them is one token).
  case invalid
}

/// One token: a kind and the bytes it covers. Its text stays in the source buffer.
public struct Token: Sendable, Equatable {
  public var kind: TokenKind
  public var span: Span

  public init(kind: TokenKind, span: Span) {
    self.kind = kind
    self.span = span
  }
}

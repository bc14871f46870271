/// What Tab offers: called with the whole line and the cursor position.
///
/// `cursor` counts the characters before the cursor, so `line.prefix(cursor)` is
/// the text the user has typed up to it.
public typealias Completer = (_ line: String, _ cursor: Int) -> CompletionResult

/// The word being completed and what could replace it.
public struct CompletionResult: Equatable, Sendable {
  /// The text just before the cursor that a candidate replaces, such as `nova.la`;
  /// empty to insert a candidate at the cursor.
  public var word: String

  /// The full replacements for ``word``, such as `["nova.landing", "nova.launch"]`.
  ///
  /// One candidate is filled in, followed by a space. Several fill in their common
  /// prefix when it extends the word; a second Tab lists them.
  public var candidates: [String]

  /// Creates a result offering `candidates` in place of `word`.
  public init(word: String, candidates: [String]) {
    self.word = word
    self.candidates = candidates
  }

  /// Nothing to offer; Tab only rings the bell.
  public static let none = CompletionResult(word: "", candidates: [])
}

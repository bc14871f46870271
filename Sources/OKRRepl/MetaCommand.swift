import OKRKit

/// A REPL command that starts with `:`.
enum MetaCommand: Equatable {
  case help(topic: String?)
  case load(paths: [String])
  case reload
  case asOf(String?)
  case format(String?)
  case quit

  /// The names, in the order `:help` lists them.
  static let names = ["help", "load", "reload", "as-of", "format", "quit"]

  /// What each command does, for `:help`.
  static let summaries: [String: String] = [
    "help": ":help [TOPIC]        this help, or help on a query command or topic",
    "load": ":load PATH…          load other plan files or folders instead",
    "reload": ":reload              read the plan's files again (also automatic when they change)",
    "as-of": ":as-of [DATE]        evaluate as of DATE (YYYY-MM-DD or today); without DATE, show it",
    "format": ":format [text|json]  choose the output format; without an argument, show it",
    "quit": ":quit                leave (Ctrl-D works too)",
  ]

  /// Parses a line starting with `:`. Names may be abbreviated while unambiguous (`:h`, `:q`).
  static func parse(_ line: String) -> Result<MetaCommand, MetaCommandError> {
    let words = line.dropFirst().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    guard let word = words.first else { return .failure(.missingName) }
    let arguments = Array(words.dropFirst())
    let name: String
    if names.contains(word) {
      name = word
    } else {
      let matches = names.filter { $0.hasPrefix(word) }
      if matches.count == 1 {
        name = matches[0]
      } else if matches.count > 1 {
        return .failure(.ambiguous(word, matches))
      } else {
        return .failure(.unknown(word, Suggestions.nearest(to: word, among: names)))
      }
    }
    switch name {
    case "help": return .success(.help(topic: arguments.first))
    case "load":
      guard !arguments.isEmpty else { return .failure(.missingArgument(":load PATH…")) }
      return .success(.load(paths: arguments))
    case "reload": return .success(.reload)
    case "as-of": return .success(.asOf(arguments.first))
    case "format": return .success(.format(arguments.first))
    default: return .success(.quit)
    }
  }
}

/// Why a `:` line is not a meta-command.
enum MetaCommandError: Error, Equatable {
  case missingName
  case unknown(String, [String])
  case ambiguous(String, [String])
  case missingArgument(String)

  var message: String {
    switch self {
    case .missingName:
      return "error: a meta-command needs a name; :help lists them"
    case .unknown(let word, let near):
      let hint =
        near.isEmpty
        ? "; :help lists the commands" : "; did you mean " + near.map { ":\($0)" }.joined(separator: " or ") + "?"
      return "error: unknown command :\(TerminalText.escaped(word))\(hint)"
    case .ambiguous(let word, let matches):
      return "error: :\(TerminalText.escaped(word)) is ambiguous: " + matches.map { ":\($0)" }.joined(separator: ", ")
    case .missingArgument(let usage):
      return "error: usage: \(usage)"
    }
  }
}

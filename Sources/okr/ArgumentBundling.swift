/// Long lists of paths on the command line, handed to swift-argument-parser as few arguments.
///
/// swift-argument-parser 1.8 takes time quadratic in the number of values of a repeating
/// positional argument (it merges each value's origin into a growing set): 8,000 paths took
/// 2.8 s to parse, 32,000 about 40 s, where `okr check teams/*.okr` should take as long as
/// checking the folder. So before parsing, each long run of plain arguments (none starting with
/// `-`) is joined into one with NUL, which no argument can contain, and the commands split their
/// positional values again. The first argument of a run is kept apart (it may be an option's
/// value), and short runs are left alone, so usual command lines parse as written.
enum ArgumentBundling {
  /// Commands whose only positional argument is one repeating list (of paths, and for `query`
  /// and `diff` a query or revisions among them).
  static let commands: Set<String> = ["check", "repl", "query", "fmt", "diff", "export"]
  /// Runs with no more than this many arguments after their first stay as written.
  static let shortRun = 16
  private static let separator: Character = "\0"

  /// `arguments` (without the program's name) with long runs of plain arguments joined.
  static func bundled(_ arguments: [String]) -> [String] {
    guard let command = arguments.first, commands.contains(command), arguments.count > shortRun + 1 else {
      return arguments
    }
    var result: [String] = []
    result.reserveCapacity(arguments.count)
    var run: [String] = []
    func flush() {
      if run.count > shortRun {
        result.append(run.joined(separator: String(separator)))
      } else {
        result.append(contentsOf: run)
      }
      run.removeAll(keepingCapacity: true)
    }
    var runStarted = false
    for argument in arguments {
      if argument.hasPrefix("-") {
        flush()
        runStarted = false
        result.append(argument)
      } else if runStarted {
        run.append(argument)
      } else {
        // The first of a run may be a subcommand's name or an option's value.
        result.append(argument)
        runStarted = true
      }
    }
    flush()
    return result
  }

  /// The positional values `values` as they were before ``bundled(_:)`` joined them.
  static func unbundled(_ values: [String]) -> [String] {
    guard values.contains(where: { $0.contains(separator) }) else { return values }
    return values.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
  }
}

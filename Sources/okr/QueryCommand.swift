import ArgumentParser
import OKRKit

/// `okr query PATH… 'QUERY'`: answer questions about a plan.
struct QueryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "query",
    abstract: "Answer queries about a plan: progress, trees, impact, history, listings.",
    discussion: """
      The last argument is the query; several queries may be separated by ';'. Examples:
        okr query plans/ 'progress acme.csat'
        okr query plans/ 'objectives where status = at-risk sort progress limit 10'
        okr query plans/ 'tree acme.csat depth 2; impact bob.rating on acme.csat'
      The plan is answered even when it has errors (their number is printed to standard error).
      Exit code 0: answered; 1: a query error; 2: bad usage or unreadable input.
      """
  )

  @Argument(help: "Plan files or folders, then the query.")
  var arguments: [String]

  @OptionGroup var asOf: AsOfOption

  @OptionGroup var output: OutputOptions

  mutating func validate() throws {
    arguments = ArgumentBundling.unbundled(arguments)
    guard arguments.count >= 2 else {
      throw ValidationError(
        "give one or more plan files or folders, then the query, e.g. okr query plan.okr 'progress acme.csat'")
    }
    if arguments[arguments.count - 1].allSatisfy(\.isWhitespace) {
      throw ValidationError("the query is empty; e.g. okr query plan.okr 'progress acme.csat'")
    }
  }

  func run() throws {
    let paths = Array(arguments.dropLast())
    let query = arguments[arguments.count - 1]
    try PlanInput.analyze(paths, activity: "answering anyway") { analysis in
      var engine = QueryEngine(
        analysis: analysis, asOf: asOf.day, format: output.format == .json ? .json : .text,
        color: output.colorsText)
      engine.evaluatesOnlyWhatIsAsked = true
      let answer = engine.answer(query)
      Output.write(answer.output)
      if let error = answer.error {
        if output.format == .json { Output.line(error) } else { Output.error(error) }
        throw ExitCode.problems
      }
    }
  }
}

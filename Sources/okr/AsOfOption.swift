import ArgumentParser
import OKRDisk
import OKRKit

/// `--format` and `--color`: shared by the commands that print results.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Option(help: "Colour: auto, always or never (NO_COLOR is honoured).")
  var color: ColorChoice = .auto

  /// Whether output is text with ANSI colours.
  var colorsText: Bool { format == .text && color.isEnabled }
}

/// `--as-of DATE`: shared by the commands that evaluate progress.
struct AsOfOption: ParsableArguments {
  @Option(help: ArgumentHelp("Evaluate as of this date (default: today).", valueName: "YYYY-MM-DD"))
  var asOf: String?

  func validate() throws {
    if let asOf, Day(asOf) == nil {
      throw ValidationError("--as-of takes a date such as 2026-02-20, not '\(TerminalText.escaped(asOf))'")
    }
  }

  /// The day named by the option, or today (from the system clock) without one.
  var day: Day { asOf.flatMap { Day($0) } ?? SystemClock.today() }
}

import ArgumentParser
import OKRDisk
import OKRKit

/// The `--as-of DATE` option of the commands that evaluate progress.
enum AsOfOption {
  /// The day named by the option, or today (from the system clock) without one.
  static func day(_ text: String?) throws -> Day {
    guard let text else { return SystemClock.today() }
    guard let day = Day(text) else {
      throw ValidationError("--as-of takes a date such as 2026-02-20, not '\(TerminalText.escaped(text))'")
    }
    return day
  }
}

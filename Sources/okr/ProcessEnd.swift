import ArgumentParser
import CQuickExit
import OKRKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a command that loaded a plan ends the process.
enum ProcessEnd {
  /// Plans of at least this many objectives leave their memory to be freed after the process.
  static let largePlan = 100_000

  /// Ends the process with `code` with `analysis` still in memory: freeing it piece by piece
  /// would cost a tenth of the run. The system still frees a large plan's memory (about 65 ms a
  /// gigabyte); that is left to a helper that ends after this process (`okr_exit_leaving_memory`),
  /// so whoever waits for `okr` does not wait for it. Output is written with write(2): nothing is
  /// left in a buffer.
  static func end(_ code: ExitCode, keeping analysis: PlanAnalysis) -> Never {
    withExtendedLifetime(analysis) { () -> Never in
      if analysis.plan.objectives.count >= largePlan { okr_exit_leaving_memory(code.rawValue) }
      exit(code.rawValue)
    }
  }
}

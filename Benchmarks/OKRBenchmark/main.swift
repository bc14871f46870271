// Times each phase of checking a plan and prints the figures (issue: performance).
//
// Usage: okr-benchmark PATH… [--repeat N] [--as-of DATE]
// Each PATH is a plan file or folder, loaded as one plan per PATH. Phases: read (the bytes
// alone), lex+parse (loading minus reading), resolve (names → Plan), rules (the checker, the
// policy's severities, sorting), roll-up (progress and status of every node as of DATE,
// default 2026-03-01, inside the generated plans' cycles).
import Dispatch
import OKRDisk
import OKRKit

#if canImport(Glibc)
  import Glibc
#endif

/// Wall-clock seconds since an arbitrary start.
func now() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Peak resident memory of this process so far, in MiB.
func peakMemoryMiB() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
}

func format(_ value: Double, _ decimals: Int = 3) -> String {
  var scaled = (value * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
  if scaled == -0 { scaled = 0 }
  return String(scaled)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 1
if let flag = arguments.firstIndex(of: "--repeat"), flag + 1 < arguments.count, let count = Int(arguments[flag + 1]) {
  repeats = max(1, count)
  arguments.removeSubrange(flag...(flag + 1))
}
var asOf = Day(year: 2026, month: 3, day: 1)!
if let flag = arguments.firstIndex(of: "--as-of"), flag + 1 < arguments.count, let day = Day(arguments[flag + 1]) {
  asOf = day
  arguments.removeSubrange(flag...(flag + 1))
}
guard !arguments.isEmpty else {
  print("usage: okr-benchmark PATH… [--repeat N] [--as-of DATE]")
  exit(2)
}
let phases = ["read", "lex+parse", "resolve", "rules", "check", "roll-up", "total"]

print("cores: \(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))")
for path in arguments {
  var best: [String: Double] = [:]
  var bytes = 0
  var objectives = 0
  var keyResults = 0
  var diagnostics = 0
  for _ in 0..<repeats {
    var times: [(String, Double)] = []
    let fileSystem = DiskFileSystem()
    // Read: every plan file under the path, as the loader would find them.
    var start = now()
    let loader = PlanLoader(fileSystem: fileSystem)
    let files = fileSystem.kind(of: path) == .folder ? loader.planFiles(under: path) : [path]
    var contents: [[UInt8]] = []
    for file in files { contents.append((try? fileSystem.readFile(file)) ?? []) }
    times.append(("read", now() - start))
    bytes = contents.reduce(0) { $0 + $1.count }
    contents = []
    // Load = read + lex + parse (+ includes), as `okr check` does it.
    start = now()
    let parsed = loader.load([path])
    let loadTime = now() - start
    times.append(("lex+parse", max(0, loadTime - times[0].1)))
    start = now()
    let (plan, resolution) = PlanResolver.resolve(parsed)
    times.append(("resolve", now() - start))
    // The rest of what `PlanAnalysis` does: every rule, then the policy's severities and the sort.
    start = now()
    var found = parsed.diagnostics + resolution
    found.append(contentsOf: PlanChecker.check(plan))
    let checked = PlanAnalysis.applyPolicy(plan.policy, to: found).sortedByLocation()
    times.append(("rules", now() - start))
    times.append(("check", times.reduce(0) { $0 + $1.1 }))
    start = now()
    let evaluation = PlanEvaluator(plan).evaluate(asOf: asOf)
    times.append(("roll-up", now() - start))
    withExtendedLifetime(evaluation) {}
    objectives = plan.objectives.count
    keyResults = plan.keyResults.count
    diagnostics = checked.count
    let total = times.reduce(0) { $0 + ($1.0 == "check" ? 0 : $1.1) }
    times.append(("total", total))
    for (phase, time) in times { best[phase] = min(best[phase] ?? .infinity, time) }
  }
  let check = best["check"] ?? 0
  print("\(path): \(bytes / 1_000_000) MB, \(objectives) objectives, \(keyResults) key results, \(diagnostics) diagnostics")
  for phase in phases {
    print("  \(phase.padding(toLength: 14))\(format(best[phase] ?? 0)) s")
  }
  print("  throughput    \(format(Double(bytes) / 1e6 / check, 1)) MB/s, \(Int(Double(objectives) / check)) objectives/s (check)")
  print("  peak memory   \(format(peakMemoryMiB(), 0)) MiB")
}

extension String {
  func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}

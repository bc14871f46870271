// Times each phase of checking a plan and prints the figures (issue: performance).
//
// Usage: okr-benchmark PATH… [--repeat N] [--as-of DATE] [--query QUERY]
// Each PATH is a plan file or folder, loaded as one plan per PATH. Phases: read (the bytes
// alone), lex+parse (loading minus reading), resolve (names → Plan), rules (the checker, the
// policy's severities, sorting), with --query the answer to QUERY as `okr query` gives it after
// checking (a new query engine, rendered as text), roll-up (progress and status of every node
// as of DATE, default 2026-03-01, inside the generated plans' cycles). "check" is read through
// rules: what `okr check` does; "total" leaves out the query. Each phase shows its wall time and the processor time it used on
// all cores (on a machine busy with other work, wall time grows and processor time does not)
// and the pages of memory it touched for the first time (minor page faults, each one a page the
// kernel had to find and clear).
import Dispatch
import OKRDisk
import OKRKit

#if canImport(Glibc)
  import Glibc
#endif

HeapGrowth.useLargeSteps()

/// Wall-clock seconds since an arbitrary start.
func now() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Processor seconds (user and system, every thread) this process has used so far.
func processorTime() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Minor page faults of this process so far: pages it touched that had no memory behind them yet.
func pageFaults() -> Int {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return usage.ru_minflt
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

/// The cost of one phase: wall time and processor time, in seconds, and minor page faults.
struct Cost {
  var wall = 0.0
  var processor = 0.0
  var faults = 0

  static func + (lhs: Cost, rhs: Cost) -> Cost {
    Cost(wall: lhs.wall + rhs.wall, processor: lhs.processor + rhs.processor, faults: lhs.faults + rhs.faults)
  }
}

/// Runs `work` and adds its cost under `phase`.
func measure<Result>(_ phase: String, into costs: inout [(String, Cost)], _ work: () -> Result) -> Result {
  let wall = now()
  let processor = processorTime()
  let faults = pageFaults()
  let result = work()
  costs.append(
    (phase, Cost(wall: now() - wall, processor: processorTime() - processor, faults: pageFaults() - faults)))
  return result
}

let usage = "usage: okr-benchmark PATH… [--repeat N] [--as-of YYYY-MM-DD] [--query QUERY]"

/// Stops with `message` and the usage on standard error (exit code 2, as for any bad invocation).
func fail(_ message: String) -> Never {
  var text = "okr-benchmark: \(message)\n\(usage)\n"
  text.withUTF8 { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
  exit(2)
}

var paths: [String] = []
var repeats = 1
var asOf = Day(year: 2026, month: 3, day: 1)!
var query: String?
var remaining = CommandLine.arguments.dropFirst()
while let argument = remaining.popFirst() {
  switch argument {
  case "--help", "-h":
    print(usage)
    exit(0)
  case "--repeat":
    guard let value = remaining.popFirst(), let count = Int(value), count >= 1 else {
      fail("--repeat takes a whole number of runs, at least 1")
    }
    repeats = count
  case "--as-of":
    guard let value = remaining.popFirst(), let day = Day(value) else {
      fail("--as-of takes a date such as 2026-03-01")
    }
    asOf = day
  case "--query":
    guard let value = remaining.popFirst(), !value.allSatisfy(\.isWhitespace) else {
      fail("--query takes a query such as 'progress acme.brand'")
    }
    query = value
  case let flag where flag.hasPrefix("-"):
    fail("unknown option '\(flag)'")
  default:
    guard DiskFileSystem().kind(of: argument) != nil else { fail("no file or folder at '\(argument)'") }
    paths.append(argument)
  }
}
guard !paths.isEmpty else { fail("name at least one plan file or folder") }
let phases =
  ["read", "lex+parse", "resolve", "rules", "check"] + (query == nil ? [] : ["query"]) + ["roll-up", "total"]

print("cores: \(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))")
for path in paths {
  // The phases of the best run (the lowest total wall time): phases taken from different runs
  // would not add up, and one slow read would show as a parse of no time.
  var best: [String: Cost] = [:]
  var bytes = 0
  var objectives = 0
  var keyResults = 0
  var diagnostics = 0
  // Peak memory once each phase is done (first run; the process's peak never goes down).
  var peaks: [(String, Double)] = []
  for run in 0..<repeats {
    var costs: [(String, Cost)] = []
    func notePeak(_ phase: String) { if run == 0 { peaks.append((phase, peakMemoryMiB())) } }
    let fileSystem = DiskFileSystem()
    let loader = PlanLoader(fileSystem: fileSystem)
    // Read: every plan file under the path, as the loader would find them.
    bytes = measure("read", into: &costs) {
      let files = fileSystem.kind(of: path) == .folder ? loader.planFiles(under: path) : [path]
      return files.reduce(0) { total, file in total + ((try? fileSystem.readFile(file)) ?? []).count }
    }
    // Load = read + lex + parse (+ includes), as `okr check` does it; the reading is taken off.
    var loadCosts: [(String, Cost)] = []
    var parsed: ParsedPlan? = measure("load", into: &loadCosts) { loader.load([path]) }
    // Checking needs the load's diagnostics and failures; the trees go to the resolver, which
    // frees them as it goes, as in `okr check`.
    var loaded = parsed!
    loaded.syntax = []
    let read = costs[0].1
    let load = loadCosts[0].1
    costs.append(
      (
        "lex+parse",
        Cost(
          wall: max(0, load.wall - read.wall), processor: max(0, load.processor - read.processor),
          faults: max(0, load.faults - read.faults))
      ))
    notePeak("lex+parse")
    let resolved = measure("resolve", into: &costs) { PlanResolver.resolve(parsed.take()!) }
    notePeak("resolve")
    // The rest of what `PlanAnalysis` does: every rule, then the policy's severities and the sort.
    let analysis = measure("rules", into: &costs) { PlanAnalysis(loaded, resolved: resolved) }
    let plan = analysis.plan
    notePeak("rules")
    costs.append(("check", costs.reduce(Cost()) { $0 + $1.1 }))
    var answer: QueryAnswer?
    if let query {
      answer = measure("query", into: &costs) {
        var engine = QueryEngine(analysis: analysis, asOf: asOf)
        engine.evaluatesOnlyWhatIsAsked = true
        return engine.answer(query)
      }
    }
    let evaluation = measure("roll-up", into: &costs) { PlanEvaluator(plan).evaluate(asOf: asOf) }
    notePeak("roll-up")
    withExtendedLifetime(evaluation) {}
    objectives = plan.objectives.count
    keyResults = plan.keyResults.count
    diagnostics = analysis.diagnostics.count
    costs.append(("total", costs.filter { $0.0 != "check" && $0.0 != "query" }.reduce(Cost()) { $0 + $1.1 }))
    if run == 0, let answer {
      if answer.failed { fail("the query failed: \(answer.error ?? "")") }
      print(answer.output, terminator: "")
    }
    let total = costs[costs.count - 1].1.wall
    if total < best["total"]?.wall ?? .infinity { best = Dictionary(uniqueKeysWithValues: costs) }
  }
  let check = best["check"]?.wall ?? 0
  print(
    "\(path): \(bytes / 1_000_000) MB, \(objectives) objectives, \(keyResults) key results, \(diagnostics) diagnostics")
  print("  phase         wall s   cpu s    page faults")
  for phase in phases {
    let cost = best[phase] ?? Cost()
    print(
      "  \(phase.padding(toLength: 14))\(format(cost.wall).padding(toLength: 9))"
        + "\(format(cost.processor).padding(toLength: 9))\(cost.faults)")
  }
  print(
    "  throughput    \(format(Double(bytes) / 1e6 / check, 1)) MB/s, \(Int(Double(objectives) / check)) objectives/s (check, wall)"
  )
  print(
    "  peak memory   \(format(peakMemoryMiB(), 0)) MiB (after "
      + peaks.map { "\($0.0) \(format($0.1, 0))" }.joined(separator: ", ") + ")")
}

extension String {
  func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}

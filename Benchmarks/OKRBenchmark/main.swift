// Times each phase of checking a plan and prints the figures (issue: performance).
//
// Usage: okr-benchmark PATH… [--repeat N]
// Each PATH is a plan file or folder, loaded as one plan per PATH.
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
guard !arguments.isEmpty else {
  print("usage: okr-benchmark PATH… [--repeat N]")
  exit(2)
}

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
    let analysis = PlanAnalysis(parsed)
    times.append(("resolve+rules", now() - start))
    objectives = analysis.plan.objectives.count
    keyResults = analysis.plan.keyResults.count
    diagnostics = analysis.diagnostics.count
    let total = times.reduce(0) { $0 + $1.1 }
    times.append(("total", total))
    for (phase, time) in times { best[phase] = min(best[phase] ?? .infinity, time) }
  }
  let total = best["total"] ?? 0
  print("\(path): \(bytes / 1_000_000) MB, \(objectives) objectives, \(keyResults) key results, \(diagnostics) diagnostics")
  for phase in ["read", "lex+parse", "resolve+rules", "total"] {
    print("  \(phase.padding(toLength: 14))\(format(best[phase] ?? 0)) s")
  }
  print("  throughput    \(format(Double(bytes) / 1e6 / total, 1)) MB/s, \(Int(Double(objectives) / total)) objectives/s")
  print("  peak memory   \(format(peakMemoryMiB(), 0)) MiB")
}

extension String {
  func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}

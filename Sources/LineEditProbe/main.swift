// A test fixture for OKRLineEditingTests, driven through a pseudo-terminal.
//
// Reads lines with EditLineReader (history at the usual place for its
// environment, Tab completing a few fixed names), prints `got: <line>` for each
// line and `interrupted` for each Ctrl-C, and exits with status 0 on Ctrl-D.
// Exits with status 2 when it cannot edit lines (no terminal or no libedit).

import OKRLineEditing

#if canImport(Glibc)
  import Glibc
#endif

let names = ["nova.launch", "nova.landing", "cs.csat95"]

/// Completes the last space-separated word before the cursor with the names it starts.
func completeName(line: String, cursor: Int) -> CompletionResult {
  let word = line.prefix(cursor).split(separator: " ", omittingEmptySubsequences: false).last ?? ""
  return CompletionResult(word: String(word), candidates: names.filter { $0.hasPrefix(word) })
}

guard
  let reader = EditLineReader(
    historyFile: HistoryFile.defaultPath(environment: HistoryFile.processEnvironment),
    completion: completeName)
else {
  print("LineEditProbe: needs a terminal and libedit")
  exit(2)
}

reading: while true {
  switch reader.readLine(prompt: "probe> ") {
  case .line(let line): print("got: \(line)")
  case .interrupted: print("interrupted")
  case .endOfInput: break reading
  }
}

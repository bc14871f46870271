import Foundation
import Testing

/// Runs the `okr` executable that `swift build` put next to the test bundle.
enum OKRBinary {
  struct Finished {
    var status: Int32
    /// False when the process was ended by a signal (a crash, or the hang timeout).
    var exitedNormally: Bool
    var output: String
    var errors: String
  }

  /// `.build/<triple>/debug/okr`, beside the test bundle.
  static let url = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("okr")

  /// Runs `okr ARGUMENTS` in `folder` with `input` on standard input; a process still running
  /// after `timeout` is killed (so a hang fails the test instead of stalling the run).
  static func run(
    _ arguments: [String], in folder: URL? = nil, input: String? = nil, environment extra: [String: String] = [:],
    timeout: TimeInterval = 120
  ) throws -> Finished {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("okr-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outputURL = scratch.appendingPathComponent("stdout")
    let errorURL = scratch.appendingPathComponent("stderr")
    let inputURL = scratch.appendingPathComponent("stdin")
    try Data().write(to: outputURL)
    try Data().write(to: errorURL)
    try Data((input ?? "").utf8).write(to: inputURL)
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["XDG_STATE_HOME"] = scratch.path
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardError = try FileHandle(forWritingTo: errorURL)
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return Finished(
      status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
      output: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
      errors: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
  }
}

/// A temporary folder removed when the value goes away.
final class ScratchFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("okr-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `bytes` to `relative` (folders created) and returns its path.
  @discardableResult
  func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }

  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }

  /// The path of `relative` inside the folder (the folder itself for "").
  func path(_ relative: String) -> String {
    relative.isEmpty ? url.path : url.appendingPathComponent(relative).path
  }
}

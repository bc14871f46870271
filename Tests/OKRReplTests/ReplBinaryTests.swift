import Foundation
import Testing

/// `okr repl` as a script reader, and the embedding example, run as programs.
@Suite struct ReplBinaryTests {
  static let buildFolder = Bundle.module.bundleURL.deletingLastPathComponent()
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Runs a built executable with `input` on standard input; returns status and standard output.
  func run(_ name: String, _ arguments: [String], input: String = "") throws -> (Int32, String) {
    let process = Process()
    process.executableURL = Self.buildFolder.appendingPathComponent(name)
    process.arguments = arguments
    process.currentDirectoryURL = Self.repository
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let inputPipe = Pipe()
    let outputPipe = Pipe()
    process.standardInput = inputPipe
    process.standardOutput = outputPipe
    try process.run()
    inputPipe.fileHandleForWriting.write(Data(input.utf8))
    try inputPipe.fileHandleForWriting.close()
    let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  @Test func pipedQueriesPrintOnlyTheAnswers() throws {
    let (status, output) = try run(
      "okr", ["repl", "samples/product-launch.okr", "--as-of", "2026-05-01"],
      input: "progress lumen.launch-aria\n:format json\nprogress lumen.brand\n")
    #expect(status == 0)
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "lumen.launch-aria  █████░░░░░ 47.9%  expected 32.9%  on-track  as of 2026-05-01")
    #expect(lines[1] == "format json")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(lines.dropFirst(2).joined(separator: "\n").utf8)) as? [String: Any])
    #expect(json["id"] as? String == "lumen.brand")
    #expect(json["status"] as? String == "on-track")
  }

  @Test func aFailedQueryInAScriptMakesTheExitStatusOne() throws {
    let (status, output) = try run("okr", ["repl", "samples/product-launch.okr"], input: "progress lumen.nothing\n")
    #expect(status == 1)
    #expect(output.contains("unknown objective 'lumen.nothing'"))
  }

  @Test func theEmbeddingExamplePrintsLiveProgress() throws {
    let (status, output) = try run("okr-embedding-example", [])
    #expect(status == 0)
    #expect(
      output == """
        shop.growth  Grow online revenue           █████░░░░░  47%  on-track
        ├─ kr revenue  Monthly revenue             ████░░░░░░  40%
        ├─ kr conversion  Checkout conversion      █████░░░░░  50%
        └─ web.checkout  Make checkout effortless  █████░░░░░  50%  on-track
           └─ kr speed  Checkout under 2 seconds   █████░░░░░  50%
        shop.growth is 46.7% done
        {"id":"shop.growth","title":"Grow online revenue","date":"2026-02-15","progress":0.633333,"expected":0.123288,"status":"on-track","override":false}

        """)
  }
}

import Foundation
import Testing

/// Hostile plans through the real binary: each gets a diagnostic and exit code 0, 1 or 2,
/// never a signal or a hang.
@Suite struct HostileInputTests {
  /// Runs `okr check` on one file holding `bytes`.
  func check(_ bytes: [UInt8], arguments: [String] = []) throws -> OKRBinary.Finished {
    let folder = try ScratchFolder()
    let path = try folder.write("plan.okr", bytes)
    let finished = try OKRBinary.run(["check", path] + arguments)
    #expect(finished.exitedNormally, "okr was killed by a signal or timed out")
    return finished
  }

  func check(_ text: String, arguments: [String] = []) throws -> OKRBinary.Finished {
    try check(Array(text.utf8), arguments: arguments)
  }

  /// The rules of a JSON check result, in order.
  func rules(_ finished: OKRBinary.Finished) throws -> [String] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(finished.output.utf8)) as? [String: Any])
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    return diagnostics.compactMap { $0["rule"] as? String }
  }

  @Test func anEmptyFileAndAFileOfCommentsAreFine() throws {
    #expect(try check("").status == 0)
    #expect(try check("# only\n# comments\n").status == 0)
  }

  @Test func twoHundredThousandBracesGiveOneError() throws {
    let opening = try check(String(repeating: "{", count: 200_000), arguments: ["--format", "json"])
    #expect(opening.status == 1)
    #expect(try rules(opening) == ["syntax"])
    let closing = try check(String(repeating: "}", count: 200_000), arguments: ["--format", "json"])
    #expect(closing.status == 1)
    #expect(try rules(closing) == ["syntax"])
  }

  @Test func randomBytesGiveACappedNumberOfDiagnostics() throws {
    var generator = SplitMix(seed: 7)
    let bytes = (0..<(1 << 20)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    let text = try check(bytes)
    #expect(text.status == 1)
    #expect(text.output.contains("more (--max-diagnostics or --format json shows all)"))
    #expect(text.output.components(separatedBy: "\n").filter { $0.hasPrefix("error[") }.count == 100)
    let json = try check(bytes, arguments: ["--format", "json"])
    #expect(try rules(json).count <= 1_001)
  }

  @Test func nulBytesAndControlCharactersAreShownEscaped() throws {
    let finished = try check(Array("company a \"x\u{0}y\u{1B}[31m\" {\u{0}}\n".utf8))
    #expect(finished.status == 1)
    #expect(finished.output.contains("\\u{0}"))
    #expect(finished.output.contains("\\u{1B}"))
    #expect(!finished.output.contains("\u{1B}"))
    #expect(!finished.output.contains("\u{0}"))
  }

  @Test func invalidUTF8InsideAndOutsideStringsIsAnInvalidLiteral() throws {
    let finished = try check(
      Array("company a \"x".utf8) + [0xFF, 0xFE] + Array("\" {\n}\n".utf8) + [0xC3, 0x28, 0x0A],
      arguments: ["--format", "json"])
    #expect(finished.status == 1)
    #expect(try rules(finished) == ["invalid-literal", "invalid-literal"])
  }

  @Test func aTenMebibyteLineIsReadAndShownCut() throws {
    let finished = try check("company a \"" + String(repeating: "x", count: 10 << 20) + "\" { objective }\n")
    #expect(finished.status == 1)
    #expect(finished.output.split(separator: "\n").allSatisfy { $0.count < 2_000 })
  }

  @Test func aThousandUnterminatedStringsGiveAThousandErrors() throws {
    let text = (0..<1_000).map { "company c\($0) \"unterminated\n" }.joined()
    let finished = try check(text, arguments: ["--format", "json"])
    #expect(finished.status == 1)
    #expect(try rules(finished) == Array(repeating: "syntax", count: 1_000))
  }

  @Test func absurdNumbersDatesAndPeriodsAreInvalidLiterals() throws {
    let finished = try check(
      """
      company a {
        objective o "t" {
          cycle 2026-Q9
          kr k "x" from \(String(repeating: "9", count: 400)) to 1 {
            checkin 2026-02-30 1
          }
        }
      }
      cycle 2026-13 closed
      """, arguments: ["--format", "json"])
    #expect(finished.status == 1)
    #expect(try rules(finished) == Array(repeating: "invalid-literal", count: 4))
  }

  @Test func includesOfThemselvesAndCyclesThroughGlobsAreErrors() throws {
    let folder = try ScratchFolder()
    try folder.write("self.okr", "include \"self.okr\"\n")
    try folder.write("a/plan.okr", "include \"teams/*.okr\"\n")
    try folder.write("a/teams/x.okr", "include \"../*.okr\"\n")
    let itself = try OKRBinary.run(["check", folder.path("self.okr"), "--format", "json"])
    #expect(itself.status == 1)
    #expect(try rules(itself) == ["include-error"])
    let cycle = try OKRBinary.run(["check", folder.path("a/plan.okr"), "--format", "json"])
    #expect(cycle.status == 1)
    #expect(try rules(cycle) == ["include-error"])
  }

  @Test func linksOutOfThePlanFolderAreRefused() throws {
    let outside = try ScratchFolder()
    try outside.write("secret.okr", "company secret \"Secret\"\n")
    let folder = try ScratchFolder()
    try folder.write("plan.okr", "include \"linked.okr\"\n")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("linked.okr"), withDestinationPath: outside.path("secret.okr"))
    let included = try OKRBinary.run(["check", folder.path("plan.okr"), "--format", "json"])
    #expect(included.status == 1)
    #expect(try rules(included) == ["include-error"])
    let walked = try OKRBinary.run(["check", folder.url.path])
    #expect(walked.status == 2)
    #expect(walked.errors.contains("outside"))
    // A linked folder lists its files as plain files, which lie outside all the same.
    let linkedFolder = try ScratchFolder()
    try linkedFolder.write("plan.okr", "company acme \"Acme\"\n")
    try FileManager.default.createSymbolicLink(
      atPath: linkedFolder.path("teams"), withDestinationPath: outside.url.path)
    let throughFolder = try OKRBinary.run(["check", linkedFolder.url.path])
    #expect(throughFolder.status == 2)
    #expect(throughFolder.errors.contains("secret.okr, outside the plan's folder"))
    #expect(!throughFolder.output.contains("secret"))
  }

  @Test func aFolderWithoutPlansAndAFIFOAreUnreadableInput() throws {
    let folder = try ScratchFolder()
    try folder.write("notes.txt", "not a plan")
    let empty = try OKRBinary.run(["check", folder.url.path])
    #expect(empty.status == 2)
    #expect(empty.errors.contains("no .okr files"))
    #expect(mkfifo(folder.path("pipe.okr"), 0o600) == 0)
    let fifo = try OKRBinary.run(["check", folder.path("pipe.okr")])
    #expect(fifo.status == 2)
    #expect(fifo.errors.contains("not a regular file"))
  }

  @Test func fileSizeAndFileCountLimitsGiveClearErrors() throws {
    let folder = try ScratchFolder()
    for name in ["a", "b", "c"] {
      try folder.write("\(name).okr", "company \(name) \"\(String(repeating: "x", count: 200))\"\n")
    }
    let tooLarge = try OKRBinary.run(["check", folder.path("a.okr")], environment: ["OKR_MAX_FILE_SIZE": "100"])
    #expect(tooLarge.status == 2)
    #expect(tooLarge.errors.contains("larger than 100 bytes"))
    let tooMany = try OKRBinary.run(["check", folder.url.path], environment: ["OKR_MAX_FILES": "2"])
    #expect(tooMany.status == 2)
    #expect(tooMany.errors.components(separatedBy: "more than 2 files").count == 2, "said once: \(tooMany.errors)")
    let nonsense = try OKRBinary.run(["check", folder.url.path], environment: ["OKR_MAX_FILES": "many"])
    #expect(nonsense.status == 2)
    #expect(nonsense.errors.contains("OKR_MAX_FILES must be a positive whole number"))
  }

  @Test func aHundredThousandLongChainAndFanInCheckWithoutOverflow() throws {
    let chain = try check(HostilePlans.chain(length: 100_000))
    #expect(chain.status == 0, "\(chain.output.suffix(500))")
    let fanIn = try check(HostilePlans.fanIn(width: 100_000))
    #expect(fanIn.status == 0, "\(fanIn.output.suffix(500))")
  }
}

/// Queries over a 100,000-long chain: every traversal is iterative, and deep trees stay readable.
@Suite struct DeepChainQueryTests {
  @Test func treePathImpactAndProgressOnAHundredThousandLongChain() throws {
    let folder = try ScratchFolder()
    let plan = try folder.write("chain.okr", HostilePlans.chain(length: 100_000))
    let shallow = try OKRBinary.run(["query", plan, "tree c.root depth 20", "--as-of", "2026-02-20"])
    #expect(shallow.exitedNormally)
    #expect(shallow.status == 0, "\(shallow.errors)")
    #expect(shallow.output.contains("t.o20 "))
    #expect(!shallow.output.contains("t.o21 "))

    let answers = try OKRBinary.run([
      "query", plan, "path t.o99999; impact t.o99999 on c.root; progress c.root", "--as-of", "2026-02-20",
    ])
    #expect(answers.status == 0, "\(answers.errors)")
    #expect(answers.output.contains("impact of t.o99999 on c.root"))
    #expect(answers.output.contains("c.root  "))

    let tree = try OKRBinary.run(["query", plan, "tree", "--as-of", "2026-02-20"])
    #expect(tree.status == 0)
    let lines = tree.output.split(separator: "\n")
    // Indentation is capped: no line grows with the depth of the chain.
    #expect(lines.allSatisfy { $0.count < 400 })
    #expect(tree.output.contains("⋯"))
  }
}

/// Large plans built in memory.
enum HostilePlans {
  static let header = """
    company c "C" {
      admin p0
      objective root "Root" {
        cycle 2026
        kr k "k" from 0 to 10 current 5
      }
    }
    person p0 "P" in c
    team t "T" in c { lead p0 }

    """

  /// `t.o1` supports `c.root`, `t.o2` supports `t.o1`, … (a chain `length` long).
  static func chain(length: Int) -> String {
    var text = header + "team t {\n"
    for index in 1..<length {
      let parent = index == 1 ? "c.root" : "t.o\(index - 1)"
      text += "  objective o\(index) \"Step \(index)\" {\n    cycle 2026-Q1\n    owner p0\n"
      text += "    supports \(parent) accepted by p0\n    kr k \"k\" from 0 to 10 current 5\n  }\n"
    }
    return text + "}\n"
  }

  /// `width` person objectives, each supporting `c.root` (one owner per objective keeps
  /// `too-many-objectives` quiet).
  static func fanIn(width: Int) -> String {
    var text = header
    for index in 1..<width {
      text += "person q\(index) \"Q\" in t {\n  objective o \"Part \(index)\" {\n    cycle 2026-Q1\n"
      text += "    supports c.root accepted by p0\n    kr k \"k\" from 0 to 10 current 5\n  }\n}\n"
    }
    return text
  }
}

/// A small deterministic generator (SplitMix64) for test data.
struct SplitMix {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

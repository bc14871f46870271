import Testing

@testable import OKRKit

/// The JSON export is written a piece at a time; pieced together it must be the document
/// ``PlanExport/json()`` describes, byte for byte.
@Suite struct ExportStreamingTests {
  /// A plan whose JSON export runs to several megabytes: 2,000 objectives with key results,
  /// check-ins and links.
  static let largePlan: String = {
    var text = """
      cycle h1 2026-01-01..2026-06-30
      company c "C" { objective top "Top" { cycle h1; kr k "K" from 0 to 10 current 4 } }
      person p "P" in c
      team t "T" in c {
        lead p

      """
    for index in 0..<2_000 {
      text += """
          objective o\(index) "Objective \(index) with \\"quotes\\" and ü" {
            cycle h1
            owner p
            supports c.top.k accepted by p
            kr a "First" from 0 to 100 current \(index % 100) {
              checkin 2026-02-01 \(index % 50)
            }
            kr b "Second" milestone
            kr c "Third" progress \(index % 10 * 10)%
          }

        """
    }
    return text + "}\n"
  }()

  @Test func piecesJoinToTheWholeDocument() {
    let export = ExportFixtures.export(text: Self.largePlan)
    var pieces: [[UInt8]] = []
    export.write(.json) { pieces.append(Array($0)) }
    #expect(pieces.count > 2)
    let joined = pieces.flatMap { $0 }
    // Compared here, not in the expectation: a failure would print megabytes.
    let expected = Array((export.json().serialized() + "\n").utf8)
    let firstDifference =
      joined.indices.first { $0 >= expected.count || joined[$0] != expected[$0] } ?? joined.count
    let same = joined.count == expected.count && firstDifference == joined.count
    #expect(same, "first difference at byte \(firstDifference)")
    let sameAsText = joined == Array(export.text(.json).utf8)
    #expect(sameAsText)
  }

  /// The graph and report formats make their nodes, edges and rows in pieces on all cores; the
  /// pieces must come back in declaration order, each objective exactly once.
  @Test(arguments: [ExportFormat.dot, .mermaid, .markdown])
  func manyObjectivesComeInDeclarationOrder(format: ExportFormat) {
    let text = ExportFixtures.export(text: Self.largePlan).text(format)
    var position = text.startIndex
    var inOrder = true
    for index in 0..<2_000 {
      // Each objective's id is followed by a character that no longer id can have there.
      let id = "t.o\(index)" + (format == .markdown ? "`" : format == .dot ? "\"" : "<")
      guard let found = text.range(of: id, range: position..<text.endIndex) else {
        inOrder = false
        break
      }
      position = found.upperBound
    }
    #expect(inOrder, "an objective is missing or out of order in the \(format) export")
    // DOT names it as a node, in its label and as the child of its edge; the others in a label.
    #expect(text.components(separatedBy: "t.o1999").count - 1 == (format == .dot ? 3 : 1))
  }

  @Test(arguments: [ExportFormat.dot, .mermaid, .markdown])
  func otherFormatsAreWrittenInOnePiece(format: ExportFormat) throws {
    let export = try ExportFixtures.export("product-launch")
    var pieces: [[UInt8]] = []
    export.write(format) { pieces.append(Array($0)) }
    #expect(pieces.count == 1)
    #expect(pieces.first.map { String(decoding: $0, as: UTF8.self) } == export.text(format))
  }
}

/// JSON strings are escaped as bytes, a run at a time; the result must be what escaping scalar by
/// scalar gives.
@Suite struct JSONStringEscapingTests {
  /// Escapes `text` one scalar at a time: quotes, backslashes, C0 controls, DEL, C1 controls and
  /// the line and paragraph separators.
  static func reference(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\t": output += "\\t"
      case "\r": output += "\\r"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
          || scalar.value == 0x2029
        {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output + "\""
  }

  /// Scalars at the edges of every escaping rule, and neighbours that share their first bytes.
  static let scalars: [Unicode.Scalar] = [
    "\u{0}", "\u{1}", "\u{9}", "\u{A}", "\u{D}", "\u{1F}", " ", "!", "\"", "#", "[", "\\", "]", "~", "\u{7F}",
    "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{BF}", "é", "\u{7FF}", "\u{800}", "\u{2027}", "\u{2028}",
    "\u{2029}", "\u{202A}", "\u{20AC}", "\u{FFFD}", "😀", "\u{10FFFF}", "a", "z", "0",
  ]

  @Test func escapingAsBytesMatchesEscapingScalarByScalar() {
    var generator = SeededGenerator(seed: 2_028)
    for _ in 0..<2_000 {
      var text = ""
      for _ in 0..<Int.random(in: 0...12, using: &generator) {
        text.unicodeScalars.append(Self.scalars.randomElement(using: &generator)!)
      }
      let written = JSONValue.string(text).serialized(pretty: false)
      #expect(written == Self.reference(text), "\(Array(text.unicodeScalars))")
      if written != Self.reference(text) { return }
    }
  }
}

import Foundation
import Testing

@testable import OKRKit

/// Plan text with quotes, backslashes, HTML, Markdown and table syntax, line breaks, tabs and
/// terminal escapes (`Fixtures/export/hostile.okr`) comes out of every format as text, never as
/// syntax.
@Suite struct ExportEscapingTests {
  /// The title of `evil.x`, as the plan decodes it.
  static let hostileTitle =
    "Say \"hi\" \\ <script>alert(1)</script> | a*b_c [x](y) #1 $5 &amp; `code` direction TB \u{1B}[31mred\nsecond\tline \\N end"

  private func hostile() throws -> PlanExport { try ExportFixtures.export("hostile") }

  private func objective(_ name: String, in export: PlanExport) -> ObjectiveID { export.plan.objectiveID(name) }

  @Test func theFixtureHoldsTheHostileTitle() throws {
    let export = try hostile()
    #expect(export.title(of: objective("evil.x", in: export)) == Self.hostileTitle)
  }

  @Test(arguments: ExportFormat.allCases) func noControlCharacterGetsOut(_ format: ExportFormat) throws {
    let text = try hostile().text(format)
    let raw = text.unicodeScalars.filter { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    #expect(raw.isEmpty, "raw control characters: \(raw.map { String($0.value, radix: 16) })")
  }

  // MARK: - JSON

  @Test func jsonGivesBackEveryStringExactly() throws {
    let export = try hostile()
    let data = Data(export.text(.json).utf8)
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let objectives = try #require(document["objectives"] as? [[String: Any]])
    let x = try #require(objectives.first { $0["id"] as? String == "evil.x" })
    #expect(x["title"] as? String == Self.hostileTitle)
    #expect(x["note"] as? String == "a note with \"quotes\"\nand a bell \u{7}")
    let keyResults = try #require(x["keyResults"] as? [[String: Any]])
    #expect(keyResults.first?["title"] as? String == "KR | with *stars*; style: #quot; and \\")
    let entities = try #require(document["entities"] as? [[String: Any]])
    #expect(entities.first { $0["id"] as? String == "boss" }?["name"] as? String == "B|oss \\ \u{1B}]0;title\u{7}")
    #expect(entities.first { $0["id"] as? String == "my-team_1" }?["name"] as? String == "Ünïcødé 🚀 日本 \u{85}next")
    let padded = try #require(objectives.first { $0["id"] as? String == "my-team_1.padded" })
    #expect(padded["title"] as? String == "  spaced out  ")
  }

  // MARK: - DOT

  @Test func dotEscapesQuotesBackslashesEntitiesAndControls() {
    #expect(DOTText.quoted("a \"b\" \\N & c\u{1B}\td\ne") == #""a \"b\" \\N &amp; c\\u{1B} d\ne""#)
    #expect(DOTText.quoted("ends with \\") == #""ends with \\""#)
    #expect(DOTText.quoted("<b>日本</b>") == #""<b>日本</b>""#)
  }

  @Test func graphvizShowsTheHostileTitleAsText() throws {
    guard let dot = ExportFixtures.dot else { return }
    let export = try hostile()
    let result = try ExportFixtures.svg(export.dot(), dot: dot)
    #expect(result.status == 0)
    #expect(result.errors.isEmpty, "dot said: \(result.errors)")
    let shown = Self.svgTexts(result.svg)
    let id = objective("evil.x", in: export)
    let expected =
      ["evil.x"] + PlanExport.wrapped(Self.hostileTitle).map(ExportFixtures.shown) + [export.progressSummary(of: id)]
    let start = try #require(shown.firstIndex(of: "evil.x"))
    #expect(Array(shown[start..<min(shown.count, start + expected.count)]) == expected)
    #expect(!result.svg.contains("<script>"))
  }

  /// The text of each `<text>` element of an SVG, XML entities decoded.
  private static func svgTexts(_ svg: String) -> [String] {
    var texts: [String] = []
    var rest = svg[...]
    while let open = rest.range(of: "<text"), let end = rest[open.upperBound...].range(of: ">"),
      let close = rest[end.upperBound...].range(of: "</text>")
    {
      texts.append(xmlDecoded(String(rest[end.upperBound..<close.lowerBound])))
      rest = rest[close.upperBound...]
    }
    return texts
  }

  private static func xmlDecoded(_ text: String) -> String {
    var out = ""
    var rest = text[...]
    while let amp = rest.firstIndex(of: "&"), let semicolon = rest[amp...].firstIndex(of: ";") {
      out += rest[..<amp]
      let name = rest[rest.index(after: amp)..<semicolon]
      switch name {
      case "lt": out += "<"
      case "gt": out += ">"
      case "amp": out += "&"
      case "quot": out += "\""
      case "apos": out += "'"
      default:
        if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
          out.unicodeScalars.append(scalar)
        } else {
          out += rest[amp...semicolon]
        }
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return out + rest
  }

  // MARK: - Mermaid

  @Test func mermaidUsesEntityCodesForEverythingItWouldRead() {
    #expect(
      MermaidText.escaped("say \"hi\" #1 & <b> | a:b; \\n `x`")
        == "say #quot;hi#quot; #35;1 #amp; #lt;b#gt; #124; a#58;b#59; #92;n #96;x#96;")
    #expect(MermaidText.escaped("line\nbreak\tand \u{1B}[0m") == "line<br/>break and #92;u{1B}[0m")
    #expect(
      MermaidText.escaped("change direction TB now; redirection") == "change #100;irection TB now#59; re#100;irection")
  }

  @Test func mermaidLabelsDecodeToTheTitle() throws {
    let export = try hostile()
    let mermaid = export.mermaid()
    #expect(!mermaid.contains("direction"))
    let nodeLines = mermaid.split(separator: "\n").filter { $0.hasPrefix("    n") }
    #expect(nodeLines.count == export.plan.objectives.count)
    for line in nodeLines {
      // n0["…"]: inside the label no quote, and nothing Mermaid reads outside entity codes and <br/>.
      let label = try #require(line.firstRange(of: "[\"").map { line[$0.upperBound...] })
      #expect(label.hasSuffix("\"]"))
      let body = label.dropLast(2)
      #expect(!body.contains("\""))
      let plain = body.replacing(/#[0-9a-z]+;/, with: "").replacing("<br/>", with: "")
      #expect(!plain.contains(where: { ":;#&<>\\`|".contains($0) }), "unescaped syntax in \(line)")
    }
    let x = try #require(nodeLines.first { $0.hasPrefix("    n0[") })
    let decoded = Self.mermaidDecoded(String(x.dropFirst("    n0[\"".count).dropLast(2)))
    let expected =
      (["evil.x"] + PlanExport.wrapped(Self.hostileTitle).map(ExportFixtures.shown)
      + [export.progressSummary(of: objective("evil.x", in: export))]).joined(separator: "\n")
    #expect(decoded == expected)
  }

  /// What Mermaid shows for a label: `<br/>` a line break, entity codes decoded.
  private static func mermaidDecoded(_ label: String) -> String {
    let named = ["quot": "\"", "amp": "&", "lt": "<", "gt": ">"]
    var out = ""
    var rest = label.replacing("<br/>", with: "\n")[...]
    while let hash = rest.firstIndex(of: "#"), let semicolon = rest[hash...].firstIndex(of: ";") {
      out += rest[..<hash]
      let name = String(rest[rest.index(after: hash)..<semicolon])
      if let text = named[name] {
        out += text
      } else if let code = UInt32(name), let scalar = Unicode.Scalar(code) {
        out.unicodeScalars.append(scalar)
      } else {
        out += rest[hash...semicolon]
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return out + rest
  }

  // MARK: - Markdown

  @Test func markdownEscapesEverySpecialCharacter() {
    #expect(
      MarkdownText.inline("a*b_c `d` [e](f) <g> | h # i ~ j $ k & l \\ m")
        == ##"a\*b\_c \`d\` \[e\](f) \<g\> \| h \# i \~ j \$ k \& l \\ m"##)
    #expect(MarkdownText.inline("one\ntwo\tthree \u{1B}[1m") == #"one<br>two three \\u{1B}\[1m"#)
    #expect(MarkdownText.strong("  spaced  ") == "  spaced  ")
    #expect(MarkdownText.strong("") == "")
    #expect(MarkdownText.strong("*") == #"**\***"#)
    #expect(MarkdownText.code("a`b``c") == "```a`b``c```")
    #expect(MarkdownText.code("`edge`") == "`` `edge` ``")
    #expect(MarkdownText.number(40_000) == "40,000")
    #expect(MarkdownText.number(-1_250.5) == "-1,250.5")
    #expect(MarkdownText.number(999) == "999")
    #expect(MarkdownText.number(1e20) == QueryRenderer.decimal(1e20))
  }

  @Test func markdownShowsTheHostileTitleAsText() throws {
    let markdown = try hostile().markdown()
    let escaped = MarkdownText.inline(Self.hostileTitle)
    #expect(markdown.contains("- 🟢 **\(escaped)** `evil.x` — "))
    #expect(
      escaped == ##"Say "hi" \\ \<script\>alert(1)\</script\> \| a\*b\_c \[x\](y) \#1 \$5 \&amp; \`code\` "##
        + #"direction TB \\u{1B}\[31mred<br>second line \\N end"#)
    #expect(markdown.hasPrefix(#"# Evil "Corp" \<b\>\|\</b\>: OKRs as of 2026-05-01"# + "\n"))
    // Removing the backslash escapes gives the text back (line breaks as <br>).
    let unescaped = escaped.replacing(/\\(.)/) { String($0.output.1) }
    #expect(unescaped == ExportFixtures.shown(Self.hostileTitle).replacing("\n", with: "<br>"))
  }
}

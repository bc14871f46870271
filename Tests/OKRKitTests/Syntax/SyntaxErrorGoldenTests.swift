import Foundation
import Testing

@testable import OKRKit

/// One golden per syntax and literal error the lexer and parser report: the fixture
/// `Fixtures/syntax/NAME.okr`, its rendered diagnostics `NAME.txt` and their JSON `NAME.json`.
@Suite struct SyntaxErrorGoldenTests {
  @Test(arguments: FrontEndFixtures.syntaxFixtureNames)
  func diagnosticsMatchTheGoldens(_ name: String) throws {
    let folder = FrontEndFixtures.folder.appendingPathComponent("syntax")
    let bytes = try FrontEndFixtures.bytes(folder.appendingPathComponent(name + ".okr"))
    let plan = FrontEndFixtures.parse(bytes, path: name + ".okr")
    #expect(!plan.diagnostics.isEmpty, "each syntax fixture shows at least one error")
    #expect(plan.diagnostics.allSatisfy { $0.rule == .syntax || $0.rule == .invalidLiteral })
    FrontEndFixtures.expectMatchesGolden(
      FrontEndFixtures.renderedText(plan), folder.appendingPathComponent(name + ".txt"))
    FrontEndFixtures.expectMatchesGolden(
      FrontEndFixtures.renderedJSON(plan), folder.appendingPathComponent(name + ".json"))
  }

  // Not while recording: goldens being rewritten leave temporary files in the folder.
  @Test(.disabled(if: Golden.isRecording))
  func everyGoldenHasItsFixture() throws {
    let folder = FrontEndFixtures.folder.appendingPathComponent("syntax")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    let fixtures = Set(FrontEndFixtures.syntaxFixtureNames)
    #expect(fixtures.count >= 40)
    for name in names where !name.hasSuffix(".okr") {
      let stem = (name as NSString).deletingPathExtension
      #expect(fixtures.contains(stem), "\(name) has no fixture")
    }
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let url = FrontEndFixtures.folder.appendingPathComponent("syntax/multibyte-column.okr")
    let plan = FrontEndFixtures.parse(try FrontEndFixtures.bytes(url))
    // `\tobjective ventes "Vendre plus, 販売 😀" { bogus }`: `bogus` starts at the 41st character.
    #expect(FrontEndFixtures.positions(plan) == ["2:41 syntax"])
  }

  @Test func aByteOrderMarkIsIgnored() {
    let plan = FrontEndFixtures.parse([0xEF, 0xBB, 0xBF] + Array("person alice \"Alice\"\n".utf8))
    #expect(plan.diagnostics.isEmpty)
    #expect(plan.syntax[0].items.count == 1)
  }
}

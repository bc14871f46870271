import OKRLineEditing
import Testing

@Suite struct ScriptedLineReaderTests {
  @Test func playsTheScriptThenEndsInput() {
    var reader = ScriptedLineReader([.line("show nova"), .interrupted, .line("")])
    #expect(reader.readLine(prompt: "okr> ") == .line("show nova"))
    #expect(reader.readLine(prompt: "okr> ") == .interrupted)
    #expect(reader.readLine(prompt: "...> ") == .line(""))
    #expect(reader.readLine(prompt: "okr> ") == .endOfInput)
    #expect(reader.readLine(prompt: "okr> ") == .endOfInput)
    #expect(reader.prompts == ["okr> ", "okr> ", "...> ", "okr> ", "okr> "])
  }

  @Test func linesConvenience() {
    var reader: any LineReader = ScriptedLineReader(lines: ["a", "b"])
    #expect(reader.readLine(prompt: "") == .line("a"))
    #expect(reader.readLine(prompt: "") == .line("b"))
    #expect(reader.readLine(prompt: "") == .endOfInput)
  }
}

import OKRLineEditing
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct LineReadersTests {
  @Test(.enabled(if: isatty(STDIN_FILENO) == 0, "standard input is a terminal"))
  func withoutATerminalTheDefaultReaderIsPlain() {
    #expect(EditLineReader(historyFile: nil) == nil)
    #expect(LineReaders.makeDefault(historyFile: nil) is PlainLineReader)
  }
}

import OKRLineEditing
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct InterruptFlagTests {
  @Test func sigintRaisesTheFlagInsteadOfEndingTheProcess() async throws {
    InterruptFlag.install()
    InterruptFlag.clear()
    #expect(!InterruptFlag.isRaised)
    // Sent to the process, as the terminal does: any thread that does not block
    // SIGINT may run the handler, so the flag goes up a moment later.
    kill(getpid(), SIGINT)
    let deadline = ContinuousClock.now + .seconds(10)
    while !InterruptFlag.isRaised, ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(5))
    }
    #expect(InterruptFlag.isRaised)
    #expect(InterruptFlag.clear())
    #expect(!InterruptFlag.isRaised)
    #expect(!InterruptFlag.clear())
  }
}

import OKRLineEditing
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct InterruptFlagTests {
  @Test func sigintRaisesTheFlagInsteadOfEndingTheProcess() {
    InterruptFlag.install()
    InterruptFlag.clear()
    #expect(!InterruptFlag.isRaised)
    // Test threads block SIGINT, so a signal sent to the process would wait for whichever
    // thread unblocks it. Unblocked here, `raise` runs the handler on this thread before it
    // returns. (Ctrl-C from a real terminal is covered by the pseudo-terminal tests.)
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    var previous = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &interrupt, &previous)
    raise(SIGINT)
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    #expect(InterruptFlag.isRaised)
    #expect(InterruptFlag.clear())
    #expect(!InterruptFlag.isRaised)
    #expect(!InterruptFlag.clear())
  }
}

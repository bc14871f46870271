import CLineEdit

/// Ctrl-C as a flag that long-running work polls, instead of a signal that ends the process.
///
/// Once ``install()`` has run (``EditLineReader`` does it), SIGINT raises the flag.
/// At the prompt, ``EditLineReader`` turns it into ``LineReadResult/interrupted``.
/// While a command runs, the command checks ``isRaised`` at convenient points — say,
/// once per objective it evaluates — and stops early when it is set; the REPL then
/// calls ``clear()`` and prompts again:
///
/// ```swift
/// for objective in plan.objectives {
///   if InterruptFlag.isRaised { return .cancelled }
///   …
/// }
/// ```
///
/// Work that never polls cannot be interrupted; Ctrl-\ (SIGQUIT) still ends the
/// process. The flag is a C atomic set by the signal handler itself, since a
/// handler may only touch lock-free atomics, not run Swift code.
public enum InterruptFlag {
  /// Makes Ctrl-C raise the flag instead of ending the process. Calling it again does nothing more.
  public static func install() {
    okr_le_install_interrupt_handler()
  }

  /// Whether Ctrl-C was pressed since the flag was last cleared.
  public static var isRaised: Bool {
    okr_le_interrupt_raised() != 0
  }

  /// Lowers the flag, returning whether it was raised.
  @discardableResult
  public static func clear() -> Bool {
    okr_le_clear_interrupt() != 0
  }
}

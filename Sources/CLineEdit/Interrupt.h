// Private to CLineEdit: how okr_le_readline cooperates with the SIGINT handler.

#ifndef OKR_CLINEEDIT_INTERRUPT_H
#define OKR_CLINEEDIT_INTERRUPT_H

/// Called just before libedit reads a line on this thread: clears a stale
/// interrupt and holds SIGINT back on this thread except while it waits for
/// input (see okr_le_interrupt_wait_for_input).
void okr_le_interrupt_begin_reading(void);

/// Waits until `descriptor` has input (1) or Ctrl-C was pressed (0; also when
/// it was pressed before the wait began); -1 when waiting failed. SIGINT is let
/// through only for the wait itself, atomically (pselect), so a Ctrl-C that
/// comes while libedit is busy redrawing is not lost: it stays pending and ends
/// the next wait.
int okr_le_interrupt_wait_for_input(int descriptor);

/// Called once libedit returns: restores this thread's signal mask and returns
/// whether a SIGINT arrived meanwhile, clearing the flag.
int okr_le_interrupt_end_reading(void);

#endif

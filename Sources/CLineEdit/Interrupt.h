// Private to CLineEdit: how okr_le_readline cooperates with the SIGINT handler.

#ifndef OKR_CLINEEDIT_INTERRUPT_H
#define OKR_CLINEEDIT_INTERRUPT_H

/// Called just before libedit reads a line on this thread: clears a stale
/// interrupt and lets SIGINT cut the terminal read short (no SA_RESTART).
void okr_le_interrupt_begin_reading(void);

/// Called once libedit returns: restores SA_RESTART and returns whether a
/// SIGINT arrived meanwhile, clearing the flag.
int okr_le_interrupt_end_reading(void);

#endif

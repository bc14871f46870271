// CLineEdit: the small C shim between Swift and libedit.
//
// libedit is loaded at run time with dlopen, so building okr needs no libedit
// headers and running it needs only the libedit runtime that ships with the
// system. Every call into libedit happens in C; the API below is plain,
// non-variadic C for Swift to call.
//
// libedit's readline emulation is process-wide (one line, one history, one
// completion hook), and so is this shim: use it from one thread at a time.

#ifndef OKR_CLINEEDIT_H
#define OKR_CLINEEDIT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Loads libedit and resolves the functions the shim needs.
/// Returns 1 when libedit is usable, 0 when it is missing or incomplete.
/// Safe to call more than once; only the first call does the work.
int okr_le_load(void);

/// Prepares libedit's readline emulation for reading lines: selects a UTF-8
/// character type locale if the process has none, makes libedit leave signals
/// alone (the shim handles Ctrl-C itself), names the application for
/// ~/.editrc, and routes Tab to the completer. Requires okr_le_load() == 1.
void okr_le_start(const char *application_name);

/// How okr_le_readline ended.
typedef enum okr_le_status {
  /// The user entered a line.
  OKR_LE_LINE = 0,
  /// Standard input ended (Ctrl-D on an empty line).
  OKR_LE_END_OF_INPUT = 1,
  /// Ctrl-C abandoned the line.
  OKR_LE_INTERRUPTED = 2,
} okr_le_status;

/// Reads one line with editing, showing `prompt`.
/// Returns the line (without its newline; the caller frees it with free())
/// when *status is OKR_LE_LINE, and NULL otherwise. After Ctrl-C or Ctrl-D it
/// writes a newline so the next output starts on a fresh line.
char *okr_le_readline(const char *prompt, okr_le_status *status);

/// Appends `line` to the in-memory history.
void okr_le_add_history(const char *line);

/// Keeps at most `max_entries` history entries, dropping the oldest.
void okr_le_limit_history(int max_entries);

/// Loads history from `path`. Returns 0 or an errno value.
int okr_le_read_history(const char *path);

/// Saves the in-memory history to `path`. Returns 0 or an errno value.
int okr_le_write_history(const char *path);

/// A completion hook, called on Tab with the whole line (UTF-8) and the cursor
/// as a byte offset into it. It reports each candidate with
/// okr_le_add_candidate and returns the byte offset where the word being
/// completed starts (the candidates replace line[start, cursor)), or -1 for
/// no completion.
typedef long (*okr_le_completer)(const char *line, long cursor);

/// Installs (or, with NULL, removes) the completion hook.
void okr_le_set_completer(okr_le_completer completer);

/// Adds one candidate; only valid while the completion hook runs.
void okr_le_add_candidate(const char *candidate);

/// Makes SIGINT raise the interrupt flag instead of ending the process.
/// Idempotent. Outside okr_le_readline the handler uses SA_RESTART, so
/// blocking calls made by a long-running command are not cut short.
void okr_le_install_interrupt_handler(void);

/// Whether SIGINT arrived since the flag was last cleared (1) or not (0).
int okr_le_interrupt_raised(void);

/// Lowers the interrupt flag; returns whether it was raised.
int okr_le_clear_interrupt(void);

#ifdef __cplusplus
}
#endif

#endif

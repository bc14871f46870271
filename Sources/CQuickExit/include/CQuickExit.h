// CQuickExit: ending a process without waiting for the system to take back its memory.
//
// When a process that holds a gigabyte exits, the system frees its pages before the process
// counts as ended, which on Linux takes about 65 ms a gigabyte; whoever waits for the process
// (a shell, a CI job) waits for that too.

#ifndef OKR_CQUICKEXIT_H
#define OKR_CQUICKEXIT_H

#ifdef __cplusplus
extern "C" {
#endif

/// Ends the process with `status`, as exit(3) does, but on Linux first hands its memory to a
/// helper process that closes every file it shares and waits for this one to end: the memory is
/// then freed as the helper ends, after this process has ended and been waited for. Elsewhere, or
/// when the helper cannot be started, it is exit(3) alone.
_Noreturn void okr_exit_leaving_memory(int status);

#ifdef __cplusplus
}
#endif

#endif

#define _GNU_SOURCE
#include "CQuickExit.h"

#include <stdlib.h>

#if defined(__linux__)
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

/// The pipe the helper waits on: its writing end closes when this process ends.
static int ending[2];
/// The helper's stack (it shares this process's memory, so it needs one of its own).
static char helper_stack[16384] __attribute__((aligned(64)));

/// The helper: it closes every descriptor but the pipe's reading end (it has its own copy of the
/// table), so that nothing reading this process's output or holding its files waits for it, then
/// waits for the end of the pipe and exits, which frees the memory. Only system calls: it runs
/// on memory and thread state it shares with the process that is ending.
static int hold_memory(void *unused) {
  (void)unused;
  int kept = ending[0];
  if (syscall(SYS_close_range, 0U, (unsigned)kept - 1, 0U) != 0 ||
      syscall(SYS_close_range, (unsigned)kept + 1, ~0U, 0U) != 0) {
    // A system before close_range (Linux 5.9): the usual descriptors, one by one.
    for (int descriptor = 0; descriptor < 1024; descriptor++) {
      if (descriptor != kept) syscall(SYS_close, descriptor);
    }
  }
  char byte;
  while (syscall(SYS_read, kept, &byte, 1) > 0) {}
  syscall(SYS_exit, 0);
  return 0;
}
#endif

void okr_exit_leaving_memory(int status) {
#if defined(__linux__)
  if (pipe2(ending, O_CLOEXEC) == 0) {
    // The helper takes no signal: it ends when this process does, and only then.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &previous);
    // Sharing the memory (CLONE_VM) but not the descriptors; SIGCHLD so that whoever adopts it
    // (init, or a subreaper) collects it as any other child.
    pid_t helper = clone(hold_memory, helper_stack + sizeof helper_stack, CLONE_VM | SIGCHLD, NULL);
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(ending[0]);
    if (helper < 0) close(ending[1]);
  }
#endif
  exit(status);
}

// Ctrl-C as a flag: the SIGINT handler and its interplay with line reading.
//
// The handler only touches lock-free atomics and async-signal-safe calls.
// While a line is being read, SIGINT must interrupt the reader thread's read()
// so libedit returns: the reader thread unblocks SIGINT (worker threads, such as
// Dispatch's, often block it), and a SIGINT delivered to another thread is
// forwarded to the reader.

#include "Interrupt.h"
#include "CLineEdit.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>

static atomic_int interrupt_raised;
static atomic_int reading;
static pthread_t reader_thread;
static sigset_t reader_saved_mask;

static void on_sigint(int signal_number) {
  (void)signal_number;
  int saved_errno = errno;
  atomic_store(&interrupt_raised, 1);
  if (atomic_load(&reading) && !pthread_equal(pthread_self(), reader_thread)) {
    pthread_kill(reader_thread, SIGINT);
  }
  errno = saved_errno;
}

static void install(int flags) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_sigint;
  action.sa_flags = flags;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, NULL);
}

void okr_le_install_interrupt_handler(void) { install(SA_RESTART); }

int okr_le_interrupt_raised(void) { return atomic_load(&interrupt_raised); }

int okr_le_clear_interrupt(void) { return atomic_exchange(&interrupt_raised, 0); }

void okr_le_interrupt_begin_reading(void) {
  sigset_t interrupt;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  reader_thread = pthread_self();
  atomic_store(&reading, 1);
  atomic_store(&interrupt_raised, 0);
  install(0);
  pthread_sigmask(SIG_UNBLOCK, &interrupt, &reader_saved_mask);
}

int okr_le_interrupt_end_reading(void) {
  pthread_sigmask(SIG_SETMASK, &reader_saved_mask, NULL);
  install(SA_RESTART);
  atomic_store(&reading, 0);
  return atomic_exchange(&interrupt_raised, 0);
}

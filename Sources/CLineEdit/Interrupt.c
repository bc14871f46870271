// Ctrl-C as a flag: the SIGINT handler and its interplay with line reading.
//
// The handler only touches lock-free atomics and async-signal-safe calls.
// While a line is being read, Ctrl-C must make libedit return whatever it is
// doing. libedit retries a read() cut short by a signal, and a signal that comes
// while it is not in read() (redrawing, say) would only set the flag. So the
// reader thread blocks SIGINT while it reads a line and lets it through only
// inside pselect(), atomically: a SIGINT that came meanwhile is pending and ends
// the wait at once. A SIGINT delivered to another thread (one that does not
// block it) is forwarded to the reader.

#include "Interrupt.h"
#include "CLineEdit.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/select.h>

static atomic_int interrupt_raised;
static atomic_int reading;
static pthread_t reader_thread;
static sigset_t reader_saved_mask;
/// The reader's mask while it waits for input: the saved one with SIGINT let through.
static sigset_t reader_waiting_mask;

static void on_sigint(int signal_number) {
  (void)signal_number;
  int saved_errno = errno;
  atomic_store(&interrupt_raised, 1);
  if (atomic_load(&reading) && !pthread_equal(pthread_self(), reader_thread)) {
    pthread_kill(reader_thread, SIGINT);
  }
  errno = saved_errno;
}

void okr_le_install_interrupt_handler(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_sigint;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, NULL);
}

int okr_le_interrupt_raised(void) { return atomic_load(&interrupt_raised); }

int okr_le_clear_interrupt(void) { return atomic_exchange(&interrupt_raised, 0); }

void okr_le_interrupt_begin_reading(void) {
  sigset_t interrupt;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  reader_thread = pthread_self();
  atomic_store(&interrupt_raised, 0);
  pthread_sigmask(SIG_BLOCK, &interrupt, &reader_saved_mask);
  reader_waiting_mask = reader_saved_mask;
  sigdelset(&reader_waiting_mask, SIGINT);
  atomic_store(&reading, 1);
}

int okr_le_interrupt_wait_for_input(int descriptor) {
  for (;;) {
    if (atomic_load(&interrupt_raised))
      return 0;
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(descriptor, &readable);
    int ready = pselect(descriptor + 1, &readable, NULL, NULL, NULL, &reader_waiting_mask);
    if (ready > 0)
      return 1;
    if (ready < 0 && errno != EINTR)
      return -1;
  }
}

int okr_le_interrupt_end_reading(void) {
  atomic_store(&reading, 0);
  pthread_sigmask(SIG_SETMASK, &reader_saved_mask, NULL);
  return atomic_exchange(&interrupt_raised, 0);
}

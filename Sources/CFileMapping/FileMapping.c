// Read-only file mappings that survive their file shrinking.
//
// A page of a mapped file that no longer exists (the file was truncated by another program)
// raises SIGBUS when read. The handler below puts a page of zeros in its place and notes it, so
// the reader sees zeros (which the lexer reports as invalid characters) and the caller can say
// that the file changed while it was read. A SIGBUS anywhere else gets the action it had before.

#define _GNU_SOURCE
#include "CFileMapping.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#define SLOT_COUNT 256

struct mapping {
  _Atomic(uintptr_t) start;  // 0 when the slot is free
  _Atomic(size_t) size;
  _Atomic(int) cut;
};

static struct mapping mappings[SLOT_COUNT];
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t handler_once = PTHREAD_ONCE_INIT;
static int handler_installed;
static struct sigaction previous_action;
static uintptr_t page_size;

static void on_bus_error(int signal_number, siginfo_t *info, void *context) {
  (void)context;
  uintptr_t address = (uintptr_t)info->si_addr;
  for (int slot = 0; slot < SLOT_COUNT; slot++) {
    uintptr_t start = atomic_load(&mappings[slot].start);
    if (start == 0 || address < start || address - start >= atomic_load(&mappings[slot].size)) continue;
    void *page = (void *)(address & ~(page_size - 1));
    if (mmap(page, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
      atomic_store(&mappings[slot].cut, 1);
      return;
    }
    break;
  }
  // Not a page of ours: returning retries the access under the action there was before.
  sigaction(signal_number, &previous_action, NULL);
}

static void install_handler(void) {
  page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
  struct sigaction action = {0};
  action.sa_sigaction = on_bus_error;
  action.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigemptyset(&action.sa_mask);
  handler_installed = sigaction(SIGBUS, &action, &previous_action) == 0;
}

int okr_map_file(int descriptor, size_t size) {
  if (size == 0) return -1;
  pthread_once(&handler_once, install_handler);
  if (!handler_installed) return -1;
#ifdef MAP_POPULATE
  void *start = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0);
#else
  void *start = mmap(NULL, size, PROT_READ, MAP_PRIVATE, descriptor, 0);
#endif
  if (start == MAP_FAILED) return -1;
  pthread_mutex_lock(&slots_lock);
  int slot = 0;
  while (slot < SLOT_COUNT && atomic_load(&mappings[slot].start) != 0) slot++;
  if (slot < SLOT_COUNT) {
    atomic_store(&mappings[slot].size, size);
    atomic_store(&mappings[slot].cut, 0);
    atomic_store(&mappings[slot].start, (uintptr_t)start);
  }
  pthread_mutex_unlock(&slots_lock);
  if (slot == SLOT_COUNT) {
    munmap(start, size);
    return -1;
  }
  return slot;
}

const void *okr_mapping_start(int slot) { return (const void *)atomic_load(&mappings[slot].start); }

int okr_mapping_was_cut(int slot) { return atomic_load(&mappings[slot].cut); }

void okr_unmap_file(int slot) {
  pthread_mutex_lock(&slots_lock);
  uintptr_t start = atomic_exchange(&mappings[slot].start, 0);
  if (start != 0) munmap((void *)start, atomic_load(&mappings[slot].size));
  pthread_mutex_unlock(&slots_lock);
}

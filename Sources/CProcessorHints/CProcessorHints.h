// Hints to the processor that change no result, only how soon memory arrives.

/// Starts loading the cache line holding `address` for reading, so that a read of it soon after
/// does not wait for memory. A hint: it never faults, whatever the address.
static inline void okr_prefetch_for_reading(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(address, 0, 3);
#endif
}

#ifndef OKR_FILE_MAPPING_H
#define OKR_FILE_MAPPING_H

#include <stddef.h>

/// Maps the first `size` bytes of the open file `descriptor` for reading, every page at once.
/// Returns the mapping's slot (0 or more) for the calls below, or -1 when the file cannot be
/// mapped (read it instead).
///
/// While mapped, a page the file no longer has (another program shrank it) reads as zeros
/// instead of ending the process with SIGBUS, and ``okr_mapping_was_cut`` says so.
int okr_map_file(int descriptor, size_t size);

/// The first byte of the mapping in `slot`.
const void *okr_mapping_start(int slot);

/// Whether a page of the mapping in `slot` was gone from its file and now reads as zeros.
int okr_mapping_was_cut(int slot);

/// Unmaps the mapping in `slot` and frees the slot.
void okr_unmap_file(int slot);

#endif

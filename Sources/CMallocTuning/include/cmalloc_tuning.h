#ifndef CMALLOC_TUNING_H
#define CMALLOC_TUNING_H

/// Asks the C allocator to grow its heap by at least `bytes` at a time (glibc's M_TOP_PAD), so a
/// process that will allocate tens of megabytes makes a few large heap extensions instead of one
/// per 128 KB. Returns 1 when the allocator took the setting, 0 where there is no such setting
/// (allocators other than glibc's).
int cmt_set_heap_growth(long bytes);

#endif

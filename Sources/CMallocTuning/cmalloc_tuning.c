#include "cmalloc_tuning.h"

// <stdlib.h> first: it defines __GLIBC__ (via <features.h>), which the test below reads. Without a
// libc header before it, the test was always false and the setting was never made.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

int cmt_set_heap_growth(long bytes) {
    if (bytes < 0 || bytes > 1L << 30) return 0;
    return mallopt(M_TOP_PAD, (int)bytes) == 1 ? 1 : 0;
}
#else
int cmt_set_heap_growth(long bytes) {
    (void)bytes;
    return 0;
}
#endif

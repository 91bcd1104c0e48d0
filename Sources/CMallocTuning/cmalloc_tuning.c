#include "cmalloc_tuning.h"

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

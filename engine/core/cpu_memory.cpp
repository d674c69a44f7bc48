#include "core/cpu_memory.h"

#include <sys/resource.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <climits>

namespace drs {

void keep_freed_memory_for_reuse() {
#if defined(__GLIBC__)
  // No mmap for large blocks (glibc still falls back to mmap when the heap cannot
  // grow), and no automatic trimming of the heap top: release_free_memory() trims.
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, INT_MAX);
#endif
}

void release_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

MemoryCounters memory_counters() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return {usage.ru_minflt,
          static_cast<double>(usage.ru_stime.tv_sec) + usage.ru_stime.tv_usec / 1e6};
}

}  // namespace drs

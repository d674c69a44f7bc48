// Large CPU tensors without page-fault churn. glibc serves every allocation above
// 32 MB with a fresh mmap and returns it with munmap on free, so each of the DiT's
// per-block temporaries (32-270 MB at the real size) is faulted in and zeroed by the
// kernel again on every block of every step: measured as ~20% of a CPU run's time in
// system calls. Keeping freed memory in the heap makes the next block reuse it.
#pragma once

namespace drs {

// Process-wide (glibc): large allocations come from the heap and freed memory stays
// there for reuse. Idempotent; a no-op on other C libraries.
void keep_freed_memory_for_reuse();

// Hands free heap pages back to the system (after a run; the models stay loaded).
void release_free_memory();

// Minor page faults and system CPU seconds of this process so far (benchmarks).
struct MemoryCounters {
  long minor_faults = 0;
  double system_seconds = 0;
};
[[nodiscard]] MemoryCounters memory_counters();

}  // namespace drs

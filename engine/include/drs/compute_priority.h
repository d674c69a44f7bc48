// The CPU priority of the threads that compute a run. A run keeps every core busy for
// many minutes; at a higher nice value the scheduler lets the desktop and other
// interactive programs go first, and the run still gets every cycle they leave idle.
//
// Linux threads inherit their nice value when they are created, so lowering the thread
// that runs the engine is not enough: its intra-op (OpenMP) threads and the BLAS
// library's worker threads usually exist already and are lowered one by one.
#pragma once

#include <optional>

namespace drs {

enum class ComputePriority {
  Normal,  // the nice value of the program's main thread
  Low,     // kLowPriorityNiceIncrement above it
};

inline constexpr int kLowPriorityNiceIncrement = 10;

struct PriorityChange {
  int threads = 0;  // threads set to the requested nice value (or already there)
  int refused = 0;  // threads the system would not change (e.g. raising priority again
                    // needs a privilege an ordinary user does not have)
};

// Call on the thread that runs the engine. Sets the nice value of that thread, of the
// intra-op threads its parallel work runs on, and of the BLAS library's worker threads
// (the threads without a name of their own); the main thread is never changed, so a
// window stays as responsive as before. Never throws.
PriorityChange set_compute_priority(ComputePriority priority);

// The nice value of thread `tid` of this process (/proc/self/task/TID/stat), or none
// when the thread is gone.
[[nodiscard]] std::optional<int> thread_nice(int tid);

}  // namespace drs

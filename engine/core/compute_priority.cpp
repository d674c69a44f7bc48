#include "drs/compute_priority.h"

#include <ATen/Parallel.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <string>

namespace drs {
namespace {

int current_tid() {
  return static_cast<int>(::syscall(SYS_gettid));
}

std::string thread_name(int tid) {
  std::ifstream in("/proc/self/task/" + std::to_string(tid) + "/comm");
  std::string name;
  std::getline(in, name);
  return name;
}

// The intra-op threads of the calling thread's parallel work (libgomp keeps one team
// per thread that starts parallel regions): one index per thread, so each runs once.
std::set<int> intra_op_threads() {
  std::set<int> tids;
  std::mutex mutex;
  const int threads = at::get_num_threads();
  at::parallel_for(0, threads, 1, [&](int64_t, int64_t) {
    const std::lock_guard lock(mutex);
    tids.insert(current_tid());
  });
  return tids;
}

// OpenBLAS starts its workers when it loads and leaves them unnamed, as OpenMP does;
// every library that starts threads for other work (Qt, GLib, GStreamer, PulseAudio)
// names them. So the unnamed threads other than the main one are the compute threads.
std::set<int> unnamed_threads() {
  std::set<int> tids;
  const int main_tid = static_cast<int>(::getpid());
  const std::string program = thread_name(main_tid);
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task", error)) {
    int tid = 0;
    std::istringstream(entry.path().filename().string()) >> tid;
    if (tid > 0 && tid != main_tid && thread_name(tid) == program) tids.insert(tid);
  }
  return tids;
}

}  // namespace

std::optional<int> thread_nice(int tid) {
  std::ifstream in("/proc/self/task/" + std::to_string(tid) + "/stat");
  std::string stat;
  if (!std::getline(in, stat)) return std::nullopt;
  // The name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  for (int number = 3; number < 19 && fields >> field; ++number) {
  }
  int nice = 0;
  if (!(fields >> nice)) return std::nullopt;  // field 19
  return nice;
}

PriorityChange set_compute_priority(ComputePriority priority) {
  errno = 0;
  const int base = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::getpid()));
  const int target =
      priority == ComputePriority::Low ? std::min(base + kLowPriorityNiceIncrement, 19) : base;
  std::set<int> tids = intra_op_threads();
  tids.merge(unnamed_threads());
  tids.insert(current_tid());
  tids.erase(static_cast<int>(::getpid()));
  PriorityChange change;
  for (const int tid : tids) {
    if (thread_nice(tid) == target ||
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(tid), target) == 0)
      ++change.threads;
    else if (errno != ESRCH)  // a thread that just ended is no refusal
      ++change.refused;
  }
  return change;
}

}  // namespace drs

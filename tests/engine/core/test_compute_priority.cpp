// set_compute_priority on real threads: the intra-op (OpenMP) threads and OpenBLAS's
// workers exist before the call (created by earlier work, at nice 0) and must be
// lowered one by one; the main thread and named helper threads stay as they were.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "drs/compute_priority.h"

namespace {

int current_tid() {
  return static_cast<int>(::syscall(SYS_gettid));
}
int main_nice() {
  return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::getpid()));
}

// utime + stime of every thread of this process, in clock ticks.
std::map<int, long> cpu_ticks() {
  std::map<int, long> ticks;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream in(entry.path() / "stat");
    std::string stat;
    std::getline(in, stat);
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    for (int number = 3; number < 14 && fields >> field; ++number) {
    }
    long user = 0;
    long system = 0;
    fields >> user >> system;  // fields 14 and 15
    ticks[std::stoi(entry.path().filename().string())] = user + system;
  }
  return ticks;
}

std::set<int> intra_op_tids() {
  std::set<int> tids;
  std::mutex mutex;
  at::parallel_for(0, at::get_num_threads(), 1, [&](int64_t, int64_t) {
    const std::lock_guard lock(mutex);
    tids.insert(current_tid());
  });
  return tids;
}

// The threads that did work while this thread multiplied matrices for a while: the
// caller, its intra-op threads and OpenBLAS's workers.
std::set<int> threads_that_compute() {
  const auto before = cpu_ticks();
  const auto a = at::randn({384, 384});
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(600);
  while (std::chrono::steady_clock::now() < until) {
    auto product = at::mm(a, a);
    product.add_(1.0f).relu_();  // element-wise: runs on the intra-op threads
  }
  std::set<int> busy;
  for (const auto& [tid, ticks] : cpu_ticks()) {
    const auto old = before.find(tid);
    if (ticks > (old == before.end() ? 0 : old->second)) busy.insert(tid);
  }
  return busy;
}

// A helper thread with a name of its own (as Qt, GLib or PulseAudio start them) that
// sleeps until the test ends.
class NamedThread {
 public:
  NamedThread() : thread_([this] { run(); }) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return tid_ != 0; });
  }
  ~NamedThread() {
    {
      const std::lock_guard lock(mutex_);
      done_ = true;
    }
    ready_.notify_all();
    thread_.join();
  }
  NamedThread(const NamedThread&) = delete;
  NamedThread& operator=(const NamedThread&) = delete;
  [[nodiscard]] int tid() const { return tid_; }

 private:
  void run() {
    ::pthread_setname_np(::pthread_self(), "audio-output");
    std::unique_lock lock(mutex_);
    tid_ = current_tid();
    ready_.notify_all();
    ready_.wait(lock, [this] { return done_; });
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  int tid_ = 0;
  bool done_ = false;
  std::thread thread_;
};

// Works on an "engine" thread (as the app's worker), sets `priority` there and runs
// `check` on it before it ends (its intra-op threads end with it).
template <typename Check>
void on_engine_thread(drs::ComputePriority priority, Check check) {
  std::thread engine([&] {
    auto intra_op = intra_op_tids();  // created now, at the engine thread's nice value
    const auto computing = threads_that_compute();
    const auto change = drs::set_compute_priority(priority);
    intra_op.merge(intra_op_tids());
    check(change, intra_op, computing);
  });
  engine.join();
}

TEST(ComputePriority, ThreadNiceReadsTheCallingThread) {
  EXPECT_EQ(drs::thread_nice(current_tid()), main_nice());
  EXPECT_EQ(drs::thread_nice(0), std::nullopt);
}

// Runs first (gtest keeps file order): the process has not been lowered yet.
TEST(ComputePriority, NormalChangesNothing) {
  const int base = main_nice();
  const NamedThread helper;
  std::map<int, int> before;
  for (const auto& [tid, ticks] : cpu_ticks()) before[tid] = drs::thread_nice(tid).value_or(-100);
  on_engine_thread(drs::ComputePriority::Normal,
                   [&](drs::PriorityChange change, const std::set<int>& intra_op,
                       const std::set<int>& computing) {
                     EXPECT_EQ(change.refused, 0);
                     EXPECT_GE(change.threads, 1);
                     for (const int tid : intra_op) EXPECT_EQ(drs::thread_nice(tid), base);
                     for (const int tid : computing) EXPECT_EQ(drs::thread_nice(tid), base);
                   });
  for (const auto& [tid, nice] : before)
    if (const auto now = drs::thread_nice(tid)) {
      EXPECT_EQ(*now, nice) << "thread " << tid;
    }
}

TEST(ComputePriority, LowRaisesNiceOfEveryComputingThreadOnly) {
  const int base = main_nice();
  if (base + drs::kLowPriorityNiceIncrement > 19) GTEST_SKIP() << "already at nice " << base;
  const int low = base + drs::kLowPriorityNiceIncrement;
  const NamedThread helper;
  std::set<int> lowered;
  on_engine_thread(drs::ComputePriority::Low,
                   [&](drs::PriorityChange change, const std::set<int>& intra_op,
                       const std::set<int>& computing) {
                     EXPECT_EQ(change.refused, 0);  // raising the nice value needs no privilege
                     EXPECT_GE(intra_op.size(), std::min<std::size_t>(2, at::get_num_threads()));
                     // Every thread that computed (the engine thread, its intra-op threads created
                     // before the call, OpenBLAS's workers) is lowered; the main thread only
                     // waited.
                     ASSERT_FALSE(computing.empty());
                     for (const int tid : computing)
                       if (tid != ::getpid()) {
                         EXPECT_EQ(drs::thread_nice(tid), low) << "computing " << tid;
                       }
                     for (const int tid : intra_op)
                       EXPECT_EQ(drs::thread_nice(tid), low) << "intra-op " << tid;
                     EXPECT_EQ(drs::thread_nice(::getpid()), base);
                     EXPECT_EQ(drs::thread_nice(helper.tid()), base);
                     lowered = computing;
                   });

  // Back to normal: allowed with CAP_SYS_NICE (or a generous RLIMIT_NICE); otherwise
  // the threads the call could not change are counted as refused, none silently kept.
  on_engine_thread(drs::ComputePriority::Normal,
                   [&](drs::PriorityChange change, const std::set<int>&, const std::set<int>&) {
                     int still_low = 0;
                     for (const int tid : lowered)
                       if (drs::thread_nice(tid) == low) ++still_low;
                     EXPECT_EQ(change.refused > 0, still_low > 0);
                   });
  EXPECT_EQ(drs::thread_nice(helper.tid()), base);
}

}  // namespace

// Turns a hung GUI thread into a report. A watcher thread expects the GUI event loop to
// turn (a timer beats on it); when it has not for the limit, the watcher prints the test
// function and a backtrace of the GUI thread, then exits, so CTest shows why the binary
// stopped instead of killing a silent one at its limit. (Qt Test's own watchdog asks gdb
// for the stack, and gdb cannot attach inside the CI's container: it waited forever.)
// Construct it after the QApplication, on the GUI thread.
#pragma once

#include <QByteArray>
#include <QTest>
#include <QTimer>

#include <execinfo.h>
#include <pthread.h>
#include <unistd.h>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace drs::test {

class StallReporter {
 public:
  explicit StallReporter(std::chrono::seconds limit) : limit_(limit), gui_thread_(pthread_self()) {
    std::signal(SIGUSR2, &StallReporter::printBacktrace);
    beat_.setInterval(100);
    QObject::connect(&beat_, &QTimer::timeout, &beat_, [this] {
      const std::lock_guard lock(mutex_);
      last_beat_ = Clock::now();
    });
    beat_.start();
    watcher_ = std::thread([this] { watch(); });
  }
  ~StallReporter() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    watcher_.join();
  }
  StallReporter(const StallReporter&) = delete;
  StallReporter& operator=(const StallReporter&) = delete;

 private:
  using Clock = std::chrono::steady_clock;

  void watch() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; })) {
      const auto quiet = Clock::now() - last_beat_;
      if (quiet < limit_) continue;
      const char* function = QTest::currentTestFunction();
      std::fprintf(
          stderr, "FATAL: the GUI thread has not run its event loop for %lld s (in %s)\n",
          static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(quiet).count()),
          function ? function : "no test function");
      pthread_kill(gui_thread_, SIGUSR2);
      std::this_thread::sleep_for(std::chrono::seconds(2));  // the GUI thread prints its stack
      std::_Exit(EXIT_FAILURE);  // not abort(): Qt Test's handler for it would run gdb
    }
  }

  // Runs on the stalled GUI thread: its own stack, unsymbolised frames included.
  static void printBacktrace(int /*signal*/) {
    void* frames[64];
    const int count = backtrace(frames, 64);
    constexpr char kHeader[] = "GUI thread backtrace:\n";
    (void)!write(STDERR_FILENO, kHeader, sizeof kHeader - 1);
    backtrace_symbols_fd(frames, count, STDERR_FILENO);
  }

  std::chrono::seconds limit_;
  pthread_t gui_thread_;
  QTimer beat_;
  std::mutex mutex_;
  std::condition_variable wake_;
  Clock::time_point last_beat_ = Clock::now();
  bool stopping_ = false;
  std::thread watcher_;
};

}  // namespace drs::test

#include "cancel_on_signal.h"

#include <atomic>
#include <chrono>
#include <csignal>

namespace drs::cli {
namespace {

std::atomic<bool> g_signalled{false};

extern "C" void on_signal(int) {
  g_signalled.store(true);
}

}  // namespace

CancelOnSignal::CancelOnSignal(std::stop_source& source) {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  watcher_ = std::jthread([&source](std::stop_token own) {
    while (!own.stop_requested()) {
      if (g_signalled.load()) {
        source.request_stop();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
}

CancelOnSignal::~CancelOnSignal() {
  watcher_.request_stop();
  if (watcher_.joinable()) watcher_.join();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

}  // namespace drs::cli

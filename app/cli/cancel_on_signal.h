// Ctrl+C / SIGTERM request a clean stop through a std::stop_source: the signal handler
// only sets a flag (async-signal-safe); a watcher thread forwards it to the engine.
#pragma once

#include <stop_token>
#include <thread>

namespace drs::cli {

class CancelOnSignal {
 public:
  explicit CancelOnSignal(std::stop_source& source);
  ~CancelOnSignal();
  CancelOnSignal(const CancelOnSignal&) = delete;
  CancelOnSignal& operator=(const CancelOnSignal&) = delete;

 private:
  std::jthread watcher_;
};

}  // namespace drs::cli

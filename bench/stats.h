// Small timing helpers for benchmarks: median and relative spread of repeats.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

#include <ATen/ATen.h>

namespace drs::bench {

// GPU work is asynchronous: reading one value back waits for the queue to drain.
inline void wait_for_device(const at::Tensor& t) {
  if (t.is_cuda()) (void)t.sum().item<double>();
}

struct Timing {
  double median = 0;  // seconds
  double spread = 0;  // (max - min) / median
};

inline Timing summarise(std::vector<double> seconds) {
  if (seconds.empty()) return {};
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  return {median, median > 0 ? (seconds.back() - seconds.front()) / median : 0};
}

template <typename F>
Timing time_repeats(int warmup, int repeats, F&& run) {
  for (int i = 0; i < warmup; ++i) run();
  std::vector<double> seconds;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return summarise(std::move(seconds));
}

}  // namespace drs::bench

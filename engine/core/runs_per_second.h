// The rate of a short operation, measured by running it for a time budget: the probes
// at start-up (GEMM speed, BLAS core trial, bf16/int8 gains) all time this way.
#pragma once

#include <chrono>
#include <cstdint>

namespace drs {

// Runs `run` once to warm up (threads started, buffers touched), then repeatedly for at
// least `budget_seconds`; returns runs per second.
template <typename F>
double runs_per_second(double budget_seconds, F&& run) {
  run();
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  std::int64_t runs = 0;
  double elapsed = 0;
  do {
    run();
    ++runs;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < budget_seconds);
  return static_cast<double>(runs) / elapsed;
}

}  // namespace drs

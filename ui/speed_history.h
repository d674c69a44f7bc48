// Remembers how fast this machine ran each model (seconds per transformer forward,
// seconds of VAE decode) in QSettings, so the preset slider can predict run times and
// the first step of the next run has a prior. Falls back to conservative defaults.
#pragma once

#include <QString>

#include <optional>

#include "drs/engine.h"

namespace drs::ui {

class SpeedHistory {
 public:
  // `info` identifies model, device and precision; `frames` is the song's latent length.
  SpeedHistory(const ModelInfo& info, int frames);

  // Measured values of earlier runs, if any.
  [[nodiscard]] std::optional<double> seconds_per_forward() const;
  [[nodiscard]] std::optional<double> decode_seconds() const;

  // For a real model on the CPU: seconds per forward predicted from this machine's
  // measured GEMM rate (record_cpu_matmul_speed) and the DiT's FLOP count, so the very
  // first run has an honest estimate. None for demo sets (overhead-bound) and GPUs.
  [[nodiscard]] std::optional<double> calibrated_seconds_per_forward() const;
  [[nodiscard]] bool calibrated() const { return calibrated_seconds_per_forward().has_value(); }

  // Measured, else calibrated, else a deliberately pessimistic default.
  [[nodiscard]] double seconds_per_forward_or_default() const;
  [[nodiscard]] double decode_seconds_or_default() const;
  // Whole-run estimate for a sampling setting.
  [[nodiscard]] double estimate_seconds(const SamplingSettings& sampling) const;
  [[nodiscard]] bool measured() const { return seconds_per_forward().has_value(); }

  // Folds a finished run in (exponential average, so the estimate tracks changes).
  void record(double seconds_per_forward, std::optional<double> decode_seconds) const;

  // Remembers the CPU's float32 GEMM rate (drs::measure_matmul_speed at start-up) and
  // how much faster its bfloat16 GEMM is (0: unknown).
  static void record_cpu_matmul_speed(double gflops, double bf16_speedup = 0,
                                      double int8_speedup = 0);

  // FLOPs of one real-size transformer pass over `frames` latent frames (GEMMs +
  // attention; dim 2048, depth 16, batch 1).
  static double forward_cost(int frames);

 private:
  [[nodiscard]] QString key(const char* what) const;

  QString model_key_;
  int frames_;
  bool is_demo_;
  bool on_cpu_;
  bool bf16_;
  bool int8_;
};

}  // namespace drs::ui

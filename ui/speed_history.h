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

  // A measured value if we have one, else a deliberately pessimistic default.
  [[nodiscard]] double seconds_per_forward_or_default() const;
  [[nodiscard]] double decode_seconds_or_default() const;
  // Whole-run estimate for a sampling setting.
  [[nodiscard]] double estimate_seconds(const SamplingSettings& sampling) const;
  [[nodiscard]] bool measured() const { return seconds_per_forward().has_value(); }

  // Folds a finished run in (exponential average, so the estimate tracks changes).
  void record(double seconds_per_forward, std::optional<double> decode_seconds) const;

  // Relative DiT cost of a forward over `frames` latent frames (GEMMs + attention).
  static double forward_cost(int frames);

 private:
  [[nodiscard]] QString key(const char* what) const;

  QString model_key_;
  int frames_;
  bool is_demo_;
};

}  // namespace drs::ui

// Quality/speed presets: named data in one place, shared by the CLI and the UI.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace drs {

struct SamplingSettings {
  int grid_points = 32;       // points of the time grid incl. both ends; steps = points - 1
  float cfg_strength = 4.0f;  // classifier-free guidance; < 1e-5 disables the second pass
  std::optional<float> sway;  // sway sampling coefficient s (none = off, official default)
  // Guidance only on the steps that start before this time (t runs from noise at 0 to
  // the song at 1); later steps run the conditional pass alone, at half the cost.
  // 1 = every step, as the official sampler does. A cost cutter (--guidance-until); no
  // preset uses it (measured: a smaller grid of the same cost deviates less).
  float guidance_until = 1.0f;

  [[nodiscard]] int steps() const { return grid_points - 1; }
  // The time grid (linspace(0, 1, points), sway applied), in double precision; the
  // sampler computes its own float32 grid the official way but takes its guidance
  // decisions from here, so cost model and sampler can never disagree at a boundary.
  [[nodiscard]] std::vector<double> grid() const;
  // Whether Euler step k (0-based) runs the unconditional pass too.
  [[nodiscard]] bool guided_step(int k) const;
  // Transformer evaluations at batch 1 of steps [first, steps()) (a guided step costs two).
  [[nodiscard]] int forward_passes(int first_step = 0) const;
};

struct Preset {
  std::string_view id;           // stable key: "best", "balanced", "fast", "draft"
  std::string_view description;  // English; the UI translates it
  SamplingSettings sampling;
};

// Ordered from highest quality to fastest.
[[nodiscard]] std::span<const Preset> presets();
[[nodiscard]] const Preset* find_preset(std::string_view id);

}  // namespace drs

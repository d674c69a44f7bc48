// Quality/speed presets: named data in one place, shared by the CLI and the UI.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace drs {

struct SamplingSettings {
  int grid_points = 32;       // points of the time grid incl. both ends; steps = points - 1
  float cfg_strength = 4.0f;  // classifier-free guidance; < 1e-5 disables the second pass
  std::optional<float> sway;  // sway sampling coefficient s (none = off, official default)
  [[nodiscard]] int steps() const { return grid_points - 1; }
  // Transformer evaluations per song at batch 1 (each guided step costs two passes).
  [[nodiscard]] int forward_passes() const { return steps() * (cfg_strength < 1e-5f ? 1 : 2); }
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

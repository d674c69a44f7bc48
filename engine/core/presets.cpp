#include "drs/presets.h"

#include <array>

namespace drs {
namespace {

// best = the official settings (32-point grid, CFG 4, no sway). The reduced grids use
// sway s = -1 like the official web demo and the ComfyUI nodes do below 32 points:
// it concentrates the few steps near t = 0 where the trajectory bends most.
constexpr std::array kPresets{
    Preset{"best", "Official quality: 32-point grid, guidance 4.0", {32, 4.0f, std::nullopt}},
    Preset{"balanced", "24-point grid with sway, guidance 3.0", {24, 3.0f, -1.0f}},
    Preset{"fast", "16-point grid with sway, guidance 2.0 (common on CPUs)", {16, 2.0f, -1.0f}},
    Preset{"draft", "8-point grid with sway, guidance 2.0: quick sketches", {8, 2.0f, -1.0f}},
};

}  // namespace

std::span<const Preset> presets() {
  return kPresets;
}

const Preset* find_preset(std::string_view id) {
  for (const auto& preset : kPresets)
    if (preset.id == id) return &preset;
  return nullptr;
}

}  // namespace drs

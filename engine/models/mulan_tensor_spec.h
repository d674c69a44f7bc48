// MuQ-MuLan's weights checked at import, before anything is copied: the text path's
// tensors (names and shapes from the style encoder's own table, mulan/text_tower_tensors.h,
// given the set's mulan_config.json and xlmr_config.json), so a file made for another
// model or configuration is refused then, not at the first generation.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "mulan/style_encoder_config.h"
#include "mulan/text_tower_tensors.h"

namespace drs::models {

// The text tower's configuration from the set's two config files; nullopt when either
// file is absent (then only the names every MuLan text tower has are checked). Throws
// drs::Error(ModelCorrupt) naming the file and field of a malformed one.
[[nodiscard]] std::optional<StyleEncoderConfig> read_style_config(
    const std::filesystem::path& mulan_config, const std::filesystem::path& xlmr_config);

// Empty when `tensors` (a checkpoint's or safetensors file's names and shapes) hold the
// text path: the names every MuLan text tower has and, with `config`, every tensor the
// text path binds with the shape the config gives it. Else the problem, naming `file`
// and each tensor at fault (the first few) with its expected and actual shape.
[[nodiscard]] std::string check_mulan_text_tensors(const std::string& file,
                                                   const TensorShapes& tensors,
                                                   const std::optional<StyleEncoderConfig>& config);

// The names and shapes in a safetensors file's header.
[[nodiscard]] TensorShapes safetensors_tensor_shapes(const std::filesystem::path& path);

}  // namespace drs::models

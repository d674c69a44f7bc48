// DiT hyper-parameters, read from the official config.json (or a fixture's "config").
#pragma once

#include <cstdint>

#include <nlohmann/json_fwd.hpp>

namespace drs {

struct DitConfig {
  int64_t dim = 2048;
  int64_t depth = 16;
  int64_t heads = 32;  // always 32: the official Llama config ignores the JSON's value
  int64_t ff_mult = 4;
  int64_t mel_dim = 64;
  int64_t text_num_embeds = 363;  // embedding table has text_num_embeds + 1 rows
  int64_t text_dim = 512;         // must equal the conditioning width 512
  int64_t conv_layers = 4;
  int64_t max_frames = 2048;  // 2048 base, 6144 full (full has a duration embedding)
  [[nodiscard]] bool has_duration_embed() const { return max_frames > 2048; }
  [[nodiscard]] int64_t head_dim() const { return dim / heads; }

  // `model_json` is the official DiT block ({"dim":..,"depth":..,...}); max_frames
  // comes from the model variant. Throws drs::Error(ModelCorrupt) on invalid values.
  static DitConfig from_json(const nlohmann::json& model_json, int64_t max_frames);
};

}  // namespace drs

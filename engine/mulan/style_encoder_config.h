// Configuration of the MuQ-MuLan text tower, read from the official files
// (MuQ-MuLan config.json + XLM-R config.json) or from a golden fixture's JSON, and
// written back in the official layout (used by the demo model set).
#pragma once

#include <cstdint>
#include <filesystem>

#include <nlohmann/json.hpp>

namespace drs {

struct XlmrConfig {  // Hugging Face XLMRobertaConfig fields we use
  int64_t vocab_size = 250002;
  int64_t hidden_size = 768;
  int64_t num_hidden_layers = 12;
  int64_t num_attention_heads = 12;
  int64_t intermediate_size = 3072;
  int64_t max_position_embeddings = 514;
  int64_t type_vocab_size = 1;
  int64_t pad_token_id = 1;
  double layer_norm_eps = 1e-5;
};

struct MulanTextConfig {  // the MuLan text head
  int64_t dim = 768;      // transformer width
  int64_t tf_depth = 8;
  int64_t heads = 8;
  int64_t dim_head = 64;
  int64_t ff_mult = 4;
  // Linear(xlmr hidden -> dim). In the official layout (text_model.model_dim) it exists
  // exactly when the widths differ, so official_mulan_json() round-trips only then.
  // The config decides; MulanTextHead refuses weights that disagree.
  bool has_projection = false;
  int64_t dim_latent = 512;
};

struct StyleEncoderConfig {
  XlmrConfig xlmr;
  MulanTextConfig text;

  // Fixture JSON ({"xlmr_config": {...}, "mulan_text": {...}}).
  static StyleEncoderConfig from_fixture_json(const nlohmann::json& fixture);
  // Official files: MuQ-MuLan config.json and XLM-R config.json. Throws
  // drs::Error(ModelMissing/ModelCorrupt) naming the file and field.
  static StyleEncoderConfig from_official_files(const std::filesystem::path& mulan_config,
                                                const std::filesystem::path& xlmr_config);
  // The same two files in the official layouts.
  [[nodiscard]] nlohmann::json official_mulan_json() const;
  [[nodiscard]] nlohmann::json official_xlmr_json() const;
};

}  // namespace drs

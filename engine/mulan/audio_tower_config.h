// Configuration of MuQ-MuLan's audio tower (reference song -> 512-d style embedding),
// read from the two official files: MuQ-MuLan's config.json (audio_model,
// audio_transformer, mulan) and the MuQ backbone's config.json (conv_dim, encoder_dim,
// encoder_depth, n_mels, hop_length, stat, w2v2_config), and written back in those
// layouts (demo model set, benchmarks).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "mulan/mulan_transformer.h"

namespace drs {

struct MelConfig {  // MuQ's "melspec_2048" feature
  int64_t sample_rate = 24000;
  int64_t n_fft = 2048;  // also the window length
  int64_t hop_length = 240;
  int64_t n_mels = 128;
  double mean = 6.768444971712967;  // stat.melspec_2048_mean
  double std = 18.417922652295623;  // stat.melspec_2048_std
};

struct ConformerConfig {               // Wav2Vec2-Conformer encoder as MuQ builds it
  int64_t dim = 1024;                  // encoder_dim (overrides w2v2_config.hidden_size)
  int64_t depth = 12;                  // encoder_depth (overrides w2v2_config.num_hidden_layers)
  int64_t heads = 16;                  // w2v2_config.num_attention_heads
  int64_t ffn_dim = 4096;              // w2v2_config.intermediate_size
  int64_t depthwise_kernel = 31;       // w2v2_config.conv_depthwise_kernel_size
  double final_layer_norm_eps = 1e-5;  // w2v2_config.layer_norm_eps (the encoder's last LN only)
  double rotary_base = 10000;          // w2v2_config.rotary_embedding_base
  [[nodiscard]] int64_t head_size() const { return dim / heads; }
};

struct AudioTowerConfig {
  MelConfig mel;
  int64_t stem_channels = 512;  // muq_config.conv_dim (the mel stem's width)
  ConformerConfig conformer;
  // Which hidden state MuLan reads: [stem, layer 0, ..., layer L-2, LN(layer L-1)],
  // Python-style index (-1: the last).
  int64_t use_layer_idx = -1;
  MulanTransformerShape head{768, 0, 8, 64, 4};  // audio_transformer (proj: encoder -> dim)
  int64_t dim_latent = 512;
  int64_t clip_samples = 240000;  // mulan.clip_secs * mulan.sr

  // Throws drs::Error(ModelCorrupt) naming `where_*` and the field for anything missing,
  // inconsistent or not what this encoder computes (another feature, activation or
  // position embedding type).
  static AudioTowerConfig from_official_json(const nlohmann::json& mulan_config,
                                             const nlohmann::json& muq_config,
                                             const std::string& where_mulan = "MuQ-MuLan config",
                                             const std::string& where_muq = "MuQ config");
  // The same from the files; throws drs::Error(ModelMissing) when one is absent.
  static AudioTowerConfig from_official_files(const std::filesystem::path& mulan_config,
                                              const std::filesystem::path& muq_config);
  // The blocks of MuQ-MuLan's config.json this tower reads (audio_model,
  // audio_transformer, mulan), to merge into a text-tower config for the demo set.
  [[nodiscard]] nlohmann::json official_mulan_audio_json() const;
  // MuQ's config.json (the keys MuQ's own file has that this tower reads).
  [[nodiscard]] nlohmann::json official_muq_json() const;
};

}  // namespace drs

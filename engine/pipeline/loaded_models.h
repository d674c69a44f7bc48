// The networks of one model set, loaded on first use and kept for later runs.
#pragma once

#include <ATen/ATen.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dit/dit_model.h"
#include "drs/engine.h"
#include "drs/model_set.h"
#include "drs/progress.h"
#include "mulan/audio_style_encoder.h"
#include "mulan/style_embedding_cache.h"
#include "mulan/style_encoder.h"
#include "vae/vae.h"

namespace drs {

struct LoadSettings {
  at::TensorOptions options;  // device and compute dtype
  bool release_style_encoder = false;
  WeightResidency dit_residency = WeightResidency::Compute;
  at::ScalarType vae_dtype = at::kFloat;  // a native VAE's; a graph runs as saved
  // The engine's cache folder (entries of every model set live side by side, told apart
  // by the set's id and file stamps); nullopt: memory only.
  std::optional<std::filesystem::path> style_cache_dir;
};

class LoadedModels {
 public:
  LoadedModels() = default;
  LoadedModels(ModelSet set, const LoadSettings& settings);

  const DiT& dit();
  const Vae& vae();
  // 512 float32 values for a style prompt; cached by text (in memory and on disk) so a
  // repeated prompt needs no encoder, even after a restart. `warning` receives e.g. a
  // truncation notice, which is cached with the entry.
  std::vector<float> style_embedding(const std::string& text, std::string* warning);
  // 512 float32 values for a reference song's clip (MuQ-MuLan's audio tower), cached by
  // the file's SHA-256 and the clip start, so the same clip of the same song needs no
  // decoding and no encoder. Throws drs::Error(BadInput) for unreadable or too-short
  // audio, (ModelMissing) when the set has no audio-tower config.
  std::vector<float> reference_style_embedding(const ReferenceStyle& reference);

  [[nodiscard]] const ModelSet& set() const { return set_; }
  [[nodiscard]] const at::TensorOptions& options() const { return options_; }
  [[nodiscard]] int load_count() const { return loads_; }
  [[nodiscard]] int style_encoder_load_count() const { return style_loads_; }
  // The loaded VAE's backend ("native Oobleck" / "TorchScript"); empty before loading.
  [[nodiscard]] std::string vae_backend() const { return vae_ ? vae_->backend_name() : ""; }
  // The on-disk prompt cache folder, or nullopt when the cache is memory only.
  [[nodiscard]] const std::optional<std::filesystem::path>& style_cache_folder() const {
    return style_cache_folder_;
  }
  // Notes from loading, e.g. entries of an official checkpoint that the model does not
  // use (the official loader ignores them too).
  [[nodiscard]] const std::vector<std::string>& load_warnings() const { return load_warnings_; }
  // True when a call to dit()/vae() would read from disk (for the progress stage).
  [[nodiscard]] bool needs_loading() const { return !dit_ || !vae_; }

 private:
  ModelSet set_;
  at::TensorOptions options_;
  bool release_style_encoder_ = false;
  WeightResidency dit_residency_ = WeightResidency::Compute;
  at::ScalarType vae_dtype_ = at::kFloat;
  std::unique_ptr<DiT> dit_;
  std::unique_ptr<Vae> vae_;
  [[nodiscard]] StyleEmbedding encode_style(std::string_view text);

  std::unique_ptr<StyleEncoder> style_;
  std::unique_ptr<AudioStyleEncoder> audio_style_;
  std::optional<std::filesystem::path> style_cache_folder_;
  StyleEmbeddingCache style_cache_{std::string()};
  StyleEmbeddingCache audio_style_cache_{std::string()};  // reference clips, by file digest
  int loads_ = 0;
  int style_loads_ = 0;
  std::vector<std::string> load_warnings_;
};

}  // namespace drs

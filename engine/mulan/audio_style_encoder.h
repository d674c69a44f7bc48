// MuQ-MuLan audio tower: a 24 kHz waveform -> 512-d style embedding (MODEL.md section 5).
// The waveform is cut into consecutive clips of clip_samples; a remainder becomes one
// more clip completed from the start (wrapping); every clip is embedded on its own and
// the unit latents are averaged, not re-normalised, as MuQ-MuLan does.
#pragma once

#include <ATen/ATen.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "mulan/audio_tower_config.h"
#include "weights/weight_map.h"

namespace drs {

struct AudioStyleEncoderFiles {
  std::filesystem::path mulan_config;  // MuQ-MuLan config.json (audio_model, audio_transformer)
  std::filesystem::path muq_config;    // MuQ-large-msd-iter config.json (w2v2_config, stat)
  std::filesystem::path weights;       // the MuQ-MuLan state dict (safetensors, "mulan." names)
};

// Intermediates of one clip, for golden tests and debugging.
struct AudioClipTrace {
  at::Tensor mel, stem_out, layer0_out, hidden, pooled, latent;
};

// [start, start + length) of the waveform, wrapping to 0 past its end.
struct AudioClipSpan {
  int64_t start = 0;
  int64_t length = 0;
};

class AudioStyleEncoder {
 public:
  explicit AudioStyleEncoder(const AudioStyleEncoderFiles& files);
  // From weights already in memory under the official names. Tensors of the audio tower
  // that nothing binds (other than the known unused ones) are an error naming them.
  AudioStyleEncoder(const AudioTowerConfig& config, WeightMap& weights);
  ~AudioStyleEncoder();
  AudioStyleEncoder(AudioStyleEncoder&&) noexcept;
  AudioStyleEncoder& operator=(AudioStyleEncoder&&) noexcept;

  [[nodiscard]] const AudioTowerConfig& config() const;
  // The clips MuQ-MuLan cuts from `samples` samples.
  [[nodiscard]] std::vector<AudioClipSpan> clips(int64_t samples) const;
  // wave [L] float32 at 24 kHz -> [1, dim_latent] float32 (mean of unit clip latents).
  // Throws drs::Error(BadInput) for a waveform too short for the mel front end.
  [[nodiscard]] at::Tensor embed(const at::Tensor& wave) const;
  // One clip's unit latent [1, dim_latent]; `trace` receives the intermediates.
  [[nodiscard]] at::Tensor embed_clip(const at::Tensor& clip,
                                      AudioClipTrace* trace = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Names MuQ-MuLan's checkpoint holds for the audio tower that the tower never uses (the
// aggregator, MuQ's pretraining heads, the never-applied pos_conv_embed under either of
// its torch-version-dependent names, BatchNorm counters).
bool is_unused_audio_tower_tensor(const std::string& name);

}  // namespace drs

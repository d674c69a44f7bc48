// The hyper-parameters of an Oobleck encoder or decoder (MODEL.md 6.4), read from the
// shapes of its weights: the released VAE and the tiny test graphs differ only in these,
// so nothing about a particular size is assumed anywhere else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "weights/weight_map.h"

namespace drs {

struct OobleckConfig {
  int64_t channels = 0;          // base width (128 in the release)
  std::vector<int64_t> c_mults;  // width of block i = channels * c_mults[i], encoder order
  std::vector<int64_t> strides;  // encoder order (2, 4, 4, 8, 8 in the release)
  int64_t latent_channels = 0;   // decoder input (64) / encoder output (128: mean + scale)
  int64_t audio_channels = 0;    // 2 (stereo)
  bool bias = true;              // the convolutions carry biases ...
  bool final_bias = true;        // ... and the last one too (the release's decoder: no)

  [[nodiscard]] int64_t hop() const;  // audio samples per latent frame
  // Width before block i (encoder order), i = 0 .. blocks; 0 is the base width.
  [[nodiscard]] int64_t width(std::size_t level) const;
  [[nodiscard]] std::size_t blocks() const { return strides.size(); }
  [[nodiscard]] std::string describe() const;
};

// Where a file's Oobleck decoder lives: the name prefix before "decoder.layers." ("" for
// the official export), or nullopt when the tensors do not look like an Oobleck decoder
// (its first convolution and the snake of its first block).
std::optional<std::string> find_oobleck_prefix(const WeightMap& weights);
[[nodiscard]] bool has_oobleck_encoder(const WeightMap& weights, const std::string& prefix);

// Throw drs::Error(ModelCorrupt) naming the tensor when a shape does not fit the scheme.
OobleckConfig derive_decoder_config(const WeightMap& weights, const std::string& prefix);
OobleckConfig derive_encoder_config(const WeightMap& weights, const std::string& prefix);

}  // namespace drs

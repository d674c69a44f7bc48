// The Oobleck encoder: audio [B, audio, S] -> [B, latent, S / hop], the statistics
// before the VAE bottleneck (MODEL.md 6.4: conv in, one EncoderBlock per stride,
// snake, conv k3 out).
#pragma once

#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "vae/conv.h"
#include "vae/encoder_block.h"
#include "vae/oobleck_config.h"
#include "vae/snake.h"
#include "weights/weight_map.h"

namespace drs {

class OobleckEncoder {
 public:
  // Binds `prefix`encoder.layers.* with the shapes `config` implies.
  OobleckEncoder(WeightMap& weights, const std::string& prefix, const OobleckConfig& config,
                 const at::TensorOptions& options);

  [[nodiscard]] at::Tensor forward(const at::Tensor& audio) const;
  [[nodiscard]] const OobleckConfig& config() const { return config_; }

 private:
  OobleckConfig config_;
  bool time_major_ = false;  // activations between the layers: vae/time_major.h
  OobleckConv conv_in_, conv_out_;
  std::vector<EncoderBlock> blocks_;
  Snake snake_out_;
};

}  // namespace drs

// The Oobleck decoder: latents [B, latent, T] -> audio [B, audio, T * hop]
// (MODEL.md 6.4: conv in, one DecoderBlock per stride from the widest level down,
// snake, conv out; no final tanh).
#pragma once

#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "vae/conv.h"
#include "vae/decoder_block.h"
#include "vae/oobleck_config.h"
#include "vae/snake.h"
#include "weights/weight_map.h"

namespace drs {

class OobleckDecoder {
 public:
  // Binds `prefix`decoder.layers.* with the shapes `config` implies.
  OobleckDecoder(WeightMap& weights, const std::string& prefix, const OobleckConfig& config,
                 const at::TensorOptions& options);

  [[nodiscard]] at::Tensor forward(const at::Tensor& latents) const;
  [[nodiscard]] const OobleckConfig& config() const { return config_; }

 private:
  OobleckConfig config_;
  bool time_major_ = false;  // activations between the layers: vae/time_major.h
  OobleckConv conv_in_, conv_out_;
  std::vector<DecoderBlock> blocks_;
  Snake snake_out_;
};

}  // namespace drs

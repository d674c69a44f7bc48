// MuQ's mel stem (Conv2dSubsampling): the log-mel image [n_mels, T] through two residual
// blocks of 3x3 convolutions (each halves frequency and time), flattened channel-major
// per frame and projected to the encoder width: [T/4 (rounded up twice), encoder_dim].
#pragma once

#include <ATen/ATen.h>

#include <array>
#include <string>

#include "mulan/audio_tower_config.h"
#include "weights/weight_map.h"

namespace drs {

class MelStem {
 public:
  // Binds `prefix` + "conv.{0,1}.{conv,bn}{1,2,3}.*" and "linear.*".
  MelStem(const AudioTowerConfig& config, WeightMap& weights, const std::string& prefix);
  // [n_mels, T] -> [T', encoder_dim]
  [[nodiscard]] at::Tensor forward(const at::Tensor& mel) const;

 private:
  struct ConvBn {  // Conv2d 3x3 with bias, then BatchNorm2d in eval mode
    at::Tensor weight, bias, bn_weight, bn_bias, mean, var;
    int64_t stride = 1;
    [[nodiscard]] at::Tensor forward(const at::Tensor& x) const;
  };
  struct Block {  // relu(bn3(conv3 x) + bn2(conv2 relu(bn1(conv1 x))))
    ConvBn conv1, conv2, conv3;
  };
  static ConvBn bind(WeightMap& w, const std::string& p, const std::string& index, int64_t in,
                     int64_t out, int64_t stride);
  std::array<Block, 2> blocks_;
  at::Tensor linear_w_, linear_b_;
};

}  // namespace drs

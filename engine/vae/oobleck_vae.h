// The native Oobleck VAE network: decoder (and encoder, when the weights have one)
// bound from the official tensor names, weight-normalised or folded, configuration
// read from the shapes.
#pragma once

#include <ATen/ATen.h>

#include <optional>
#include <string>

#include "vae/oobleck_decoder.h"
#include "vae/oobleck_encoder.h"
#include "vae/vae_network.h"
#include "weights/weight_map.h"

namespace drs {

class OobleckVae final : public VaeNetwork {
 public:
  // Binds every tensor under the Oobleck prefix and then requires that none is left
  // (WeightMap::finish). Throws drs::Error(ModelCorrupt) naming the offending tensor,
  // also when the weights do not look like an Oobleck decoder at all.
  OobleckVae(WeightMap& weights, const at::TensorOptions& options);

  // float32 in and out, computed in the dtype of `options`.
  [[nodiscard]] at::Tensor decode(const at::Tensor& latents) const override;
  // Throws drs::Error(ModelCorrupt) when the weights had no encoder.
  [[nodiscard]] at::Tensor encode(const at::Tensor& audio) const override;
  [[nodiscard]] VaeShape shape() const override;
  [[nodiscard]] std::string backend_name() const override;

  [[nodiscard]] const OobleckDecoder& decoder() const { return decoder_; }

 private:
  OobleckVae(WeightMap& weights, const std::string& prefix, const at::TensorOptions& options);

  at::ScalarType dtype_;
  std::string source_;
  OobleckDecoder decoder_;
  std::optional<OobleckEncoder> encoder_;
};

}  // namespace drs

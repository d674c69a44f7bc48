// What the chunked decode/encode of vae.h runs on: one whole pass of a VAE network,
// either the TorchScript graph of the model file or the native Oobleck port.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <string>

namespace drs {

struct VaeShape {
  int64_t latent_channels = 64;    // decoder input
  int64_t audio_channels = 2;      // stereo
  int64_t encoded_channels = 128;  // encoder output: mean and scale
  int64_t hop = 2048;              // audio samples per latent frame
};

class VaeNetwork {
 public:
  virtual ~VaeNetwork() = default;
  // float32 on the network's device in and out: latents [B, latent, T] -> [B, audio, T*hop]
  [[nodiscard]] virtual at::Tensor decode(const at::Tensor& latents) const = 0;
  // audio [B, audio, S] -> [B, encoded, S / hop]
  [[nodiscard]] virtual at::Tensor encode(const at::Tensor& audio) const = 0;
  [[nodiscard]] virtual VaeShape shape() const = 0;
  // "native Oobleck" or "TorchScript", for logs and the model info.
  [[nodiscard]] virtual std::string backend_name() const = 0;
};

}  // namespace drs

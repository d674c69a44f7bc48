// The DiffRhythm VAE, plain and chunked exactly as the official decode_audio /
// encode_audio. The network is the native Oobleck port whenever the model file's
// weights bind as Oobleck, else the file's own TorchScript graph (decode_export /
// encode_export); backend_name() says which.
#pragma once

#include <ATen/ATen.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>

#include "vae/vae_network.h"
#include "weights/weight_map.h"

namespace drs {

struct ChunkParams {
  int64_t chunk = 128;   // latent frames per chunk
  int64_t overlap = 32;  // frames shared by neighbours (half trimmed on each side)
};

using ChunkCallback = std::function<void(int chunk, int chunks)>;  // after each chunk
// The stretch of output (a view [B, C, n] starting at `begin` along the time axis) that
// no later chunk will change, reported in order and before the ChunkCallback of the
// same chunk, so a listener can use the audio while the rest decodes.
using FinishedCallback = std::function<void(int64_t begin, const at::Tensor& finished)>;

class Vae {
 public:
  // A TorchScript archive (native when its tensors are an Oobleck VAE, else its graph)
  // or a safetensors file of Oobleck weights. Throws drs::Error(ModelMissing/ModelCorrupt)
  // with the reason; weights that look like Oobleck but do not bind are an error naming
  // the tensor, never a silent fallback. A native network computes in `native_dtype`
  // (inputs and outputs stay float32); a graph always runs as it was saved.
  Vae(const std::filesystem::path& model_file, const at::Device& device,
      at::ScalarType native_dtype = at::kFloat);
  // Native Oobleck from tensors already in memory (tests, benchmarks), computed in the
  // dtype and on the device of `options`.
  Vae(WeightMap& oobleck_weights, const at::TensorOptions& options);
  explicit Vae(std::unique_ptr<VaeNetwork> network, const at::Device& device);
  ~Vae();
  Vae(Vae&&) noexcept;
  Vae& operator=(Vae&&) noexcept;

  // latents [B,64,T] -> audio [B,2,T*2048]
  [[nodiscard]] at::Tensor decode(const at::Tensor& latents) const;
  [[nodiscard]] at::Tensor decode_chunked(const at::Tensor& latents, const ChunkParams& params,
                                          const ChunkCallback& on_chunk = {},
                                          const std::stop_token& stop = {},
                                          const FinishedCallback& on_finished = {}) const;
  // audio [B,2,S] -> [B,128,S/2048] (mean, scale)
  [[nodiscard]] at::Tensor encode(const at::Tensor& audio) const;
  [[nodiscard]] at::Tensor encode_chunked(const at::Tensor& audio, const ChunkParams& params,
                                          const ChunkCallback& on_chunk = {},
                                          const std::stop_token& stop = {}) const;

  // "native Oobleck" or "TorchScript".
  [[nodiscard]] std::string backend_name() const;
  [[nodiscard]] VaeShape shape() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace drs

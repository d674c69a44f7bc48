// The DiffRhythm VAE through its TorchScript file (decode_export / encode_export),
// plain and chunked exactly as the official decode_audio / encode_audio.
#pragma once

#include <ATen/ATen.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <stop_token>

namespace drs {

struct ChunkParams {
  int64_t chunk = 128;   // latent frames per chunk
  int64_t overlap = 32;  // frames shared by neighbours (half trimmed on each side)
};

using ChunkCallback = std::function<void(int chunk, int chunks)>;  // after each chunk

class Vae {
 public:
  // Throws drs::Error(ModelMissing/ModelCorrupt) with the reason.
  Vae(const std::filesystem::path& torchscript_file, const at::Device& device);
  ~Vae();
  Vae(Vae&&) noexcept;
  Vae& operator=(Vae&&) noexcept;

  // latents [B,64,T] -> audio [B,2,T*2048]
  [[nodiscard]] at::Tensor decode(const at::Tensor& latents) const;
  [[nodiscard]] at::Tensor decode_chunked(const at::Tensor& latents, const ChunkParams& params,
                                          const ChunkCallback& on_chunk = {},
                                          std::stop_token stop = {}) const;
  // audio [B,2,S] -> [B,128,S/2048] (mean, scale)
  [[nodiscard]] at::Tensor encode(const at::Tensor& audio) const;
  [[nodiscard]] at::Tensor encode_chunked(const at::Tensor& audio, const ChunkParams& params,
                                          const ChunkCallback& on_chunk = {},
                                          std::stop_token stop = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace drs

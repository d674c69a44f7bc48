#include "pipeline/reference_latent.h"

#include <ATen/CPUGeneratorImpl.h>

#include <vector>

namespace drs {

ReferencePosterior encode_reference(const Vae& vae, const at::Tensor& audio,
                                    const ChunkCallback& on_chunk, std::stop_token stop) {
  const auto encoded = vae.encode_chunked(audio, ChunkParams{}, on_chunk, stop)
                           .to(at::kCPU, at::kFloat)
                           .transpose(1, 2);  // [1, T, 128]
  const int64_t width = encoded.size(2) / 2;
  ReferencePosterior posterior;
  posterior.mean = encoded.narrow(2, 0, width).contiguous();
  posterior.stddev = at::softplus(encoded.narrow(2, width, width)) + 1e-4;
  return posterior;
}

at::Tensor sample_reference(const ReferencePosterior& posterior, at::Generator& generator,
                            int64_t frames) {
  const auto noise = at::randn(posterior.mean.sizes(), generator, at::kFloat);
  const auto latent = posterior.mean + posterior.stddev * noise;
  const int64_t have = latent.size(1);
  if (have >= frames) return latent.narrow(1, 0, frames).contiguous();
  return at::cat({latent, at::zeros({1, frames - have, latent.size(2)}, latent.options())}, 1);
}

at::Tensor reference_latents(const ReferencePosterior& posterior, std::uint64_t seed, int takes,
                             int64_t frames) {
  std::vector<at::Tensor> latents;
  for (int k = 0; k < takes; ++k) {
    auto generator =
        at::make_generator<at::CPUGeneratorImpl>(~(seed + static_cast<std::uint64_t>(k)));
    latents.push_back(sample_reference(posterior, generator, frames));
  }
  return at::cat(latents, 0);
}

}  // namespace drs

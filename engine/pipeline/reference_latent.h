// The reference song in the VAE's latent space (MODEL.md 6.3): the encoder's posterior
// once per run, then one sample of it per take, drawn from that take's seed.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <stop_token>

#include "vae/vae.h"

namespace drs {

struct ReferencePosterior {
  at::Tensor mean;    // [1, T, 64] float32, T = floor(samples / 2048)
  at::Tensor stddev;  // [1, T, 64]: softplus(scale) + 1e-4
  [[nodiscard]] int64_t frames() const { return mean.size(1); }
};

// audio [1, 2, S] (load_reference_song) -> the posterior, encoded in the official
// chunks (128 frames, overlap 32; plainly when shorter than a chunk).
ReferencePosterior encode_reference(const Vae& vae, const at::Tensor& audio,
                                    const ChunkCallback& on_chunk, std::stop_token stop);

// mean + stddev * eps with eps ~ N(0, 1) from `generator`, as the official vae_sample;
// the result padded with zero frames or cut to `frames` frames ([1, frames, 64]).
// Padded frames carry nothing: callers only use them inside regenerated spans, which
// the sampler masks out of its conditioning.
at::Tensor sample_reference(const ReferencePosterior& posterior, at::Generator& generator,
                            int64_t frames);

// One sample per take, [takes, frames, 64]: take k's noise comes from a generator seeded
// with ~(seed + k), the complement of the take's own seed, so re-running a take alone
// with its seed reproduces its reference latent, and that stream never repeats the
// initial noise's (seeded with seed + k).
at::Tensor reference_latents(const ReferencePosterior& posterior, std::uint64_t seed, int takes,
                             int64_t frames);

}  // namespace drs

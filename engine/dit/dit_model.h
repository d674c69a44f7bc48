// The DiffRhythm DiT (velocity model), MODEL.md section 2. Weights are bound by the
// official names below the "transformer." prefix.
#pragma once

#include <ATen/ATen.h>

#include <functional>
#include <memory>
#include <stop_token>

#include "dit/bf16_attention.h"
#include "dit/dit_config.h"
#include "dit/stored_weight.h"
#include "weights/weight_map.h"

namespace drs {

// Per-pass inputs that do not depend on the ODE time or state: computed once per run.
struct DitConditioning {
  at::Tensor text_embed;    // [B,N,512] TextEmbedding output
  at::Tensor fusion;        // [L,B,N,dim] SiLU(Linear_j(text_embed)) for the fusion layers
  at::Tensor static_input;  // [B,N,dim] input projection of cond, text, style (+ bias)
  at::Tensor static_time;   // [B,512] start-time + duration embeddings
};

struct DitInputs {
  at::Tensor cond;        // [B,N,64]
  at::Tensor text;        // [B,N] int64
  at::Tensor style;       // [B,512]
  at::Tensor start_time;  // [B]
  at::Tensor duration;    // [B] (used by the full model only)
  bool drop_audio_cond = false;
  bool drop_text = false;
};

// Called after each transformer block: (block index, block count). May throw
// drs::Error(Cancelled) to abort promptly.
using BlockCallback = std::function<void(int block, int blocks)>;

// Called between the large operations inside a block (GEMM row slices, attention
// heads). May throw drs::Error(Cancelled): on a CPU one real-size block takes seconds,
// so a cancel checked only between blocks would not land within about a second.
using Checkpoint = std::function<void()>;

class DiT {
 public:
  // Binds "transformer.*" tensors of `weights` (strict: shapes checked by name).
  // `residency` Compact keeps the blocks' float16 matrices narrow (stored_weight.h).
  DiT(const DitConfig& config, WeightMap& weights, const at::TensorOptions& options,
      WeightResidency residency = WeightResidency::Compute,
      CpuAttention attention = CpuAttention::Fastest);
  ~DiT();
  DiT(DiT&&) noexcept;
  DiT& operator=(DiT&&) noexcept;

  [[nodiscard]] const DitConfig& config() const;
  [[nodiscard]] at::TensorOptions options() const;
  // Bytes the transformer blocks' matrices occupy (~97 % of the weights at the real size).
  [[nodiscard]] int64_t block_matrix_bytes() const;

  [[nodiscard]] DitConditioning precompute(const DitInputs& inputs) const;
  // Velocity [B,N,64] for state x [B,N,64] at time t ([B] or 0-d).
  [[nodiscard]] at::Tensor velocity(const at::Tensor& x, const at::Tensor& time,
                                    const DitConditioning& conditioning,
                                    const BlockCallback& on_block = {},
                                    const Checkpoint& checkpoint = {}) const;
  // Reference forward: precompute + velocity (golden tests use it).
  [[nodiscard]] at::Tensor forward(const at::Tensor& x, const at::Tensor& time,
                                   const DitInputs& inputs) const;

  // Intermediates for golden tests (text embedding, input embedding, after block 0).
  struct Trace {
    at::Tensor text_embed, input_embed, block0;
  };
  [[nodiscard]] at::Tensor forward_traced(const at::Tensor& x, const at::Tensor& time,
                                          const DitInputs& inputs, Trace& trace) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace drs

// One Llama decoder layer as DiffRhythm v1.2 runs it: RMSNorm, 32-head bidirectional
// attention with rotary positions (rotate-half pairing), RMSNorm, SwiGLU MLP.
// q/k/v and gate/up are fused into single matrices at load (same maths, fewer GEMMs).
#pragma once

#include <ATen/ATen.h>

#include <functional>

#include "dit/bf16_attention.h"
#include "dit/dit_config.h"
#include "dit/stored_weight.h"
#include "weights/weight_map.h"

namespace drs {

struct Rotary {
  at::Tensor cos, sin;  // [N, head_dim]
  static Rotary make(int64_t frames, int64_t head_dim, const at::TensorOptions& options);
};

class LlamaBlock {
 public:
  LlamaBlock(const DitConfig& config, WeightMap& weights, int index,
             const at::TensorOptions& options, WeightResidency residency,
             CpuAttention attention = CpuAttention::Fastest);
  // `checkpoint` (optional) runs between the block's large operations; on the CPU the
  // GEMMs then run in row slices of kSliceRows so that no gap between two checkpoints
  // is much longer than half a second at the real size.
  [[nodiscard]] at::Tensor forward(const at::Tensor& h, const Rotary& rotary,
                                   const std::function<void()>& checkpoint = {}) const;

  static constexpr int64_t kSliceRows = 1024;
  // Bytes the block's four matrices occupy while the model is loaded.
  [[nodiscard]] int64_t matrix_bytes() const;

 private:
  [[nodiscard]] at::Tensor attention(const at::Tensor& a, const Rotary& rotary,
                                     const std::function<void()>& checkpoint) const;
  [[nodiscard]] at::Tensor mlp(const at::Tensor& x, const std::function<void()>& checkpoint) const;
  void mlp_rows(at::Tensor& out, const at::Tensor& x, const StoredWeight::Ready& gate_up_w,
                const StoredWeight::Ready& down_w) const;
  int64_t dim_, heads_, ff_;
  bool bf16_attention_ = false;
  at::Tensor norm_in_, norm_post_;
  StoredWeight qkv_, o_, gate_up_, down_;
};

at::Tensor rms_norm(const at::Tensor& x, const at::Tensor& weight, double eps = 1e-6);

}  // namespace drs

// The one place where LibTorch 1.13 (Debian, CPU) and LibTorch 2.x (official, CUDA)
// differ for us. Everything else in the engine calls these wrappers.
#pragma once

#include <ATen/ATen.h>
#include <torch/csrc/api/include/torch/version.h>

namespace drs::compat {

inline constexpr bool kTorch2 = TORCH_VERSION_MAJOR >= 2;

// Non-causal scaled dot-product attention on [B, H, N, d] tensors, no mask, no dropout.
// 1.13 only has the private `_scaled_dot_product_attention` (math kernel, CPU-correct);
// 2.x has the public one that also dispatches to flash / memory-efficient kernels.
inline at::Tensor attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v) {
#if TORCH_VERSION_MAJOR >= 2
  return at::scaled_dot_product_attention(q, k, v, /*attn_mask=*/{}, /*dropout_p=*/0.0,
                                          /*is_causal=*/false);
#else
  return std::get<0>(at::_scaled_dot_product_attention(q, k, v, /*attn_mask=*/{},
                                                       /*dropout_p=*/0.0,
                                                       /*need_attn_weights=*/false,
                                                       /*is_causal=*/false));
#endif
}

// Reduced-precision kernels on the CPU: LibTorch 1.13 lacks some the DiT uses (measured:
// "mish_cpu not implemented for 'BFloat16'", so Mish runs in float32 there) and has no
// float16 GEMM on the CPU at all.
inline constexpr bool kCpuReducedPrecision = kTorch2;
inline constexpr bool kCpuFloat16 = kTorch2;

inline bool cuda_available() {
  return at::hasCUDA();
}

}  // namespace drs::compat

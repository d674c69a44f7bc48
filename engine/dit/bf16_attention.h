// Attention on CPUs with AVX512-BF16 dot products: Q Kᵀ and the probabilities × V run as
// bfloat16 pairs accumulated in float32 (vdpbf16ps, or AMX tiles where present), the softmax in
// float32 between them, for a block of query rows at a time, so neither the [N, N] scores nor a
// bf16 softmax (slow in LibTorch on the CPU) is ever materialised. A cost cutter: the rounding of
// q, k, v and the probabilities to bfloat16 moves the result slightly, so it is used only where the
// run already asked for reduced-precision maths.
#pragma once

#include <ATen/ATen.h>

#include <functional>
#include <string>

namespace drs {

// The CPU attention kernel of a run with reduced-precision maths (bfloat16 compute or
// int8 matrices): Fastest takes the AVX512-BF16 kernel where the CPU has it
// (below); Float32 keeps the float32 per-head kernel (comparisons, tests) and, with int8
// matrices, the float32 position convolutions (dit/input_embedding.h).
// Float32 runs always use the float32 kernel.
enum class CpuAttention { Fastest, Float32 };

// True when this CPU (and build) can run bf16_attention for heads of width `head_dim`.
[[nodiscard]] bool bf16_attention_supported(int64_t head_dim);

// Whether a DiT computing in `compute` on `device`, with int8 matrices or not, runs its
// attention through bf16_attention under `choice`.
[[nodiscard]] bool bf16_attention_chosen(CpuAttention choice, at::ScalarType compute,
                                         at::Device device, bool int8_matrices, int64_t head_dim);

// The instructions of bf16_attention: Auto takes AMX tiles where the CPU has them and
// the OS grants them to the process, else AVX512-BF16 dot products (same operands, same
// float32 softmax; the sums are accumulated in another order).
enum class Bf16AttentionKernel { Auto, DotProducts, Tiles };

[[nodiscard]] bool bf16_attention_tiles_supported(int64_t head_dim);
// "amx-bf16 tiles", "avx512-bf16 pairs" or "none": what Auto runs here.
[[nodiscard]] std::string bf16_attention_kernel_name(int64_t head_dim);

// Rotary position embedding applied to q and k while they are packed (the Llama form
// x · cos + rotate_half(x) · sin, position = row index), so that the rotated q and k are
// never materialised. cos and sin [positions >= max(N, M), d].
struct AttentionRope {
  at::Tensor cos, sin;
};

// q [B, H, N, d], k and v [B, H, M, d] (float32 or bfloat16, on the CPU; any strides,
// float32 heads with contiguous d are read in place). Returns [B, H, N, d] in q's dtype,
// stored as [B, N, H, d] (so transpose(1, 2) of it is contiguous). `after_head`, when
// set, runs after each (batch, head) pair on the calling thread: a cancellation point (it
// may throw). `rope`, when set, rotates q and k first.
at::Tensor bf16_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                          const std::function<void()>& after_head = {},
                          Bf16AttentionKernel kernel = Bf16AttentionKernel::Auto,
                          const AttentionRope* rope = nullptr);

}  // namespace drs

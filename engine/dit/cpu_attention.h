// Bidirectional attention on the CPU without materialising [B, H, N, N] scores: one
// head at a time into a reused [N, N] buffer (GEMM with the 1/sqrt(d) scale folded in,
// in-place softmax, GEMM into the output). Same maths as the reference kernel; at
// N = 2048 the buffer is 16 MB instead of 1 GB for batch 2, and nothing is allocated
// per head.
#pragma once

#include <ATen/ATen.h>

#include <functional>

namespace drs {

// q, k, v: [B, H, N, d] float32 on the CPU. Returns [B, H, N, d]. `after_head`, when
// set, runs after each (batch, head) pair: a cancellation point (it may throw).
at::Tensor cpu_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                         const std::function<void()>& after_head = {});

}  // namespace drs

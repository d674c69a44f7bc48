// The layout of the Oobleck network's activations on the CPU: [B, C, 1, T] tensors in
// channels-last memory order, i.e. stored time-major as [B, T, C]. On that layout
// LibTorch 1.13 hands oneDNN its convolutions without copies and oneDNN picks its
// blocked channels-last kernels; on [B, C, T] the bfloat16 convolutions copy every output
// once more and run plain-layout kernels (README, "Native VAE"). Other devices keep
// [B, C, T]. Each module of the network accepts the layout its network was built with.
#pragma once

#include <ATen/ATen.h>

namespace drs {

// Whether a network built with these options keeps its activations time-major.
[[nodiscard]] bool time_major_network(const at::TensorOptions& options);

// [B, C, T] -> [B, C, 1, T] channels-last (time-major storage). The same for a
// convolution weight [rows, cols, k] -> [rows, cols, 1, k], the layout conv2d then wants.
[[nodiscard]] at::Tensor to_time_major(const at::Tensor& x);
// Back: [B, C, 1, T] -> contiguous [B, C, T].
[[nodiscard]] at::Tensor from_time_major(const at::Tensor& x);
// [B, T, C] storage (contiguous) viewed as the time-major [B, C, 1, T].
[[nodiscard]] at::Tensor time_major_view(const at::Tensor& btc);

}  // namespace drs

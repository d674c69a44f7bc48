// A transposed convolution with kernel 2s and stride s (the decoder's up-sampling) as
// one ordinary convolution: output sample q*s + r ("phase" r) only ever sees two input
// samples, so the s phases are s * out channels of a kernel-2 convolution, interleaved
// afterwards. Same multiply-adds as the transposed form, but it runs as the GEMM-shaped
// convolution the CPU libraries are fastest at (measured 0.72 -> see README for the
// released size's last block), and in bfloat16 where LibTorch 1.13's CPU
// conv_transpose1d fails.
#pragma once

#include <ATen/ATen.h>

namespace drs {

class PolyphaseUpsample {
 public:
  PolyphaseUpsample() = default;
  // weight [in, out, 2 * stride] as ConvTranspose1d stores it; bias [out] or undefined;
  // stride <= 2 * padding <= 2 * stride (Oobleck's ceil(s/2) is inside), so the output
  // is no longer than L * s and every phase finds its two samples in the padded input.
  // time_major: forward() takes and returns time-major tensors (vae/time_major.h).
  PolyphaseUpsample(const at::Tensor& weight, const at::Tensor& bias, int64_t stride,
                    int64_t padding, bool time_major = false);

  [[nodiscard]] static bool supported(int64_t kernel, int64_t stride, int64_t padding) {
    return kernel == 2 * stride && stride <= 2 * padding && padding <= stride;
  }

  // x [B, in, L] -> [B, out, L*s + s - 2*padding], as conv_transpose1d(x, weight, bias,
  // stride, padding); time-major [B, in, 1, L] -> [B, out, 1, ...] likewise.
  [[nodiscard]] at::Tensor forward(const at::Tensor& x) const;

 private:
  [[nodiscard]] at::Tensor forward_time_major(const at::Tensor& x) const;
  [[nodiscard]] int64_t output_length(int64_t length) const {
    return length * stride_ + stride_ - 2 * padding_;
  }

  int64_t stride_ = 1, padding_ = 0, out_ = 0;
  bool time_major_ = false;
  at::Tensor weight_, bias_;  // [s * out, in, 2] (phase-major rows), [s * out]
};

}  // namespace drs

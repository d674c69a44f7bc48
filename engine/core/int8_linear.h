// An int8 linear layer for CPUs: the weight quantised once (symmetric, one scale per
// output row), activations quantised per call (symmetric, one scale per row of x), the
// product accumulated in int32 and scaled back to float32. Where the build has oneDNN's
// headers it calls oneDNN's matmul directly (core/onednn_int8_matmul.h: AMX or VNNI block
// kernels); otherwise LibTorch's quantized::linear_dynamic (per-tensor activations).
// An inexact cost cutter: the engine uses it only when asked (Precision::Int8).
#pragma once

#include <ATen/ATen.h>
#include <ATen/native/quantized/PackedParams.h>

#include <memory>
#include <string>

#include "core/int8_quantize.h"

namespace drs {

class OnednnInt8Matmul;

class Int8Linear {
 public:
  // Whether this build can run int8 products at all.
  [[nodiscard]] static bool available();
  // Throws drs::Error(BadInput) saying what is missing when !available().
  static void require_available();
  // The largest magnitude of a quantised weight: 127, or 63 where the kernels multiply
  // int8 pairs through 16-bit sums (CPUs without VNNI), which must not saturate.
  [[nodiscard]] static int weight_level();
  // Which kernels run the products, for diagnostics and benchmarks.
  [[nodiscard]] static std::string kernel_name();

  Int8Linear() = default;
  // weight [out, in], any floating dtype. Throws drs::Error(BadInput) when unavailable.
  explicit Int8Linear(const at::Tensor& weight);

  [[nodiscard]] bool defined() const;
  // x [..., in] float32 -> [..., out] float32.
  [[nodiscard]] at::Tensor apply(const at::Tensor& x) const;
  // x [rows, in] float32 -> out [rows, out], float32 and contiguous (written in place).
  void apply_into(at::Tensor& out, const at::Tensor& x) const;
  // The same product in two halves, for callers that fuse an element-wise step between
  // two int8 layers (dit/swiglu_int8.h): whether this build can, the product of x still
  // without x's per-row scales (returned in row_scales), and the product of rows that are
  // already quantised (core/int8_quantize.h, level 127), complete with their scales.
  [[nodiscard]] bool splits() const { return onednn_ != nullptr; }
  [[nodiscard]] at::Tensor apply_unscaled(const at::Tensor& x, at::Tensor& row_scales) const;
  void apply_quantized_into(at::Tensor& out, const QuantizedRows& q) const;
  // Resident bytes: the int8 values (in the kernels' layout) and the scales.
  [[nodiscard]] int64_t bytes() const { return bytes_; }

 private:
  void run_quantized(at::Tensor& out, const QuantizedRows& q) const;  // out without q's scales

  std::shared_ptr<const OnednnInt8Matmul> onednn_;
  c10::intrusive_ptr<LinearPackedParamsBase> packed_;  // LibTorch's kernels (no oneDNN build)
  int64_t out_features_ = 0;
  int64_t in_features_ = 0;
  int64_t bytes_ = 0;
};

}  // namespace drs

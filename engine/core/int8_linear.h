// An int8 linear layer for CPUs: the weight quantised once (symmetric, one scale per
// output row), activations quantised per call (dynamic), multiplied by the oneDNN
// kernels behind quantized::linear_prepack: several times float32's rate on CPUs with
// VNNI, at a relative error of about a per cent per product (README, "Cost cutters").
// An inexact cost cutter: the engine uses it only when asked (Precision::Int8).
#pragma once

#include <ATen/ATen.h>
#include <ATen/native/quantized/PackedParams.h>

namespace drs {

class Int8Linear {
 public:
  // Whether this LibTorch build has the oneDNN quantized engine.
  [[nodiscard]] static bool available();
  // Throws drs::Error(BadInput) saying what is missing when !available().
  static void require_available();

  Int8Linear() = default;
  // weight [out, in], any floating dtype. Throws drs::Error(BadInput) when unavailable.
  explicit Int8Linear(const at::Tensor& weight);

  [[nodiscard]] bool defined() const { return packed_.defined(); }
  // x [..., in] float32 -> [..., out] float32.
  [[nodiscard]] at::Tensor apply(const at::Tensor& x) const;
  // int8 values + one scale per row.
  [[nodiscard]] int64_t bytes() const { return bytes_; }

 private:
  c10::intrusive_ptr<LinearPackedParamsBase> packed_;
  int64_t bytes_ = 0;
};

}  // namespace drs

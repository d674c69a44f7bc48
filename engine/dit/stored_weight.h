// The transformer blocks' weight matrices, kept in memory in the form the chosen
// residency asks for, and applied as linear layers (x @ W^T).
//
// Compact: the official DiT file is float16; computing in float32 on a CPU, a block keeps
// its matrices in float16 and widens them just before use (float16 -> float32 is exact,
// so results are bit-identical to widening at load). The DiT's resident weights halve
// (4.4 -> 2.2 GB at the real size); widening one block's 67 M values costs ~13 ms on
// 2 cores, < 1 % of a block at 2048 frames.
//
// Int8: a labelled cost cutter for CPUs: each matrix becomes an Int8Linear at load
// (core/int8_linear.h; a quarter of the float32 bytes). Results deviate; the
// engine never picks it itself.
#pragma once

#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "core/int8_linear.h"
#include "weights/weight_map.h"

namespace drs {

enum class WeightResidency { Compute, Compact, Int8 };

class StoredWeight {
 public:
  // The matrix ready for one block's use: the dense weight in the compute dtype
  // (widened once per block call), or the packed int8 one.
  class Ready {
   public:
    [[nodiscard]] at::Tensor apply(const at::Tensor& x) const;   // x [..., in] -> [..., out]
    void apply_out(at::Tensor& out, const at::Tensor& x) const;  // x [rows, in], out contiguous
    // The int8 layer (int8 residency), for callers fusing steps around its product.
    [[nodiscard]] const Int8Linear* int8() const { return int8_.defined() ? &int8_ : nullptr; }

   private:
    friend class StoredWeight;
    at::Tensor dense_;
    Int8Linear int8_;  // shares the packed weight (reference counted)
  };

  StoredWeight() = default;
  // Takes `names` (each [rows_i, cols]) from `weights` and stacks them by rows (q/k/v
  // and gate/up become one GEMM each), for computing with `options`.
  StoredWeight(WeightMap& weights, const std::vector<std::string>& names,
               const std::vector<int64_t>& rows, int64_t cols, const at::TensorOptions& options,
               WeightResidency residency);

  [[nodiscard]] Ready ready() const;
  [[nodiscard]] int64_t resident_bytes() const { return bytes_; }

 private:
  at::Tensor dense_;  // compute dtype, or float16 (compact)
  Int8Linear int8_;
  at::ScalarType compute_ = at::kFloat;
  int64_t bytes_ = 0;
};

}  // namespace drs

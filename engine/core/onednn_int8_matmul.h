// An int8 x int8 -> float32 matrix product on oneDNN's matmul primitive, with the
// weight reordered once into the layout the CPU's fastest kernel reads (AMX tiles,
// VNNI blocks, ...). Built only where oneDNN's headers are available (DRS_HAVE_ONEDNN).
//
// Why not LibTorch's quantized::linear_dynamic: it quantises activations with a zero
// point and gives oneDNN its scales at run time, which keeps oneDNN 2.x on its generic
// GEMM (with a scalar zero-point correction pass) and off the AMX / VNNI block kernels.
// Here activations are symmetric and the weights' per-column scales are fixed when a
// primitive is made, one primitive per row count (made on first use, then reused).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>

namespace drs {

class OnednnInt8Matmul {
 public:
  // weight: int8 [out, in] row-major (one output channel per row); scales: one per
  // output channel (dequantisation of the weight).
  OnednnInt8Matmul(std::span<const std::int8_t> weight, std::span<const float> scales,
                   std::int64_t out_features, std::int64_t in_features);
  ~OnednnInt8Matmul();
  OnednnInt8Matmul(const OnednnInt8Matmul&) = delete;
  OnednnInt8Matmul& operator=(const OnednnInt8Matmul&) = delete;

  // Whether the kernels oneDNN runs here multiply int8 pairs with dot-product
  // instructions (VNNI, AMX) rather than through 16-bit pair sums that can saturate.
  [[nodiscard]] static bool has_dot_products();

  // dst[rows, out] = (src[rows, in] . weight^T) * scales, both row-major and dense.
  void run(const std::int8_t* src, std::int64_t rows, float* dst) const;

  // The oneDNN implementation a product of `rows` rows runs on ("brg:avx512_core_amx_int8").
  [[nodiscard]] std::string implementation(std::int64_t rows) const;
  [[nodiscard]] std::int64_t packed_bytes() const;

 private:
  struct State;
  struct Primitive;
  const Primitive& primitive_for(std::int64_t rows) const;

  std::unique_ptr<State> state_;
  mutable std::mutex mutex_;
  mutable std::map<std::int64_t, std::unique_ptr<Primitive>> by_rows_;
};

}  // namespace drs

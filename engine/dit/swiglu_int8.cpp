#include "dit/swiglu_int8.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/vector_clones.h"
#include "drs/error.h"

namespace drs {
namespace {

// The exponential's polynomial is most of the work: its multiply-adds contract into
// FMAs where the clone has them.
DRS_FMA_CONTRACTION

constexpr std::size_t kBlock = kVectorBlock;

// e^t for t in [-87.3, 88.3] (callers clamp; NaN stays NaN): 2^k · e^r with
// k = round(t / ln 2), r = t - k ln 2 in two parts (Cody-Waite, exact for |k| < 2^9), and a
// degree-7 Taylor polynomial (relative error below 2e-8 on |r| <= ln2 / 2). 2^k is built
// in the exponent bits; k stays within [-126, 127], so it is a normal number.
inline float exp_clamped(float t) {
  constexpr float kLog2E = 1.44269504088896341f;
  constexpr float kLn2A = 0.693359375f, kLn2B = -2.12194440e-4f;
  constexpr float kRound = 12582912.0f;       // 1.5 · 2²³: (v + it) - it rounds to an integer
  const float shifted = t * kLog2E + kRound;  // k sits in the low mantissa bits
  const float k = shifted - kRound;
  const float r = (t - k * kLn2A) - k * kLn2B;
  float p = 1.0f / 5040;
  p = p * r + 1.0f / 720;
  p = p * r + 1.0f / 120;
  p = p * r + 1.0f / 24;
  p = p * r + 1.0f / 6;
  p = p * r + 0.5f;
  p = p * r + 1.0f;
  p = p * r + 1.0f;
  std::uint32_t bits = 0;
  std::memcpy(&bits, &shifted, sizeof bits);
  const std::uint32_t exponent = (bits + 127u) << 23;  // (k + 127) << 23: the rest shifts out
  float two_k = 0;
  std::memcpy(&two_k, &exponent, sizeof two_k);
  return p * two_k;
}

// silu(g) * u = g / (1 + e^-g) * u. e^-g saturates at e^88.3 for g below -88.3 (the
// quotient is then 0 to float precision) and at e^-87.3 above 87.3 (the quotient is g).
inline float swiglu_one(float gate, float up) {
  const float t = std::clamp(-gate, -87.3f, 88.3f);
  return gate / (1.0f + exp_clamped(t)) * up;
}

DRS_VECTOR_CLONES void swiglu_row(const float* __restrict gate, const float* __restrict up,
                                  std::size_t n, float scale, float* __restrict out) {
  std::size_t i = 0;
  for (; i + kBlock <= n; i += kBlock)
    for (std::size_t j = 0; j < kBlock; ++j)
      out[i + j] = swiglu_one(gate[i + j] * scale, up[i + j] * scale);
  for (; i < n; ++i) out[i] = swiglu_one(gate[i] * scale, up[i] * scale);
}

}  // namespace

QuantizedRows swiglu_quantized(const at::Tensor& gate_up, const at::Tensor& row_scales, int level) {
  if (gate_up.dim() != 2 || gate_up.scalar_type() != at::kFloat || !gate_up.is_contiguous() ||
      gate_up.size(1) % 2 != 0 || row_scales.scalar_type() != at::kFloat ||
      row_scales.numel() != gate_up.size(0))
    throw Error(ErrorKind::Internal,
                "swiglu_quantized: needs a contiguous float32 [rows, 2 ff] product and one "
                "float32 scale per row");
  const int64_t rows = gate_up.size(0), ff = gate_up.size(1) / 2;
  const auto scales_in = row_scales.contiguous();
  QuantizedRows q{at::empty({rows, ff}, gate_up.options().dtype(at::kChar)),
                  at::empty({rows}, gate_up.options())};
  const float* in = gate_up.data_ptr<float>();
  const float* row_scale = scales_in.data_ptr<float>();
  auto* values = q.values.data_ptr<std::int8_t>();
  auto* scales = q.scales.data_ptr<float>();
  const auto width = static_cast<std::size_t>(ff);
  at::parallel_for(0, rows, 16, [&](int64_t begin, int64_t end) {
    std::vector<float> hidden(width);  // one row, in cache between the two passes
    for (int64_t r = begin; r < end; ++r) {
      const float* row = in + r * 2 * ff;
      swiglu_row(row, row + ff, width, row_scale[r], hidden.data());
      scales[r] = quantize_row(hidden, {values + r * ff, width}, level);
    }
  });
  return q;
}

}  // namespace drs

// Symmetric int8 quantisation of a float32 matrix, one scale per row: row r becomes
// round(x[r] / s[r]) with s[r] = max|x[r]| / level, so each row uses the full range
// whatever the other rows hold. Used for the int8 path's weights (once, at load; rows are
// output channels) and activations (every call; rows are tokens, so one loud token does
// not coarsen the others).
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <span>

namespace drs {

struct QuantizedRows {
  at::Tensor values;  // int8 [rows, cols]
  at::Tensor scales;  // float32 [rows]; an all-zero row has scale 1
};

// level: the largest magnitude a quantised value takes (127 for the full range).
// x: float32 [rows, cols] (any strides along rows; contiguous along cols is faster).
[[nodiscard]] QuantizedRows quantize_rows(const at::Tensor& x, int level = 127);

// One row, for callers that own their buffers: writes values, returns the scale (NaN
// for a row holding an infinity or NaN, so its products stay non-finite).
float quantize_row(std::span<const float> x, std::span<std::int8_t> out, int level);

}  // namespace drs

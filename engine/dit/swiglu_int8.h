// The int8 path's SwiGLU, between the gate/up and the down projections, in one pass per
// row: the gate/up product arrives before its per-row activation scale is applied, and
// leaves as the int8 rows (with their scales) the down projection multiplies. Unfused,
// the [rows, 2 ff] float32 product was read and written four times on its way (the row
// scale, silu, the product, the quantisation), the block's largest element-wise traffic.
#pragma once

#include <ATen/ATen.h>

#include "core/int8_quantize.h"

namespace drs {

// gate_up: float32 [rows, 2 ff], contiguous: gate columns then up columns, each row still
// to be multiplied by row_scales[row] (float32 [rows]). Returns, per row, the
// quantisation (core/int8_quantize.h, `level`) of silu(gate) * up.
[[nodiscard]] QuantizedRows swiglu_quantized(const at::Tensor& gate_up,
                                             const at::Tensor& row_scales, int level = 127);

}  // namespace drs

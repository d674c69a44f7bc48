// The official output conversion (MODEL.md 1.1 step 7 / 6.2): the batch is joined in
// time, peak-normalised over both channels, clamped to [-1, 1].
#pragma once

#include <ATen/ATen.h>

#include <vector>

namespace drs {

// audio [B, C, S] -> interleaved [B*S frames x C channels]. An all-zero signal stays
// zero (the official code would divide by zero).
std::vector<float> postprocess_official(const at::Tensor& audio);

}  // namespace drs

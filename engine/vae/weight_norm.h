// Convolution weights stored either plainly ("<layer>.weight") or weight-normalised
// ("<layer>.weight_g" / "<layer>.weight_v", as stable-audio-tools trains them). The pair
// is folded once at load, so the network never sees the difference.
#pragma once

#include <ATen/ATen.h>

#include <string>

#include "weights/weight_map.h"

namespace drs {

// w = g * v / ||v||, the norm over every axis but 0 (per output channel of a Conv1d's
// [out, in, k]; per *input* channel of a ConvTranspose1d's [in, out, k], where PyTorch's
// weight norm also uses axis 0).
at::Tensor fold_weight_norm(const at::Tensor& g, const at::Tensor& v);

// The weight of `layer` with exactly `shape`, whichever way it is stored; throws
// drs::Error(ModelCorrupt) naming the tensor when neither form fits.
at::Tensor take_conv_weight(WeightMap& weights, const std::string& layer, at::IntArrayRef shape,
                            const at::TensorOptions& options);

}  // namespace drs

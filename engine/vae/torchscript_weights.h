// The named tensors inside a TorchScript archive (parameters and buffers, by their
// module paths, e.g. "decoder.layers.0.weight"), so the native VAE can bind them.
// Kept to this one file on purpose: a Torch-free reader of the archive's data.pkl is
// meant to replace it without touching anything else.
#pragma once

#include <filesystem>

#include "weights/weight_map.h"

namespace drs {

// CPU tensors. Throws drs::Error(ModelCorrupt) naming the file if it cannot be read.
WeightMap read_torchscript_weights(const std::filesystem::path& file);

}  // namespace drs

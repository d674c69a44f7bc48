// An official torch.save checkpoint (e.g. cfm_model.pt) as a WeightMap, read in place:
// contiguous tensors are views of the mapped file (pages handed back once a module has
// taken its copy), strided ones are gathered. No conversion step, no LibTorch unpickler.
#pragma once

#include <filesystem>
#include <string>

#include "weights/weight_map.h"

namespace drs::models {

// The state dict under `key` ("" = top level). Throws drs::Error(ModelMissing) when the
// file is absent, (ModelCorrupt) naming what is wrong.
[[nodiscard]] WeightMap load_checkpoint_weights(const std::filesystem::path& file,
                                                const std::string& key);

}  // namespace drs::models

// The tensors of a TorchScript archive (torch.jit.save) read without LibTorch's
// interpreter: the zip, its data.pkl module tree (through the restricted unpickler, as
// inert attribute containers) and the data/ records. This works whatever PyTorch version
// wrote the archive, where torch::jit::load needs the archive's code to compile in the
// LibTorch at hand.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "weights/weight_map.h"

namespace drs::models {

struct TorchScriptSummary {
  std::string root;          // the archive's top folder ("archive", "vae_model", ...)
  std::int64_t version = 0;  // the format version record (0 when absent)
  std::string top_class;     // class of the scripted module, e.g. "__torch__.VAEExport"
  std::map<std::string, std::string> classes;  // module path ("encoder.layers.0") -> class
};

struct TorchScriptWeights {
  TorchScriptSummary summary;
  WeightMap weights;  // every tensor attribute of the module tree, by dotted path
};

// Throws drs::Error(ModelMissing) when absent, (ModelCorrupt) naming what is wrong.
[[nodiscard]] TorchScriptWeights read_torchscript_weights(const std::filesystem::path& file);

}  // namespace drs::models

// Conversion of an official PyTorch checkpoint (.pt / pytorch_model.bin, zip-pickle)
// into safetensors, done once at install time so the engine maps weights instantly.
// Torch-free header: the implementation is the only Torch user of the model manager
// and includes no Qt.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace drs::ui {

struct ConversionReport {
  std::size_t tensors = 0;
  std::size_t bytes = 0;
};

// False when this build has no checkpoint reader (engine/weights/torch_checkpoint.h).
bool checkpointConversionAvailable();

// Reads `checkpoint` with the engine's restricted unpickler (never executes pickle
// globals), takes the state dict under `key` ("" = the top level is the dict) and
// writes every tensor, unchanged in dtype and value, to `output` atomically.
// Throws drs::Error naming what is wrong.
ConversionReport convertCheckpoint(const std::filesystem::path& checkpoint,
                                   const std::filesystem::path& output, const std::string& key);

}  // namespace drs::ui

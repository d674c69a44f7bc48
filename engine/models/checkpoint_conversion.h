// Conversion of an official PyTorch checkpoint (.pt / pytorch_model.bin: torch.save's
// zip + pickle format) into safetensors, done once at install time so the engine maps
// weights instantly. Torch-free: our own zip reader and restricted unpickler find each
// tensor's bytes, which are copied unchanged (same dtype, bit for bit; strided views are
// made contiguous), after the one safetensors header writer (safetensors_writer.h).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace drs::models {

struct ConversionReport {
  std::size_t tensors = 0;
  std::size_t bytes = 0;
};

// Reads `checkpoint`, takes the state dict under top-level key `key` ("" = the top
// level is the state dict) and writes every tensor to `output` atomically, in the
// state dict's order. Throws drs::Error (ModelMissing / ModelCorrupt / Output) naming
// the file, entry or tensor at fault.
ConversionReport convert_checkpoint(const std::filesystem::path& checkpoint,
                                    const std::filesystem::path& output, const std::string& key);

}  // namespace drs::models

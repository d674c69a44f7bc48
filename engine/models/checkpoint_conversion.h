// Conversion of an official PyTorch checkpoint (.pt / pytorch_model.bin: torch.save's
// zip + pickle format) into safetensors, done once at install time so the engine maps
// weights instantly. Torch-free: our own zip reader and restricted unpickler find each
// tensor's bytes, which are copied unchanged (same dtype, bit for bit; strided views are
// made contiguous), after the one safetensors header writer (safetensors_writer.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace drs::models {

struct ConversionReport {
  std::size_t tensors = 0;
  std::size_t bytes = 0;
  std::vector<std::string> skipped;  // entries `keep` refused, in the state dict's order
};

// Which state-dict entries to write (all when empty).
using KeepEntry = std::function<bool(const std::string& name)>;

// Reads `checkpoint`, takes the state dict under top-level key `key` ("" = the top
// level is the state dict) and writes every tensor `keep` accepts to `output`
// atomically, in the state dict's order. Throws drs::Error (ModelMissing / ModelCorrupt
// / Output) naming the file, entry or tensor at fault.
ConversionReport convert_checkpoint(const std::filesystem::path& checkpoint,
                                    const std::filesystem::path& output, const std::string& key,
                                    const KeepEntry& keep = {});

// The entry names of that state dict, in order (nothing is converted).
[[nodiscard]] std::vector<std::string> checkpoint_entry_names(
    const std::filesystem::path& checkpoint, const std::string& key);
// Its tensors' shapes by name (nothing is converted).
[[nodiscard]] std::map<std::string, std::vector<std::int64_t>> checkpoint_entry_shapes(
    const std::filesystem::path& checkpoint, const std::string& key);

}  // namespace drs::models

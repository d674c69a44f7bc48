// The one parser of a safetensors header (length prefix, JSON, dtype, shape, byte
// ranges, overlaps), Torch-free: the engine's mapped reader turns its entries into
// tensors, the model store checks files with it before they are installed, and the
// fuzzers run it on arbitrary bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace drs::models {

struct SafetensorsEntry {
  std::string dtype;  // "F32", "F16", "BF16", "I64", ... (see dtypeBytes)
  std::vector<std::int64_t> shape;
  std::uint64_t begin = 0;  // byte offsets into the data section
  std::uint64_t end = 0;
};

struct SafetensorsHeader {
  std::map<std::string, SafetensorsEntry> tensors;  // by name
  std::map<std::string, std::string> metadata;
  std::uint64_t data_offset = 0;  // 8 + header length
  std::uint64_t file_size = 0;
};

// Validates the header held at the start of `head` (8-byte length, then the JSON; the
// rest of the file may follow or not) of a file of `file_size` bytes. Throws
// drs::Error(ModelCorrupt) "<origin>: not a valid safetensors file: ..." naming the
// tensor at fault.
[[nodiscard]] SafetensorsHeader parse_safetensors_header(std::span<const std::byte> head,
                                                         std::uint64_t file_size,
                                                         const std::string& origin);

// Reads only the header of `path`. Throws drs::Error(ModelMissing) when it cannot be
// read, (ModelCorrupt) as above.
[[nodiscard]] SafetensorsHeader read_safetensors_header(const std::filesystem::path& path);

// "[2048, 128, 31]"
[[nodiscard]] std::string shape_string(const std::vector<std::int64_t>& shape);

}  // namespace drs::models

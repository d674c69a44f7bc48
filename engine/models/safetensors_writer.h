// The one safetensors layout writer: the header (8-byte length, JSON padded to 8 bytes)
// for tensors stored back to back in the given order. Torch-free; the engine's
// write_safetensors and the checkpoint conversion both stream their bytes after it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace drs::models {

struct SafetensorsTensorSpec {
  std::string name;
  std::string dtype;  // safetensors spelling, see dtypeBytes
  std::vector<std::int64_t> shape;
};

// Throws drs::Error(Output) for a duplicate name or an unknown dtype.
[[nodiscard]] std::string safetensors_header_bytes(
    const std::vector<SafetensorsTensorSpec>& tensors,
    const std::map<std::string, std::string>& metadata = {});

// Bytes of one tensor's data (number of elements x element size).
[[nodiscard]] std::uint64_t safetensors_tensor_bytes(const SafetensorsTensorSpec& tensor);

}  // namespace drs::models

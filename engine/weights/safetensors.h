// safetensors files: memory-mapped, validated reader and atomic writer.
// Every header field is checked (length, JSON, dtype, shape, offsets, overlap) before
// any tensor is touched, so a corrupt or hostile file is an error, never a crash.
#pragma once

#include <ATen/ATen.h>

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace drs {

struct TensorInfo {
  at::ScalarType dtype;
  std::vector<int64_t> shape;
  std::size_t begin = 0;  // byte offsets into the data section
  std::size_t end = 0;
};

class SafetensorsFile {
 public:
  // Throws drs::Error(ModelMissing) if absent, (ModelCorrupt) naming the problem if invalid.
  static SafetensorsFile open(const std::filesystem::path& path);
  // Validates an in-memory image (used by the fuzzer and by open()).
  static SafetensorsFile from_bytes(std::vector<std::byte> bytes, std::string origin = "<memory>");

  [[nodiscard]] std::vector<std::string> names() const;
  [[nodiscard]] bool contains(const std::string& name) const;
  [[nodiscard]] const TensorInfo& info(const std::string& name) const;  // throws if absent
  // Zero-copy CPU view of the mapped bytes (kept alive by the returned tensor).
  [[nodiscard]] at::Tensor tensor(const std::string& name) const;
  [[nodiscard]] const std::map<std::string, std::string>& metadata() const;
  [[nodiscard]] const std::filesystem::path& path() const;

  struct Storage;  // implementation detail (safetensors.cpp)

 private:
  std::shared_ptr<const Storage> storage_;
};

// Writes tensors (contiguous copies are made as needed) to `path` atomically
// (temporary file in the same folder, then rename). Throws drs::Error(Output).
void write_safetensors(const std::filesystem::path& path,
                       const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                       const std::map<std::string, std::string>& metadata = {});

}  // namespace drs

// Binds named tensors to modules with shape checks. Modules call take() for each
// parameter under its official name; finish() then reports names nobody took, so a
// missing, unexpected or mis-shaped tensor is an error that names it.
#pragma once

#include <ATen/ATen.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace drs {

class WeightMap {
 public:
  WeightMap() = default;
  // `source` names the file in error messages. `file_backed`: the tensors are views of a
  // read-only-from-disk mapping, so pages a converting take() has copied can be handed
  // back to the kernel (they re-read from the file if touched again).
  WeightMap(std::map<std::string, at::Tensor> tensors, std::string source,
            bool file_backed = false);

  // The tensor `prefix + name` with exactly `shape`, converted to `options`
  // (dtype/device). Throws drs::Error(ModelCorrupt) naming the tensor otherwise. From a
  // file-backed map the result is always an owned copy (never a view of the mapping).
  at::Tensor take(const std::string& name, at::IntArrayRef shape, const at::TensorOptions& options);
  [[nodiscard]] bool has(const std::string& name) const;
  // The dtype `name` is stored in (before any conversion); throws like take() if absent.
  [[nodiscard]] at::ScalarType stored_dtype(const std::string& name) const;
  [[nodiscard]] bool was_taken(const std::string& name) const { return taken_.count(name) != 0; }
  // Throws drs::Error(ModelCorrupt) listing tensors that were never taken (strict load).
  void finish() const;
  // The names never taken (for a non-strict load that reports them).
  [[nodiscard]] std::vector<std::string> unused() const;

  [[nodiscard]] const std::string& source() const { return source_; }
  [[nodiscard]] const std::map<std::string, at::Tensor>& all() const { return tensors_; }

 private:
  std::map<std::string, at::Tensor> tensors_;
  std::set<std::string> taken_;
  std::string source_;
  bool file_backed_ = false;
};

// Loads every tensor of a safetensors file into a WeightMap (zero-copy views).
WeightMap load_weight_map(const std::filesystem::path& path);

}  // namespace drs

// Read-only view of a zip archive in memory, as PyTorch writes them (torch.save,
// torch.jit.save): tensors and pickles stored uncompressed, ZIP64 records when large. Only what a
// checkpoint reader needs; a malformed or compressed archive is a drs::Error naming the problem.
// Plain C++ (no Qt, no Torch).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>

namespace drs::models {

class ZipArchive {
 public:
  // `bytes` must outlive the archive. Throws drs::Error(ModelCorrupt).
  explicit ZipArchive(std::span<const std::byte> bytes, std::string origin);

  [[nodiscard]] bool contains(const std::string& name) const { return entries_.contains(name); }
  // The stored bytes of `name`; throws if absent or compressed (only TorchScript's code
  // records are: they are listed but never read).
  [[nodiscard]] std::span<const std::byte> entry(const std::string& name) const;
  [[nodiscard]] const std::map<std::string, std::span<const std::byte>>& entries() const {
    return entries_;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const;
  void readCentralDirectory(std::uint64_t offset, std::uint64_t count);

  std::span<const std::byte> bytes_;
  std::string origin_;
  std::map<std::string, std::span<const std::byte>> entries_;  // stored entries
  std::map<std::string, int> compressed_;                      // name -> method
};

}  // namespace drs::models

// Read-only view of a zip archive in memory, as PyTorch writes them (torch.save,
// torch.jit.save): tensors and pickles stored uncompressed, ZIP64 records when large. Only what a
// checkpoint reader needs; a malformed archive is a drs::Error naming the problem. Compressed
// records are listed; small ones (a version record, TorchScript code) can be inflated
// (zlib), large ones (tensors) are mapped in place and must be stored. Plain C++ (no Qt, no
// Torch).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace drs::models {

class ZipArchive {
 public:
  // `bytes` must outlive the archive. Throws drs::Error(ModelCorrupt).
  explicit ZipArchive(std::span<const std::byte> bytes, std::string origin);

  [[nodiscard]] bool contains(const std::string& name) const { return entries_.contains(name); }
  // The stored bytes of `name`, in place; throws if absent or compressed (see read_small).
  [[nodiscard]] std::span<const std::byte> entry(const std::string& name) const;
  [[nodiscard]] const std::map<std::string, std::span<const std::byte>>& entries() const {
    return entries_;
  }
  // Whether the archive has a record `name`, stored or compressed.
  [[nodiscard]] bool lists(const std::string& name) const {
    return entries_.contains(name) || compressed_.contains(name);
  }
  // Every record's name, stored or compressed, in order.
  [[nodiscard]] std::vector<std::string> names() const;
  // A small record's bytes, stored or deflated (a user may repack an archive with
  // compression; LibTorch reads both). Throws drs::Error(ModelCorrupt) naming the record
  // when absent, larger than `limit` bytes, damaged, or compressed with another method.
  [[nodiscard]] std::string read_small(const std::string& name, std::size_t limit) const;

 private:
  struct Packed {  // a compressed record, as the central directory describes it
    int method = 0;
    std::uint64_t local = 0;  // its local header
    std::uint64_t compressed = 0, size = 0;
  };
  [[noreturn]] void fail(const std::string& why) const;
  void readCentralDirectory(std::uint64_t offset, std::uint64_t count);
  [[nodiscard]] std::span<const std::byte> recordData(const std::string& name, std::uint64_t local,
                                                      std::uint64_t length) const;
  [[nodiscard]] std::string inflate(const std::string& name, const Packed& packed) const;

  std::span<const std::byte> bytes_;
  std::string origin_;
  std::map<std::string, std::span<const std::byte>> entries_;  // stored entries
  std::map<std::string, Packed> compressed_;
};

}  // namespace drs::models

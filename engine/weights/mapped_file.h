// A read-only view of a whole file, memory-mapped copy-on-write (so an accidental
// in-place op on a zero-copy tensor can never write to the user's model file).
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>

namespace drs {

class MappedFile {
 public:
  // Throws drs::Error(ModelMissing) if absent, (ModelCorrupt) if unreadable.
  explicit MappedFile(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  [[nodiscard]] std::span<std::byte> bytes() const { return {data_, size_}; }

 private:
  std::byte* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace drs

// A file that appears under its final name only when complete: bytes go to a
// temporary file in the same folder, commit() syncs and renames it. Destroyed
// without commit() (an error, a cancel), the temporary file is removed and an
// existing file of that name is left untouched.
#pragma once

#include <cstddef>
#include <filesystem>

namespace drs {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);  // throws drs::Error(Output)
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(const void* data, std::size_t size);  // throws drs::Error(Output), e.g. disk full
  void commit();
  // As commit(), but under another name in the same folder: a partial result kept
  // instead of the complete file.
  void commit_as(const std::filesystem::path& target);

  [[nodiscard]] const std::filesystem::path& temp_path() const { return temp_; }
  // The open descriptor of the temporary file, for writers that need one (libsndfile).
  [[nodiscard]] int descriptor() const { return fd_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
};

}  // namespace drs

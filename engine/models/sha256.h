// SHA-256 (FIPS 180-4), for verifying model files against the digests in a set's
// manifest without a crypto library. Torch-free.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>

namespace drs::models {

class Sha256 {
 public:
  Sha256();
  void update(std::span<const std::byte> bytes);
  // Lower-case hex of the digest; the object is spent afterwards.
  [[nodiscard]] std::string hex_digest();

 private:
  void block(const std::uint8_t* data);
  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes seen
};

// The digest of a whole file, read in chunks; `on_bytes` (if set) is told how many bytes
// are done after each chunk. Throws drs::Error(ModelMissing) when it cannot be read.
[[nodiscard]] std::string sha256_file(const std::filesystem::path& file,
                                      const std::function<void(std::uintmax_t)>& on_bytes = {});

}  // namespace drs::models

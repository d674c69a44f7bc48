#include "pipeline/negative_style.h"

#include <cstring>
#include <string>

#include "drs/error.h"

namespace drs {
namespace {

// vocal.npy, generated into the build tree by CMake (file(READ ... HEX)).
#include "vocal_npy.inc"

}  // namespace

std::vector<float> parse_npy_float32(std::span<const unsigned char> bytes) {
  static constexpr unsigned char kMagic[] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
  if (bytes.size() < 10 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw Error(ErrorKind::ModelCorrupt, "not a .npy file");
  const int major = bytes[6];
  const std::size_t length_bytes = major == 1 ? 2 : 4;
  if (bytes.size() < 8 + length_bytes)
    throw Error(ErrorKind::ModelCorrupt, ".npy header truncated");
  std::size_t header_length = 0;
  for (std::size_t i = 0; i < length_bytes; ++i)
    header_length |= std::size_t{bytes[8 + i]} << (8 * i);
  const std::size_t data_start = 8 + length_bytes + header_length;
  if (data_start > bytes.size())
    throw Error(ErrorKind::ModelCorrupt, ".npy header longer than the file");
  const std::string header(reinterpret_cast<const char*>(bytes.data() + 8 + length_bytes),
                           header_length);
  if (header.find("'descr': '<f4'") == std::string::npos ||
      header.find("'fortran_order': False") == std::string::npos)
    throw Error(ErrorKind::ModelCorrupt, ".npy data is not little-endian float32 in C order");
  const std::size_t count = (bytes.size() - data_start) / sizeof(float);
  std::vector<float> values(count);
  std::memcpy(values.data(), bytes.data() + data_start, count * sizeof(float));
  return values;
}

std::vector<float> negative_style_embedding() {
  auto values = parse_npy_float32(kVocalNpy);
  if (values.size() != 512)
    throw Error(ErrorKind::Internal, "embedded vocal.npy does not hold 512 values");
  return values;
}

}  // namespace drs

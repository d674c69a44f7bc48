// Fuzz target: safetensors header validation and tensor views on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "drs/error.h"
#include "weights/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto* bytes = reinterpret_cast<const std::byte*>(data);
    const auto file =
        drs::SafetensorsFile::from_bytes(std::vector<std::byte>(bytes, bytes + size), "fuzz");
    for (const auto& name : file.names()) (void)file.tensor(name).sum();
  } catch (const drs::Error&) {
  }
  return 0;
}

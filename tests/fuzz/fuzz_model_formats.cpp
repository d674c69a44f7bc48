// The Torch-free model-file parsers on arbitrary bytes: the zip reader, the restricted
// unpickler in checkpoint and TorchScript modes, and the state-dict reader with its
// bounds checks. None may crash; every refusal is a drs::Error; an accepted tensor must
// lie inside its storage record (gathered to prove it).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "drs/error.h"
#include "models/torch_checkpoint.h"
#include "models/torch_pickle.h"
#include "models/zip_archive.h"

namespace {

void state_dict(std::span<const std::byte> image, const char* key) {
  try {
    for (const auto& t : drs::models::read_checkpoint_state_dict(image, "fuzz", key)) {
      const auto count = drs::models::element_count(t.tensor);
      const auto size = drs::models::dtypeBytes(t.tensor.dtype);
      if (count < 0 || size <= 0) std::abort();  // accepted, yet not a valid tensor
      if (count * size <= (1 << 20) && drs::models::gather(t).size() != std::size_t(count * size))
        std::abort();
    }
  } catch (const drs::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::byte> image(reinterpret_cast<const std::byte*>(data), size);
  try {  // as an archive: every stored data.pkl in both modes
    const drs::models::ZipArchive zip(image, "fuzz");
    for (const auto& [name, entry] : zip.entries()) {
      if (!name.ends_with("/data.pkl")) continue;
      try {
        drs::models::unpickleTorchScript(entry, "fuzz");
      } catch (const drs::Error&) {
      }
    }
  } catch (const drs::Error&) {
  }
  state_dict(image, "");
  state_dict(image, "model_state_dict");
  for (const bool torchscript : {false, true}) {  // as a bare data.pkl
    try {
      if (torchscript)
        drs::models::unpickleTorchScript(image, "fuzz");
      else
        drs::models::unpickleCheckpoint(image, "fuzz");
    } catch (const drs::Error&) {
    }
  }
  return 0;
}

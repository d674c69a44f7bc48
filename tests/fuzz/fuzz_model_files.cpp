// The model library's file checks on arbitrary bytes: the one safetensors header parser
// that gates imports and the engine's loads, the zip reader and restricted unpickler of
// the .pt converter, and the manifest reader that runs at every start-up. None may
// crash; an accepted header must describe byte ranges inside the image; refusals are
// drs::Error naming the problem.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>

#include "drs/error.h"
#include "drs/model_manifest.h"
#include "models/safetensors_header.h"
#include "models/torch_pickle.h"
#include "models/zip_archive.h"
#include "support/temp_dir.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::byte> image(reinterpret_cast<const std::byte*>(data), size);
  try {
    const auto header = drs::models::parse_safetensors_header(image, size, "fuzz");
    for (const auto& [name, e] : header.tensors)
      if (e.end < e.begin || header.data_offset + e.end > size) std::abort();
  } catch (const drs::Error& e) {
    if (std::string(e.what()).empty()) std::abort();  // a refusal must say why
  }

  try {  // as a whole checkpoint, then as a bare data.pkl
    const drs::models::ZipArchive zip(image, "fuzz");
    for (const auto& [name, entry] : zip.entries())
      if (name.ends_with("/data.pkl")) drs::models::unpickleCheckpoint(entry, "fuzz");
  } catch (const drs::Error&) {
  }
  try {
    drs::models::unpickleCheckpoint(image, "fuzz");
  } catch (const drs::Error&) {
  }

  static const drs::test::TempDir dir("fuzz-manifest");
  static const std::filesystem::path path = dir / "manifest.json";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    (void)drs::read_manifest(path);
  } catch (const drs::Error&) {
  }
  return 0;
}

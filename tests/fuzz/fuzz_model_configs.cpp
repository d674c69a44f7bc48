// Fuzz target: the downloaded config.json files as each reader takes them — the DiT's
// (then the tensor names and shapes it implies, which an import checks the weights
// against), MuQ-MuLan's and XLM-R's (text tower), MuQ-MuLan's and MuQ's (audio tower).
// The input stands in for one file at a time, the others being the official ones.
// Only drs::Error may escape; an accepted DiT config must imply positive shapes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "models/dit_tensor_spec.h"
#include "mulan/audio_tower_config.h"
#include "mulan/style_encoder_config.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

fs::path temp_file(const char* role) {
  static const drs::test::TempDir dir("fuzz-config");
  return dir / (std::string(role) + ".json");
}

fs::path write(const char* role, const std::string& text) {
  const fs::path path = temp_file(role);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path;
}

template <typename F>
void refused_only_by_error(F&& read) {
  try {
    read();
  } catch (const drs::Error&) {
  }
}

void dit(const fs::path& input) {
  for (const bool full : {false, true}) {
    refused_only_by_error([&] {
      const auto config = drs::models::read_dit_config(input, full);
      for (const auto& [name, shape] : drs::models::expected_dit_tensors(config))
        for (const auto d : shape)
          if (d <= 0) std::abort();
    });
  }
}

void style(const fs::path& input) {
  static const drs::StyleEncoderConfig official;
  static const fs::path mulan = write("mulan", official.official_mulan_json().dump());
  static const fs::path xlmr = write("xlmr", official.official_xlmr_json().dump());
  refused_only_by_error([&] { (void)drs::StyleEncoderConfig::from_official_files(input, xlmr); });
  refused_only_by_error([&] { (void)drs::StyleEncoderConfig::from_official_files(mulan, input); });
}

void audio_tower(const std::string& text) {
  static const drs::AudioTowerConfig official;
  static const nlohmann::json mulan = official.official_mulan_audio_json();
  static const nlohmann::json muq = official.official_muq_json();
  const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return;
  refused_only_by_error([&] { (void)drs::AudioTowerConfig::from_official_json(json, muq); });
  refused_only_by_error([&] { (void)drs::AudioTowerConfig::from_official_json(mulan, json); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const fs::path input = write("input", text);
  dit(input);
  style(input);
  audio_tower(text);
  return 0;
}

// Where the model store is, read from one place shared by the GUI and the CLI (see
// drs/model_store.h), and the stand-alone components found in it.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "drs/error.h"
#include "drs/model_catalog.h"
#include "drs/model_manifest.h"
#include "drs/model_set.h"
#include "drs/model_store.h"

namespace drs {
namespace fs = std::filesystem;
namespace {

fs::path env_path(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? fs::path(value) : fs::path();
}

fs::path home_subdir(const char* xdg, const fs::path& fallback) {
  if (auto dir = env_path(xdg); !dir.empty()) return dir;
  if (auto home = env_path("HOME"); !home.empty()) return home / fallback;
  return fs::temp_directory_path();
}

fs::path configured_store() {
  const fs::path file = model_store_config_file();
  std::error_code ec;
  // nlohmann reads the stream buffer directly: a folder would escape as std::ios_failure.
  if (!fs::is_regular_file(file, ec)) return {};
  std::ifstream in(file);
  if (!in) return {};
  const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("store") || !json["store"].is_string()) return {};
  return json["store"].get<std::string>();
}

}  // namespace

fs::path model_store_config_file() {
  return home_subdir("XDG_CONFIG_HOME", ".config") / "DiffRhythmStudio" / "models.json";
}

fs::path builtin_model_store() {
  return home_subdir("XDG_DATA_HOME", fs::path(".local") / "share") / "DiffRhythm Studio" /
         "models";
}

fs::path default_model_store() {
  if (auto env = env_path("DRS_MODELS_DIR"); !env.empty()) return env;
  if (auto chosen = configured_store(); !chosen.empty()) return chosen;
  return builtin_model_store();
}

void save_model_store_dir(const fs::path& store) {
  const fs::path file = model_store_config_file();
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) throw Error(ErrorKind::Output, file.parent_path().string() + ": " + ec.message());
  nlohmann::json json = nlohmann::json::object();
  if (!store.empty()) json["store"] = fs::absolute(store).lexically_normal().string();
  const std::string text = json.dump(2) + "\n";
  AtomicFile out(file);
  out.write(text.data(), text.size());
  out.commit();
}

std::optional<fs::path> model_set_override() {
  if (auto set = env_path("DRS_MODEL_SET"); !set.empty()) return set;
  if (auto old = env_path("DRS_MODEL_DIR"); !old.empty()) {
    static const bool warned = [] {
      std::fputs(
          "warning: DRS_MODEL_DIR is deprecated (too close to DRS_MODELS_DIR, the store); "
          "name the set folder with DRS_MODEL_SET instead\n",
          stderr);
      return true;
    }();
    (void)warned;
    return old;
  }
  return std::nullopt;
}

std::optional<fs::path> chinese_lyrics_dir(const fs::path& store) {
  // Complete = installed through the store (its manifest lists every file of the
  // catalogue entry) and every file still there with the size recorded at install.
  const CatalogSet* component = find_catalog_set(ChineseLyricsLayout::kFolder);
  const fs::path dir = store / ChineseLyricsLayout::kFolder;
  Manifest manifest;
  try {
    manifest = read_manifest(dir / ModelSetLayout::kManifest);
  } catch (const Error&) {
    return std::nullopt;
  }
  for (const CatalogFile& f : component->files()) {
    const auto listed = std::find_if(manifest.files.begin(), manifest.files.end(),
                                     [&](const ManifestFile& m) { return m.name == f.local_name; });
    std::error_code ec;
    if (listed == manifest.files.end() ||
        fs::file_size(dir / f.local_name, ec) != static_cast<std::uintmax_t>(listed->size) || ec)
      return std::nullopt;
  }
  return dir;
}

std::optional<fs::path> chinese_lyrics_dir() {
  return chinese_lyrics_dir(default_model_store());
}

}  // namespace drs

#include "drs/model_set.h"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "drs/error.h"

namespace drs {
namespace fs = std::filesystem;

namespace {

constexpr std::array kRequiredFiles{ModelSetLayout::kDitConfig,    ModelSetLayout::kVae,
                                    ModelSetLayout::kStyleWeights, ModelSetLayout::kStyleConfig,
                                    ModelSetLayout::kXlmrConfig,   ModelSetLayout::kTokenizer};

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorKind::ModelMissing, path.string() + ": not found");
  auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object())
    throw Error(ErrorKind::ModelCorrupt, path.string() + ": not a JSON object");
  return json;
}

// The full model is the one with a duration embedding; its variant id says so.
int max_frames_for(const nlohmann::json& manifest, const std::string& id) {
  if (manifest.contains("max_frames") && manifest["max_frames"].is_number_integer())
    return manifest["max_frames"].get<int>();
  return id.find("full") != std::string::npos ? 6144 : 2048;
}

fs::path executable_dir() {
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

bool is_complete_set(const fs::path& dir) {
  try {
    (void)read_model_set(dir);
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace

ModelSet read_model_set(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error(ErrorKind::ModelMissing, dir.string() + ": no such model folder");
  const auto manifest = read_json(dir / ModelSetLayout::kManifest);
  ModelSet set;
  set.dir = dir;
  set.id = manifest.value("id", std::string());
  set.name = manifest.value("name", set.id);
  set.is_demo = manifest.value("is_demo", false);
  set.max_frames = max_frames_for(manifest, set.id);
  if (set.max_frames != 2048 && set.max_frames != 6144)
    throw Error(ErrorKind::ModelCorrupt,
                (dir / ModelSetLayout::kManifest).string() + ": max_frames must be 2048 or 6144");
  std::string missing;
  for (const char* name : kRequiredFiles)
    if (!fs::is_regular_file(dir / name, ec))
      missing += std::string(missing.empty() ? "" : ", ") + name;
  if (!fs::is_regular_file(dir / ModelSetLayout::kDit, ec) &&
      !fs::is_regular_file(dir / ModelSetLayout::kDitCheckpoint, ec))
    missing += std::string(missing.empty() ? "" : ", ") + ModelSetLayout::kDit;
  if (!missing.empty())
    throw Error(ErrorKind::ModelMissing,
                dir.string() + ": model set is incomplete, missing " + missing);
  return set;
}

fs::path default_model_store() {
  if (const char* env = std::getenv("DRS_MODELS_DIR"); env && *env) return env;
  fs::path data;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    data = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    data = fs::path(home) / ".local" / "share";
  else
    data = fs::temp_directory_path();
  return data / "DiffRhythm Studio" / "models";
}

fs::path demo_model_dir() {
  // Installed: <prefix>/bin/app and <prefix>/share/diffrhythm-studio/demo-models.
  const auto installed = executable_dir() / ".." / "share" / "diffrhythm-studio" / "demo-models";
  std::error_code ec;
  if (fs::is_directory(installed, ec)) return fs::weakly_canonical(installed, ec);
  return DRS_BUILD_DEMO_DIR;
}

std::optional<fs::path> default_model_dir() {
  const auto store = default_model_store();
  for (const char* id : {"diffrhythm-1_2-full", "diffrhythm-1_2-base"})
    if (is_complete_set(store / id)) return store / id;
  // A store folder may itself be a set (DRS_MODELS_DIR pointing at one).
  if (is_complete_set(store)) return store;
  if (is_complete_set(demo_model_dir())) return demo_model_dir();
  return std::nullopt;
}

}  // namespace drs

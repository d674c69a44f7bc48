// Reading a model set folder and choosing among the installed ones: one rule for the
// GUI and the CLI.
#include <algorithm>
#include <array>
#include <vector>

#include "drs/error.h"
#include "drs/model_manifest.h"
#include "drs/model_set.h"

namespace drs {
namespace fs = std::filesystem;

namespace {

constexpr std::array kRequiredFiles{ModelSetLayout::kDitConfig,    ModelSetLayout::kVae,
                                    ModelSetLayout::kStyleWeights, ModelSetLayout::kStyleConfig,
                                    ModelSetLayout::kXlmrConfig,   ModelSetLayout::kTokenizer};

// The full model is the one with a duration embedding; its variant id says so when the
// manifest does not.
int max_frames_for(const Manifest& manifest) {
  if (manifest.max_frames > 0) return manifest.max_frames;
  return manifest.id.find("full") != std::string::npos ? 6144 : 2048;
}

}  // namespace

ModelSet read_model_set(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error(ErrorKind::ModelMissing, dir.string() + ": no such model folder");
  const Manifest manifest = read_manifest(dir / ModelSetLayout::kManifest);
  if (manifest.is_component)
    throw Error(ErrorKind::ModelMissing,
                dir.string() + ": '" + manifest.id + "' is a component, not a model set");
  ModelSet set;
  set.dir = dir;
  set.id = manifest.id;
  set.name = manifest.name.empty() ? manifest.id : manifest.name;
  set.is_demo = manifest.is_demo;
  set.max_frames = max_frames_for(manifest);
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
  // MuQ-MuLan's pytorch_model.bin is read only once converted (the DiT's cfm_model.pt is
  // read in place): a folder still holding the original says how to convert it.
  if (!fs::is_regular_file(dir / ModelSetLayout::kStyleWeights, ec) &&
      fs::is_regular_file(dir / ModelSetLayout::kStyleCheckpoint, ec))
    throw Error(ErrorKind::ModelMissing,
                dir.string() + ": " + ModelSetLayout::kStyleCheckpoint +
                    " has not been converted to " + ModelSetLayout::kStyleWeights +
                    " yet; run `diffrhythm-cli models import '" + dir.string() +
                    "'` (it checks the files and installs a converted copy into the model store)");
  if (!missing.empty())
    throw Error(ErrorKind::ModelMissing,
                dir.string() + ": model set is incomplete, missing " + missing);
  return set;
}

bool is_complete_model_set(const fs::path& dir) {
  try {
    (void)read_model_set(dir);
    return true;
  } catch (const Error&) {
    return false;
  }
}

std::optional<fs::path> preferred_model_set(const fs::path& store) {
  // A store folder may itself be a set (DRS_MODELS_DIR pointing at one).
  std::vector<fs::path> candidates{store};
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(store, ec))
    if (entry.is_directory(ec)) candidates.push_back(entry.path());
  std::sort(candidates.begin() + 1, candidates.end());
  std::optional<fs::path> best;
  int best_frames = 0;
  for (const auto& dir : candidates) {
    try {
      const ModelSet set = read_model_set(dir);
      // The full model (longer songs) before the base one; the first by name on a tie.
      if (!set.is_demo && set.max_frames > best_frames) {
        best = dir;
        best_frames = set.max_frames;
      }
    } catch (const Error&) {
      // not a complete set: a download in progress, a component, an unrelated folder
    }
  }
  return best;
}

}  // namespace drs

#include "drs/model_set.h"

#include <unistd.h>

#include "drs/error.h"
#include "drs/model_store.h"

namespace drs {
namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

}  // namespace

fs::path demo_model_dir() {
  const auto exe_dir = executable_dir();
  // Installed: <prefix>/bin/app and <prefix>/share/diffrhythm-studio/demo-models.
  const auto installed = exe_dir / ".." / "share" / "diffrhythm-studio" / "demo-models";
  std::error_code ec;
  if (fs::is_directory(installed, ec)) return fs::weakly_canonical(installed, ec);
  // In a build tree: <build>/demo-models, <build> being the nearest folder above the
  // executable that holds CMakeCache.txt (the programs and tests sit in subfolders).
  for (auto dir = exe_dir; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "CMakeCache.txt", ec)) return dir / "demo-models";
    if (dir == dir.parent_path()) break;
  }
  return installed;
}

std::optional<fs::path> default_model_dir() {
  if (auto named = model_set_override()) return named;
  if (auto real = preferred_model_set(default_model_store())) return real;
  if (is_complete_model_set(demo_model_dir())) return demo_model_dir();
  return std::nullopt;
}

}  // namespace drs

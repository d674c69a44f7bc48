// What the store holds, as found on disk: the one listing behind the GUI's Models dialog
// and (through list_installed_sets) `diffrhythm-cli models list`.
#include <algorithm>

#include "drs/error.h"
#include "drs/model_set.h"
#include "drs/model_store.h"
#include "models/model_import.h"

namespace drs {
namespace fs = std::filesystem;
namespace {

// Absolute, without "." / ".." segments or a trailing separator: the folder as shown.
fs::path shown_folder(const fs::path& folder) {
  std::error_code ec;
  fs::path p = fs::absolute(folder, ec).lexically_normal();
  if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  return p;
}

// The folders that may hold a set: `store` itself when it is one (a store setting or
// $DRS_MODELS_DIR may name a single set), else its visible subfolders, by name.
std::vector<fs::path> candidate_folders(const fs::path& store) {
  std::error_code ec;
  if (fs::exists(store / ModelSetLayout::kManifest, ec)) return {store};
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(store, ec))
    if (entry.is_directory(ec) && !entry.path().filename().string().starts_with("."))
      folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return folders;
}

// Sizes only: hashing gigabytes on every listing would take minutes (verify_model_set
// hashes on request).
std::vector<std::string> file_problems(const fs::path& folder, const Manifest& manifest) {
  std::vector<std::string> problems;
  for (const ManifestFile& f : manifest.files) {
    std::error_code ec;
    const fs::path path = folder / f.name;
    if (!is_safe_relative_name(f.name) || !fs::is_regular_file(path, ec)) {
      problems.push_back(f.name + " is missing");
      continue;
    }
    const auto size = static_cast<std::int64_t>(fs::file_size(path, ec));
    if (f.size > 0 && size != f.size)
      problems.push_back(f.name + " has " + std::to_string(size) + " bytes, expected " +
                         std::to_string(f.size));
  }
  return problems;
}

}  // namespace

std::vector<StoreEntry> scan_model_store(const fs::path& store) {
  std::vector<StoreEntry> entries;
  for (const fs::path& folder : candidate_folders(store)) {
    std::error_code ec;
    if (!fs::exists(folder / ModelSetLayout::kManifest, ec)) continue;
    StoreEntry entry;
    entry.folder = shown_folder(folder);
    try {
      entry.manifest = read_manifest(folder / ModelSetLayout::kManifest);
    } catch (const Error& e) {
      entry.problems.emplace_back(e.what());
    }
    for (std::string& p : file_problems(folder, entry.manifest))
      entry.problems.push_back(std::move(p));
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace drs

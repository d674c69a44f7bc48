#include "drs/model_store.h"

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "models/sha256.h"

namespace drs {
namespace fs = std::filesystem;
namespace {

nlohmann::json manifest_of(const fs::path& dir) {
  std::ifstream in(dir / ModelSetLayout::kManifest);
  auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  return json.is_object() ? json : nlohmann::json::object();
}

std::uintmax_t folder_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec))
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  return total;
}

std::vector<std::string> licences_of(const Manifest& manifest) {
  std::vector<std::string> out;
  for (const ManifestLicence& l : manifest.licences)
    out.push_back((l.component.empty() ? "?" : l.component) + ": " +
                  (l.name.empty() ? "?" : l.name));
  return out;
}

std::string string_field(const nlohmann::json& o, const char* key) {
  return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
}

}  // namespace

std::vector<InstalledSet> list_installed_sets(const fs::path& store) {
  const auto chosen = default_model_dir();
  std::vector<InstalledSet> sets;
  for (const StoreEntry& entry : scan_model_store(store)) {
    try {
      InstalledSet s{read_model_set(entry.folder), folder_bytes(entry.folder),
                     licences_of(entry.manifest), false};
      std::error_code ec;
      s.is_default = chosen && fs::equivalent(*chosen, entry.folder, ec);
      sets.push_back(std::move(s));
    } catch (const Error&) {
      // not a complete set: a download in progress, a component, a damaged manifest
    }
  }
  std::sort(sets.begin(), sets.end(),
            [](const InstalledSet& a, const InstalledSet& b) { return a.set.id < b.set.id; });
  return sets;
}

std::vector<FileCheck> verify_model_set(
    const fs::path& dir, const std::function<void(const std::string&, std::uintmax_t)>& progress) {
  (void)read_model_set(dir);  // throws for a folder that is not a set
  std::vector<FileCheck> checks;
  for (const auto& f : manifest_of(dir).value("files", nlohmann::json::array())) {
    if (!f.is_object()) continue;
    FileCheck c;
    c.name = string_field(f, "name");
    if (c.name.empty() || c.name.find('/') != std::string::npos || c.name == "..") {
      c.problem = "the manifest lists an invalid file name";
      checks.push_back(c);
      continue;
    }
    c.expected_size = f.value("size", std::uintmax_t{0});
    c.expected_sha256 = string_field(f, "sha256");
    c.digest_published = f.value("sha256_verified", false);
    std::error_code ec;
    const auto path = dir / c.name;
    c.actual_size = fs::file_size(path, ec);
    if (ec) {
      c.problem = "missing";
    } else if (c.actual_size != c.expected_size) {
      c.problem = "size " + std::to_string(c.actual_size) + " bytes, the manifest says " +
                  std::to_string(c.expected_size);
    } else if (!c.expected_sha256.empty()) {
      c.actual_sha256 = models::sha256_file(path, [&](std::uintmax_t done) {
        if (progress) progress(c.name, done);
      });
      if (c.actual_sha256 != c.expected_sha256)
        c.problem = "SHA-256 " + c.actual_sha256 + " differs from the manifest's " +
                    c.expected_sha256 + " (damaged or replaced)";
    }
    checks.push_back(std::move(c));
  }
  return checks;
}

void remove_model_set(const fs::path& store, const std::string& id) {
  if (id.empty() || id == "." || id == ".." || id.find('/') != std::string::npos)
    throw Error(ErrorKind::BadInput, "'" + id + "' is not a model set id");
  const auto dir = store / id;
  ModelSet set;
  try {
    set = read_model_set(dir);
  } catch (const Error&) {
    throw Error(ErrorKind::BadInput, dir.string() + ": no installed model set '" + id + "' here");
  }
  if (set.is_demo)
    throw Error(ErrorKind::BadInput, dir.string() + ": the demo set belongs to the installation");
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (ec) throw Error(ErrorKind::Output, dir.string() + ": " + ec.message());
}

}  // namespace drs

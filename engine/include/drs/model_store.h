// The model store seen from the command line: which sets are installed, whether their
// files are still the ones the manifest recorded, and removing one. Torch-free; the GUI's
// model manager writes the same manifests (ui/models).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "drs/model_set.h"

namespace drs {

struct InstalledSet {
  ModelSet set;
  std::uintmax_t bytes = 0;           // all files of the folder
  std::vector<std::string> licences;  // "component: licence" from the manifest
  bool is_default = false;            // the set generate uses without --models
};

// Complete sets directly under `store` (and `store` itself if it is one), by id.
[[nodiscard]] std::vector<InstalledSet> list_installed_sets(const std::filesystem::path& store);

struct FileCheck {
  std::string name;
  std::uintmax_t expected_size = 0, actual_size = 0;
  std::string expected_sha256, actual_sha256;
  bool digest_published = false;  // the manifest's digest was checked against the source's
  std::string problem;            // empty when the file is as recorded
};

// Every file the manifest lists, re-measured: size, then SHA-256. `progress` (if set) is
// told the file being hashed and the bytes done. Throws drs::Error(ModelMissing) for a
// folder that is not a model set; a manifest without a file list gives no checks.
[[nodiscard]] std::vector<FileCheck> verify_model_set(
    const std::filesystem::path& dir,
    const std::function<void(const std::string&, std::uintmax_t)>& progress = {});

// Deletes the set `id` under `store`. Refuses (drs::Error BadInput) anything that is not
// an installed set's folder there, e.g. the demo set or a path outside the store.
void remove_model_set(const std::filesystem::path& store, const std::string& id);

}  // namespace drs

// Installing into the model store: from a folder the user already has (a plain folder,
// a Hugging Face cache repo folder `models--ORG--NAME/snapshots/<rev>/`, or a whole hub
// cache holding several) or from the network (drs/model_download.h). Every file is
// checked (format, pinned size and SHA-256, the DiT's and the MuQ-MuLan text tower's
// tensor names and shapes) before anything is placed; files are hard-linked where
// possible, else copied, into a staging folder renamed at the end; official .pt
// checkpoints are converted once to safetensors; the manifest is written last.
// Torch-free and Qt-free.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "drs/model_catalog.h"
#include "drs/model_manifest.h"

namespace drs {

using InstallStatus = std::function<void(const std::string&)>;  // short progress lines

struct ImportItem {
  CatalogFile file;  // what the catalogue expects
  std::string component_id;
  std::filesystem::path source;    // where it was found
  bool already_converted = false;  // found in its safetensors form (converted_name)
  std::string sha256;              // computed during the check
  std::string content;  // installed as is when no source was found (the catalogue's fallback)
};

struct ImportPlan {
  std::string set_id;
  std::filesystem::path source_folder;
  std::vector<ImportItem> items;
  std::vector<std::string> errors;    // anything here blocks the import
  std::vector<std::string> warnings;  // e.g. no published digest
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

// Locates and checks the files of `set` under `folder`. Hashes every file found
// (minutes for a full set).
[[nodiscard]] ImportPlan plan_import(const std::filesystem::path& folder, const CatalogSet& set);

// Installs a checked plan into `<store>/<set id>` and returns that folder. Throws
// drs::Error naming the problem; nothing half-installed is left behind.
std::filesystem::path execute_import(const ImportPlan& plan, const CatalogSet& set,
                                     const std::filesystem::path& store,
                                     const InstallStatus& status = {});

// `<store>/<id>` after checking that `id` is a plain folder name; throws BadInput.
[[nodiscard]] std::filesystem::path install_folder(const std::filesystem::path& store,
                                                   const std::string& id);

}  // namespace drs

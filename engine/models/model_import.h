// The engine's side of installing into the model store (drs/model_install.h is the
// front ends' side): the steps imports and downloads share, and the checks the fuzzers
// and tests drive one by one.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "drs/model_catalog.h"
#include "drs/model_install.h"
#include "drs/model_manifest.h"

namespace drs {

// The folder holding repo `repo`'s files under `folder` (a snapshot of a hub cache,
// the folder itself, ...). `models--ORG--NAME` folders resolve through refs/main when
// present, else the most recent snapshot.
[[nodiscard]] std::optional<std::filesystem::path> find_repo_snapshot(
    const std::filesystem::path& folder, const std::string& repo);

// Checks one file's content against its catalogue format; empty when fine, else the
// reason (naming the tensor for safetensors files).
[[nodiscard]] std::string check_file_format(const std::filesystem::path& path, FileFormat format);

// Shared by downloads and imports: converts the checkpoints among `files` (already in
// `folder` under their local names), checks tensor names and shapes, writes the
// manifest. `files` is updated in place. Throws drs::Error.
void finish_install_folder(const std::filesystem::path& folder, const CatalogSet& set,
                           std::vector<ManifestFile>& files, const std::string& source,
                           const InstallStatus& status = {});

// A relative path that stays inside its folder: not empty, no absolute path, no "." or
// ".." segment, no backslash or control character. Downloads and imports refuse others.
[[nodiscard]] bool is_safe_relative_name(const std::string& name);

}  // namespace drs

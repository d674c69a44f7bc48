// The model store: where it is (one answer for the GUI and the CLI), which sets and
// components are installed, whether their files are still the ones the manifest
// recorded, and removing one. Torch-free.
//
// Location, first match wins (default_model_store() in drs/model_set.h returns it):
//   1. $DRS_MODELS_DIR: a store, i.e. the folder holding one folder per set;
//   2. "store" in <config>/DiffRhythmStudio/models.json, where <config> is
//      $XDG_CONFIG_HOME or ~/.config; written by save_model_store_dir (the GUI's Models
//      dialog; its QSettings value only mirrors this file);
//   3. $XDG_DATA_HOME (or ~/.local/share)/DiffRhythm Studio/models.
// Not to be confused with $DRS_MODEL_SET (one set folder to use, bypassing the store),
// formerly spelt $DRS_MODEL_DIR: see model_set_override().
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "drs/model_manifest.h"
#include "drs/model_set.h"

namespace drs {

// <config>/DiffRhythmStudio/models.json.
[[nodiscard]] std::filesystem::path model_store_config_file();
// The built-in default (3. above), whatever the environment and config file say.
[[nodiscard]] std::filesystem::path builtin_model_store();
// Records `store` in the config file (an empty path removes the choice). Throws
// drs::Error(Output) when the file cannot be written.
void save_model_store_dir(const std::filesystem::path& store);

// One set folder named by the environment: $DRS_MODEL_SET, else the deprecated
// $DRS_MODEL_DIR (same meaning; a warning on stderr says to rename it). nullopt if none.
[[nodiscard]] std::optional<std::filesystem::path> model_set_override();

// The Chinese lyrics component (<store>/chinese-lyrics/, official g2p/sources/ layout:
// ChineseLyricsLayout in drs/model_set.h) when it is installed and complete (every file
// present with its catalogue size), else nullopt. The Chinese G2P reads its lexicon and
// polyphone model from here.
[[nodiscard]] std::optional<std::filesystem::path> chinese_lyrics_dir(
    const std::filesystem::path& store);
[[nodiscard]] std::optional<std::filesystem::path> chinese_lyrics_dir();  // in the default store

// A folder of the store that holds a manifest: a model set (complete or not, the demo
// set included) or a stand-alone component, checked against its manifest's file list by
// size only (hashing gigabytes on every listing would take minutes; verify_model_set
// hashes on request).
struct StoreEntry {
  std::filesystem::path folder;       // absolute
  Manifest manifest;                  // empty when unreadable (then problems says why)
  std::vector<std::string> problems;  // unreadable manifest, files missing or resized
  [[nodiscard]] bool usable() const { return problems.empty(); }
};

// Every such folder: `store` itself when it holds a manifest, else its subfolders (not
// hidden ones), by folder name. The Models dialog lists these, damaged ones included.
[[nodiscard]] std::vector<StoreEntry> scan_model_store(const std::filesystem::path& store);

struct InstalledSet {
  ModelSet set;
  std::uintmax_t bytes = 0;           // all files of the folder
  std::vector<std::string> licences;  // "component: licence" from the manifest
  bool is_default = false;            // the set generate uses without --models
};

// The complete model sets among scan_model_store(store) (no components), by id.
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

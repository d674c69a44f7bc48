// manifest.json of one installed folder of the store (a model set or a stand-alone
// component): what it is, every file with size, SHA-256, source and format, when and
// how it was installed, and the licences that apply. The one reader and writer of it:
// read_model_set, the CLI and the GUI's model manager all go through here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "drs/model_catalog.h"

namespace drs {

struct ManifestFile {
  std::string name;  // relative path inside the folder
  std::int64_t size = 0;
  std::string sha256;
  bool sha256_verified = false;  // checked against a pinned or hub-published digest
  std::string source_url;        // file:// for imports
  std::string format;            // format_name(): "safetensors", "torchscript", ...
  std::string component;         // catalogue component id
  std::string converted_from;    // original file this one was converted from, if any
};

struct ManifestLicence {
  std::string component;
  std::string title;
  std::string name;
  std::string url;
  std::string note;
};

struct Manifest {
  std::string id;  // catalogue id, e.g. "diffrhythm-1_2-base"
  std::string name;
  std::string description;
  bool is_demo = false;
  bool is_component = false;  // a stand-alone component, not a model set
  int max_frames = 0;         // 2048 (base) / 6144 (full); 0 = not stated
  std::string source;         // "download" or "import"
  std::string installed;      // ISO 8601 UTC, e.g. "2026-12-02T07:30:00Z"
  std::vector<ManifestFile> files;
  std::vector<ManifestLicence> licences;
};

// Throws drs::Error(ModelMissing) when `path` cannot be read, (ModelCorrupt) naming the
// field for malformed JSON or a field of the wrong type.
[[nodiscard]] Manifest read_manifest(const std::filesystem::path& path);
// Written atomically. Throws drs::Error(Output).
void write_manifest(const std::filesystem::path& path, const Manifest& manifest);

// The licences of a catalogue entry, ready for a manifest.
[[nodiscard]] std::vector<ManifestLicence> licences_of(const CatalogSet& set);

// The current time as ISO 8601 UTC ("2026-12-02T07:30:00Z").
[[nodiscard]] std::string utc_timestamp_now();

}  // namespace drs

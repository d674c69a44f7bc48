// What the model store knows how to install: the model sets (which Hugging Face files
// make up each, their licences) and stand-alone components such as the Chinese lyrics
// data. Facts from MODEL.md §7.1 / §7.4; names inside a set come from ModelSetLayout.
// Torch-free and Qt-free: the CLI and the GUI's model manager show the same catalogue.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace drs {

enum class FileFormat { Json, TorchPickle, TorchScript, Safetensors, SentencePiece, Text, Onnx };

// "json", "torch-pickle", ... as written in manifests.
[[nodiscard]] const char* format_name(FileFormat format);

// Which tensor names/shapes the (converted) weights must hold, checked before install:
// the DiT's every name and shape (from its config); MuQ-MuLan's text-path names (the
// rest of that file - the audio tower, buffers - is kept as it is).
enum class TensorSpec { None, DitBase, DitFull, MulanText };

struct CatalogFile {
  std::string repo;        // "org/name" on the Hugging Face hub; empty when `url` is set
  std::string revision;    // "main" unless pinned
  std::string file;        // path inside the repo
  std::string url;         // a direct source (not the hub), e.g. a GitHub raw URL
  std::string local_name;  // relative path inside the installed folder (ModelSetLayout)
  FileFormat format = FileFormat::Json;
  std::int64_t approx_size = 0;  // for the licence page and the disk-space check
  std::int64_t exact_size = -1;  // pinned byte size, -1 = from the server
  // Pinned full SHA-256 (64 hex) where public evidence gives it; else the hub's
  // X-Linked-Etag (the SHA-256 of an LFS file) is used.
  std::string sha256;
  std::string git_blob_sha1;  // the git object id, for files served from a git repository
  // Official .pt checkpoints are converted once into this safetensors name (empty = keep).
  std::string converted_name;
  std::string checkpoint_key;  // top-level key holding the state dict ("" = the whole file)
  TensorSpec tensor_spec = TensorSpec::None;
  std::string config_name;  // local name of the config the tensor shapes derive from
  // Installed instead when the source lacks the file (a small official data file whose
  // content is known, e.g. the DiT config the full model's hub repository does not hold).
  std::string fallback_content;
};

struct Licence {
  std::string name;  // "Apache-2.0"
  std::string url;
  std::string note;  // what it means for the user's songs (English; the GUI translates)
};

struct CatalogComponent {
  std::string id;     // "dit-base", "vae", "chinese-lyrics", ...
  std::string title;  // "DiffRhythm 1.2 DiT, base (95 s songs)"
  Licence licence;
  std::vector<CatalogFile> files;
};

struct CatalogSet {
  std::string id;  // folder name in the store
  std::string title;
  std::string description;
  std::vector<CatalogComponent> components;
  // A stand-alone component (e.g. "chinese-lyrics"): installed in its own folder of the
  // store, used with any set, never a model set itself.
  bool is_component = false;
  [[nodiscard]] std::int64_t approx_bytes() const;
  [[nodiscard]] std::vector<CatalogFile> files() const;
  [[nodiscard]] bool non_commercial() const;  // a component's licence forbids commercial use
};

// Every installable set, the base set first, then the stand-alone components.
[[nodiscard]] const std::vector<CatalogSet>& model_catalog();
// The entry with `id` (a set or a stand-alone component), nullptr if unknown.
[[nodiscard]] const CatalogSet* find_catalog_set(const std::string& id);

// The catalogue file that is installed as `local_name` (or converted into it), or nullptr.
[[nodiscard]] const CatalogFile* find_catalog_file(const CatalogSet& set,
                                                   const std::string& local_name);

}  // namespace drs

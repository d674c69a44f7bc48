#include "models/torchscript_preflight.h"

#include <charconv>

#include "drs/error.h"
#include "models/zip_archive.h"
#include "weights/mapped_file.h"

namespace drs::models {
namespace {

constexpr std::size_t kVersionLimit = 64;      // a decimal number and a newline
constexpr std::size_t kCodeLimit = 64u << 20;  // one record of TorchScript source or debug info

// The archive's code records (TorchScript source, which PyTorch itself may deflate), read
// in full before LibTorch compiles them: one it could not read (another compression
// method, a damaged stream) is named here, not deep inside its loader.
void read_code_records(const ZipArchive& zip, const std::string& root) {
  for (const std::string& name : zip.names())
    if (name.starts_with(root + "/code/")) (void)zip.read_small(name, kCodeLimit);
}

}  // namespace

std::string torchscript_root(const ZipArchive& zip, const std::string& origin) {
  for (const std::string& name : zip.names()) {
    const auto slash = name.find('/');
    if (slash != std::string::npos && name.compare(slash, std::string::npos, "/data.pkl") == 0)
      return name.substr(0, slash);
  }
  throw Error(ErrorKind::ModelCorrupt,
              origin + ": no data.pkl: not a TorchScript or torch.save archive");
}

std::int64_t torchscript_format_version(const ZipArchive& zip, const std::string& root) {
  // PyTorch wrote `version` until format 6 moved it to `.data/version`; newer archives
  // may carry both, and the newer record is the one the loader reads.
  for (const auto* record : {"/.data/version", "/version"}) {
    if (!zip.lists(root + record)) continue;
    const std::string text = zip.read_small(root + record, kVersionLimit);  // stored or deflated
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  return 0;
}

std::string torchscript_preflight(const std::filesystem::path& file,
                                  const LibTorchLimits& libtorch) {
  const MappedFile mapped(file);
  const ZipArchive zip(mapped.bytes(), file.string());
  const std::string root = torchscript_root(zip, file.string());
  const std::int64_t version = torchscript_format_version(zip, root);
  if (version <= libtorch.max_format_version) {
    read_code_records(zip, root);
    return {};
  }
  return file.string() + ": TorchScript archive format version " + std::to_string(version) +
         ", written by a newer PyTorch; this LibTorch " + libtorch.version + " reads up to " +
         std::to_string(libtorch.max_format_version) +
         ". Build with a LibTorch whose caffe2/serialize/versions.h has "
         "kMaxSupportedFileFormatVersion >= " +
         std::to_string(version) + " (a release newer than " + libtorch.version + ")";
}

}  // namespace drs::models

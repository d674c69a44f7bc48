// What a TorchScript archive (torch.jit.save) says about the PyTorch that wrote it, read
// before LibTorch's interpreter sees the file: torch::jit::load on an archive of a newer
// format fails deep inside the loader with a c10 message that names no remedy, so the
// archive's version record is checked first against what this LibTorch reads. Torch-free:
// the caller passes its LibTorch's version and format limit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace drs::models {

class ZipArchive;

// The one top folder every record lives in ("archive", or the file's stem).
[[nodiscard]] std::string torchscript_root(const ZipArchive& zip, const std::string& origin);
// The archive's format version record (`<root>/.data/version`, else `<root>/version`),
// stored or deflated; 0 when it has none.
[[nodiscard]] std::int64_t torchscript_format_version(const ZipArchive& zip,
                                                      const std::string& root);

struct LibTorchLimits {
  std::string version;              // e.g. "1.13.1"
  std::int64_t max_format_version;  // caffe2::serialize::kMaxSupportedFileFormatVersion
};

// Empty when this LibTorch can read the archive's format and code records; else a message
// naming the file, the archive's format version, what this LibTorch reads and which
// LibTorch is needed. Records may be stored or deflated (as a repacked archive may hold
// them). Throws drs::Error(ModelMissing) when absent, (ModelCorrupt) when not a
// TorchScript zip or when a version or code record cannot be read (naming the record:
// damaged, or compressed with a method other than deflate).
[[nodiscard]] std::string torchscript_preflight(const std::filesystem::path& file,
                                                const LibTorchLimits& libtorch);

}  // namespace drs::models

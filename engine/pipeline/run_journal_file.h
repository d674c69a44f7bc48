// The on-disk form of a run journal: "DRSRUN1\n", the header's byte count (8 bytes,
// little-endian), a JSON header, then raw little-endian tensors the header describes
// by name, dtype, shape and offset. Readable without LibTorch's pickler, and the same
// bytes on every machine.
#pragma once

#include <ATen/ATen.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace drs {

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

// Writes atomically (a crash leaves the previous journal intact). float32 and int64
// tensors only. Throws drs::Error(Output) naming the file (e.g. disk full).
void write_journal_file(const std::filesystem::path& file, const nlohmann::json& header,
                        const NamedTensors& tensors);

// The header alone (listing journals without reading their tensors).
nlohmann::json read_journal_header(const std::filesystem::path& file);

struct JournalContent {
  nlohmann::json header;
  std::map<std::string, at::Tensor> tensors;  // CPU, contiguous
};

// Throws drs::Error(BadInput) naming the file and what is wrong with it.
JournalContent read_journal_file(const std::filesystem::path& file);

}  // namespace drs

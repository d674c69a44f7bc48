#include "weights/safetensors.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <optional>
#include <variant>

#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "weights/mapped_file.h"
#include "weights/safetensors_dtype.h"

namespace drs {

// The bytes (mapped file or owned buffer) plus the validated header. Tensors returned
// by tensor() hold a shared_ptr to it, so the mapping outlives every view.
struct SafetensorsFile::Storage {
  std::variant<std::unique_ptr<MappedFile>, std::vector<std::byte>> bytes;
  std::span<std::byte> data;  // the data section (after the header)
  std::map<std::string, TensorInfo> tensors;
  std::map<std::string, std::string> metadata;
  std::filesystem::path path;
};

namespace {

// The official format caps the header at 100 MB; anything larger is hostile.
constexpr std::uint64_t kMaxHeaderBytes = 100ull << 20;

[[noreturn]] void corrupt(const std::string& origin, const std::string& what) {
  throw Error(ErrorKind::ModelCorrupt, origin + ": not a valid safetensors file: " + what);
}

std::uint64_t read_le64(std::span<const std::byte> bytes) {
  std::uint64_t value = 0;
  for (int i = 7; i >= 0; --i)
    value = (value << 8) | std::to_integer<std::uint64_t>(bytes[static_cast<std::size_t>(i)]);
  return value;
}

std::uint64_t as_index(const nlohmann::json& value, const std::string& origin,
                       const std::string& what) {
  if (!value.is_number_unsigned()) corrupt(origin, what + " must be a non-negative integer");
  return value.get<std::uint64_t>();
}

TensorInfo parse_entry(const std::string& name, const nlohmann::json& entry, std::size_t data_size,
                       const std::string& origin) {
  const std::string where = "tensor '" + name + "'";
  if (!entry.is_object()) corrupt(origin, where + " is not an object");
  const auto dtype_it = entry.find("dtype");
  const auto shape_it = entry.find("shape");
  const auto offsets_it = entry.find("data_offsets");
  if (dtype_it == entry.end() || !dtype_it->is_string()) corrupt(origin, where + " has no dtype");
  if (shape_it == entry.end() || !shape_it->is_array()) corrupt(origin, where + " has no shape");
  if (offsets_it == entry.end() || !offsets_it->is_array() || offsets_it->size() != 2)
    corrupt(origin, where + " needs data_offsets [begin, end]");
  const auto dtype = safetensors_dtype(dtype_it->get<std::string>());
  if (!dtype)
    corrupt(origin, where + " has unsupported dtype '" + dtype_it->get<std::string>() + "'");

  TensorInfo info{*dtype, {}, 0, 0};
  std::uint64_t numel = 1;
  for (const auto& dim : *shape_it) {
    const auto size = as_index(dim, origin, where + " shape entry");
    if (size > static_cast<std::uint64_t>(std::numeric_limits<int64_t>::max()) ||
        (size != 0 && numel > std::numeric_limits<std::uint64_t>::max() / size))
      corrupt(origin, where + " shape overflows");
    numel *= size;
    info.shape.push_back(static_cast<int64_t>(size));
  }
  const auto begin = as_index((*offsets_it)[0], origin, where + " data_offsets");
  const auto end = as_index((*offsets_it)[1], origin, where + " data_offsets");
  if (begin > end || end > data_size)
    corrupt(origin, where + " data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
                        ") outside the " + std::to_string(data_size) + "-byte data section");
  const auto itemsize = static_cast<std::uint64_t>(c10::elementSize(*dtype));
  if (numel > std::numeric_limits<std::uint64_t>::max() / itemsize ||
      numel * itemsize != end - begin)
    corrupt(origin, where + " byte size " + std::to_string(end - begin) +
                        " does not match its shape and dtype");
  info.begin = static_cast<std::size_t>(begin);
  info.end = static_cast<std::size_t>(end);
  return info;
}

void check_no_overlap(const std::map<std::string, TensorInfo>& tensors, const std::string& origin) {
  std::vector<std::pair<const std::string*, const TensorInfo*>> sorted;
  for (const auto& [name, info] : tensors)
    if (info.end > info.begin) sorted.emplace_back(&name, &info);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.second->begin < b.second->begin; });
  for (std::size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i].second->begin < sorted[i - 1].second->end)
      corrupt(origin,
              "tensors '" + *sorted[i - 1].first + "' and '" + *sorted[i].first + "' overlap");
}

void parse_header(SafetensorsFile::Storage& storage, std::span<std::byte> bytes,
                  const std::string& origin) {
  if (bytes.size() < 8) corrupt(origin, "shorter than the 8-byte header length");
  const auto header_size = read_le64(bytes.first(8));
  if (header_size > kMaxHeaderBytes || header_size > bytes.size() - 8)
    corrupt(origin, "header length " + std::to_string(header_size) + " exceeds the file size " +
                        std::to_string(bytes.size()));
  const auto* header_begin = reinterpret_cast<const char*>(bytes.data() + 8);
  auto header = nlohmann::json::parse(header_begin, header_begin + header_size, nullptr, false);
  if (header.is_discarded() || !header.is_object()) corrupt(origin, "header is not a JSON object");
  storage.data = bytes.subspan(8 + static_cast<std::size_t>(header_size));
  for (const auto& [name, entry] : header.items()) {
    if (name == "__metadata__") {
      if (!entry.is_object()) corrupt(origin, "__metadata__ is not an object");
      for (const auto& [key, value] : entry.items()) {
        if (!value.is_string()) corrupt(origin, "__metadata__ value '" + key + "' is not a string");
        storage.metadata[key] = value.get<std::string>();
      }
      continue;
    }
    storage.tensors[name] = parse_entry(name, entry, storage.data.size(), origin);
  }
  check_no_overlap(storage.tensors, origin);
}

}  // namespace

SafetensorsFile SafetensorsFile::open(const std::filesystem::path& path) {
  auto storage = std::make_shared<Storage>();
  auto mapped = std::make_unique<MappedFile>(path);
  const auto bytes = mapped->bytes();
  storage->bytes = std::move(mapped);
  storage->path = path;
  parse_header(*storage, bytes, path.string());
  SafetensorsFile file;
  file.storage_ = std::move(storage);
  return file;
}

SafetensorsFile SafetensorsFile::from_bytes(std::vector<std::byte> bytes, std::string origin) {
  auto storage = std::make_shared<Storage>();
  storage->bytes = std::move(bytes);
  auto& owned = std::get<std::vector<std::byte>>(storage->bytes);
  storage->path = origin;
  parse_header(*storage, owned, origin);
  SafetensorsFile file;
  file.storage_ = std::move(storage);
  return file;
}

std::vector<std::string> SafetensorsFile::names() const {
  std::vector<std::string> out;
  out.reserve(storage_->tensors.size());
  for (const auto& entry : storage_->tensors) out.push_back(entry.first);
  return out;
}

bool SafetensorsFile::contains(const std::string& name) const {
  return storage_->tensors.count(name) != 0;
}

const TensorInfo& SafetensorsFile::info(const std::string& name) const {
  const auto it = storage_->tensors.find(name);
  if (it == storage_->tensors.end())
    throw Error(ErrorKind::ModelCorrupt,
                storage_->path.string() + ": no tensor named '" + name + "'");
  return it->second;
}

at::Tensor SafetensorsFile::tensor(const std::string& name) const {
  const auto& meta = info(name);
  const auto options = at::TensorOptions().dtype(meta.dtype);
  if (meta.end == meta.begin) return at::empty(meta.shape, options);
  std::byte* data = storage_->data.data() + meta.begin;
  // Zero-copy when the bytes are aligned for the element type; a hostile file can
  // misalign them, in which case we copy rather than hand ATen an unaligned pointer.
  const auto align = c10::elementSize(meta.dtype);
  auto keep_alive = storage_;
  auto view = at::from_blob(
      data, meta.shape, [keep_alive](void*) {}, options);
  if (reinterpret_cast<std::uintptr_t>(data) % align != 0) return view.clone();
  return view;
}

const std::map<std::string, std::string>& SafetensorsFile::metadata() const {
  return storage_->metadata;
}

const std::filesystem::path& SafetensorsFile::path() const {
  return storage_->path;
}

}  // namespace drs

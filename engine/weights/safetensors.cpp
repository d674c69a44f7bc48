#include "weights/safetensors.h"

#include <variant>

#include "drs/error.h"
#include "models/safetensors_header.h"
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

void parse_header(SafetensorsFile::Storage& storage, std::span<std::byte> bytes,
                  const std::string& origin) {
  const auto header = models::parse_safetensors_header(bytes, bytes.size(), origin);
  storage.data = bytes.subspan(static_cast<std::size_t>(header.data_offset));
  storage.metadata = header.metadata;
  for (const auto& [name, entry] : header.tensors) {
    const auto dtype = safetensors_dtype(entry.dtype);
    if (!dtype)
      throw Error(ErrorKind::ModelCorrupt, origin + ": tensor '" + name + "' has dtype " +
                                               entry.dtype + ", which LibTorch cannot hold");
    storage.tensors[name] = TensorInfo{*dtype, entry.shape, static_cast<std::size_t>(entry.begin),
                                       static_cast<std::size_t>(entry.end)};
  }
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

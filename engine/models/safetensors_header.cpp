#include "models/safetensors_header.h"

#include <algorithm>
#include <fstream>
#include <limits>

#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "models/torch_pickle.h"

namespace drs::models {
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

SafetensorsEntry parse_entry(const std::string& name, const nlohmann::json& entry,
                             std::uint64_t data_size, const std::string& origin) {
  const std::string where = "tensor '" + name + "'";
  if (!entry.is_object()) corrupt(origin, where + " is not an object");
  const auto dtype_it = entry.find("dtype");
  const auto shape_it = entry.find("shape");
  const auto offsets_it = entry.find("data_offsets");
  if (dtype_it == entry.end() || !dtype_it->is_string()) corrupt(origin, where + " has no dtype");
  if (shape_it == entry.end() || !shape_it->is_array()) corrupt(origin, where + " has no shape");
  if (offsets_it == entry.end() || !offsets_it->is_array() || offsets_it->size() != 2)
    corrupt(origin, where + " needs data_offsets [begin, end]");
  SafetensorsEntry info;
  info.dtype = dtype_it->get<std::string>();
  const int itemsize = dtypeBytes(info.dtype);
  if (itemsize == 0) corrupt(origin, where + " has unsupported dtype '" + info.dtype + "'");
  std::uint64_t numel = 1;
  for (const auto& dim : *shape_it) {
    const auto size = as_index(dim, origin, where + " shape entry");
    if (size > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ||
        (size != 0 && numel > std::numeric_limits<std::uint64_t>::max() / size))
      corrupt(origin, where + " shape overflows");
    numel *= size;
    info.shape.push_back(static_cast<std::int64_t>(size));
  }
  info.begin = as_index((*offsets_it)[0], origin, where + " data_offsets");
  info.end = as_index((*offsets_it)[1], origin, where + " data_offsets");
  if (info.begin > info.end || info.end > data_size)
    corrupt(origin, where + " data_offsets [" + std::to_string(info.begin) + ", " +
                        std::to_string(info.end) + ") outside the " + std::to_string(data_size) +
                        "-byte data section");
  const auto item = static_cast<std::uint64_t>(itemsize);
  if (numel > std::numeric_limits<std::uint64_t>::max() / item ||
      numel * item != info.end - info.begin)
    corrupt(origin, where + " byte size " + std::to_string(info.end - info.begin) +
                        " does not match its shape " + shape_string(info.shape) + " and dtype " +
                        info.dtype);
  return info;
}

void check_no_overlap(const SafetensorsHeader& header, const std::string& origin) {
  std::vector<std::pair<const std::string*, const SafetensorsEntry*>> sorted;
  for (const auto& [name, info] : header.tensors)
    if (info.end > info.begin) sorted.emplace_back(&name, &info);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.second->begin < b.second->begin; });
  for (std::size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i].second->begin < sorted[i - 1].second->end)
      corrupt(origin,
              "tensors '" + *sorted[i - 1].first + "' and '" + *sorted[i].first + "' overlap");
}

}  // namespace

SafetensorsHeader parse_safetensors_header(std::span<const std::byte> head, std::uint64_t file_size,
                                           const std::string& origin) {
  if (head.size() < 8 || file_size < 8) corrupt(origin, "shorter than the 8-byte header length");
  const auto header_size = read_le64(head.first(8));
  if (header_size > kMaxHeaderBytes || header_size > file_size - 8)
    corrupt(origin, "header length " + std::to_string(header_size) + " exceeds the file size " +
                        std::to_string(file_size));
  if (header_size > head.size() - 8) corrupt(origin, "header is truncated");
  const auto* begin = reinterpret_cast<const char*>(head.data() + 8);
  const auto json = nlohmann::json::parse(begin, begin + header_size, nullptr, false);
  if (json.is_discarded() || !json.is_object()) corrupt(origin, "header is not a JSON object");
  SafetensorsHeader header;
  header.file_size = file_size;
  header.data_offset = 8 + header_size;
  const std::uint64_t data_size = file_size - header.data_offset;
  for (const auto& [name, entry] : json.items()) {
    if (name == "__metadata__") {
      if (!entry.is_object()) corrupt(origin, "__metadata__ is not an object");
      for (const auto& [key, value] : entry.items()) {
        if (!value.is_string()) corrupt(origin, "__metadata__ value '" + key + "' is not a string");
        header.metadata[key] = value.get<std::string>();
      }
      continue;
    }
    header.tensors[name] = parse_entry(name, entry, data_size, origin);
  }
  check_no_overlap(header, origin);
  return header;
}

SafetensorsHeader read_safetensors_header(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  std::ifstream in(path, std::ios::binary);
  if (ec || !in) throw Error(ErrorKind::ModelMissing, path.string() + ": cannot be read");
  std::vector<std::byte> head(8);
  in.read(reinterpret_cast<char*>(head.data()), 8);
  if (in.gcount() == 8) {
    const std::uint64_t length = std::min<std::uint64_t>(read_le64(head), kMaxHeaderBytes + 1);
    if (length <= size - 8) {
      head.resize(8 + length);
      in.read(reinterpret_cast<char*>(head.data() + 8), static_cast<std::streamsize>(length));
    }
  }
  return parse_safetensors_header(head, size, path.string());
}

std::string shape_string(const std::vector<std::int64_t>& shape) {
  std::string out = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + "]";
}

}  // namespace drs::models

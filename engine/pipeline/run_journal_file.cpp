#include "pipeline/run_journal_file.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>

#include "core/atomic_file.h"
#include "drs/error.h"

namespace drs {
namespace {

constexpr char kMagic[8] = {'D', 'R', 'S', 'R', 'U', 'N', '1', '\n'};
// A journal header is a few kilobytes plus the lyrics; anything near this is not one.
constexpr std::uint64_t kMaxHeaderBytes = 64u << 20;

static_assert(std::endian::native == std::endian::little,
              "run journals store tensors little-endian as they are in memory");

[[noreturn]] void bad(const std::filesystem::path& file, const std::string& why) {
  throw Error(ErrorKind::BadInput, file.string() + ": not a usable run journal (" + why + ")");
}

const char* dtype_name(at::ScalarType type) {
  if (type == at::kFloat) return "f32";
  if (type == at::kLong) return "i64";
  return nullptr;
}

at::ScalarType dtype_of(const std::string& name, const std::filesystem::path& file) {
  if (name == "f32") return at::kFloat;
  if (name == "i64") return at::kLong;
  bad(file, "unknown tensor type '" + name + "'");
}

// Checked before allocating: a damaged shape must not ask for terabytes.
bool shape_holds(const std::vector<int64_t>& shape, std::size_t element, std::uint64_t bytes) {
  std::uint64_t count = element;
  for (const auto dim : shape) {
    if (dim < 0) return false;
    const auto d = static_cast<std::uint64_t>(dim);
    if (d != 0 && count > bytes / d) return false;
    count *= d;
  }
  return count == bytes;
}

std::ifstream open_journal(const std::filesystem::path& file, std::uint64_t& header_bytes) {
  std::ifstream in(file, std::ios::binary);
  if (!in) bad(file, "cannot be opened");
  char magic[sizeof kMagic] = {};
  in.read(magic, sizeof magic);
  if (!in || std::memcmp(magic, kMagic, sizeof kMagic) != 0) bad(file, "wrong signature");
  unsigned char size[8] = {};
  in.read(reinterpret_cast<char*>(size), sizeof size);
  if (!in) bad(file, "truncated");
  header_bytes = 0;
  for (int i = 7; i >= 0; --i) header_bytes = (header_bytes << 8) | size[i];
  if (header_bytes == 0 || header_bytes > kMaxHeaderBytes) bad(file, "implausible header size");
  return in;
}

nlohmann::json parse_header(std::ifstream& in, std::uint64_t bytes,
                            const std::filesystem::path& file) {
  std::string text(bytes, '\0');
  in.read(text.data(), static_cast<std::streamsize>(bytes));
  if (!in) bad(file, "truncated header");
  auto header = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!header.is_object() || !header.contains("tensors") || !header["tensors"].is_array())
    bad(file, "the header is not a journal description");
  return header;
}

}  // namespace

void write_journal_file(const std::filesystem::path& file, const nlohmann::json& header,
                        const NamedTensors& tensors) {
  nlohmann::json full = header;
  full["tensors"] = nlohmann::json::array();
  std::vector<at::Tensor> data;
  std::uint64_t offset = 0;
  for (const auto& [name, tensor] : tensors) {
    const char* type = dtype_name(tensor.scalar_type());
    if (!type) throw Error(ErrorKind::Internal, "run journal: unsupported tensor type for " + name);
    auto cpu = tensor.detach().to(at::kCPU).contiguous();
    const auto bytes = static_cast<std::uint64_t>(cpu.nbytes());
    full["tensors"].push_back({{"name", name},
                               {"dtype", type},
                               {"shape", cpu.sizes().vec()},
                               {"offset", offset},
                               {"bytes", bytes}});
    offset += bytes;
    data.push_back(std::move(cpu));
  }
  const std::string text = full.dump();
  unsigned char size[8];
  for (int i = 0; i < 8; ++i) size[i] = static_cast<unsigned char>(text.size() >> (8 * i));

  std::filesystem::create_directories(file.parent_path());
  AtomicFile out(file);
  out.write(kMagic, sizeof kMagic);
  out.write(size, sizeof size);
  out.write(text.data(), text.size());
  for (const auto& tensor : data) out.write(tensor.data_ptr(), tensor.nbytes());
  out.commit();
}

nlohmann::json read_journal_header(const std::filesystem::path& file) {
  std::uint64_t bytes = 0;
  auto in = open_journal(file, bytes);
  return parse_header(in, bytes, file);
}

JournalContent read_journal_file(const std::filesystem::path& file) {
  std::uint64_t bytes = 0;
  auto in = open_journal(file, bytes);
  JournalContent content;
  content.header = parse_header(in, bytes, file);
  const auto data_start = static_cast<std::uint64_t>(in.tellg());
  std::error_code ec;
  const auto file_size = std::filesystem::file_size(file, ec);
  if (ec) bad(file, "cannot read its size");
  for (const auto& entry : content.header["tensors"]) {
    try {
      const auto name = entry.at("name").get<std::string>();
      const auto type = dtype_of(entry.at("dtype").get<std::string>(), file);
      const auto shape = entry.at("shape").get<std::vector<int64_t>>();
      const auto offset = entry.at("offset").get<std::uint64_t>();
      const auto size = entry.at("bytes").get<std::uint64_t>();
      if (size > file_size || offset > file_size || data_start + offset + size > file_size ||
          !shape_holds(shape, at::elementSize(type), size))
        bad(file, "tensor " + name + " does not fit the file");
      auto tensor = at::empty(shape, at::TensorOptions().dtype(type));
      in.seekg(static_cast<std::streamoff>(data_start + offset));
      in.read(static_cast<char*>(tensor.data_ptr()), static_cast<std::streamsize>(size));
      if (!in) bad(file, "truncated tensor " + name);
      content.tensors.emplace(name, std::move(tensor));
    } catch (const nlohmann::json::exception& e) {
      bad(file, std::string("bad tensor entry: ") + e.what());
    } catch (const c10::Error&) {
      bad(file, "bad tensor shape");
    }
  }
  return content;
}

}  // namespace drs

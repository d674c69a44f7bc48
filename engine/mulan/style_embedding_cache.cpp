#include "mulan/style_embedding_cache.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

#include "core/atomic_file.h"
#include "drs/error.h"

namespace drs {

namespace {

// File layout (little-endian): magic, then the full key (so a hash collision or a file
// of another model is recognised), the warning, and the values.
constexpr char kMagic[8] = {'D', 'R', 'S', 'S', 'T', 'Y', 'L', '1'};
constexpr std::uint32_t kMaxValues = 1U << 16;  // a sanity bound against garbage files

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
  return h;
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void put_string(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool u32(std::uint32_t& v) {
    if (data_.size() - pos_ < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(data_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return true;
  }
  bool bytes(std::size_t n, std::string_view& out) {
    if (data_.size() - pos_ < n) return false;
    out = data_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool string(std::string_view& out) {
    std::uint32_t n = 0;
    return u32(n) && bytes(n, out);
  }
  [[nodiscard]] bool at_end() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

std::string serialise(std::string_view key, const StyleEmbedding& e) {
  std::string out(kMagic, sizeof kMagic);
  put_string(out, key);
  put_string(out, e.warning);
  put_u32(out, static_cast<std::uint32_t>(e.values.size()));
  for (const float f : e.values) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &f, sizeof bits);
    put_u32(out, bits);
  }
  return out;
}

std::optional<StyleEmbedding> parse(std::string_view data, std::string_view key) {
  Reader r(data);
  std::string_view magic;
  std::string_view stored_key;
  std::string_view warning;
  std::uint32_t count = 0;
  if (!r.bytes(sizeof kMagic, magic) || magic != std::string_view(kMagic, sizeof kMagic) ||
      !r.string(stored_key) || stored_key != key || !r.string(warning) || !r.u32(count) ||
      count == 0 || count > kMaxValues)
    return std::nullopt;
  StyleEmbedding e{std::vector<float>(count), std::string(warning)};
  for (float& f : e.values) {
    std::uint32_t bits = 0;
    if (!r.u32(bits)) return std::nullopt;
    std::memcpy(&f, &bits, sizeof f);
  }
  if (!r.at_end()) return std::nullopt;
  return e;
}

std::optional<std::string> read_small_file(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > 4 * kMaxValues + 65536) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return data;
}

}  // namespace

StyleEmbeddingCache::StyleEmbeddingCache(std::string model_id,
                                         std::optional<std::filesystem::path> folder)
    : model_id_(std::move(model_id)), folder_(std::move(folder)) {}

std::string StyleEmbeddingCache::key(std::string_view prompt) const {
  // The NUL keeps ("ab", "c") and ("a", "bc") apart.
  std::string k = model_id_;
  k.push_back('\0');
  k.append(prompt);
  return k;
}

std::optional<std::filesystem::path> StyleEmbeddingCache::file_for(std::string_view prompt) const {
  if (!folder_) return std::nullopt;
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.style",
                static_cast<unsigned long long>(fnv1a(key(prompt))));
  return *folder_ / name;
}

std::optional<StyleEmbedding> StyleEmbeddingCache::find(std::string_view prompt) {
  const auto k = key(prompt);
  if (const auto it = memory_.find(k); it != memory_.end()) return it->second;
  const auto path = file_for(prompt);
  if (!path) return std::nullopt;
  const auto data = read_small_file(*path);
  if (!data) return std::nullopt;
  auto entry = parse(*data, k);
  if (entry) memory_.emplace(k, *entry);
  return entry;
}

void StyleEmbeddingCache::store(std::string_view prompt, const StyleEmbedding& embedding) {
  if (embedding.values.empty() || embedding.values.size() > kMaxValues)
    throw Error(ErrorKind::Internal, "style embedding cache: cannot store " +
                                         std::to_string(embedding.values.size()) + " values");
  const auto k = key(prompt);
  memory_.insert_or_assign(k, embedding);
  const auto path = file_for(prompt);
  if (!path) return;
  try {
    std::filesystem::create_directories(folder_.value());
    AtomicFile file(*path);
    const auto bytes = serialise(k, embedding);
    file.write(bytes.data(), bytes.size());
    file.commit();
  } catch (const std::exception&) {
    // Best effort: the entry stays in memory; the next run simply recomputes it.
  }
}

StyleEmbedding StyleEmbeddingCache::get(
    std::string_view prompt, const std::function<StyleEmbedding(std::string_view)>& compute) {
  if (auto hit = find(prompt)) return std::move(*hit);
  auto computed = compute(prompt);
  store(prompt, computed);
  return computed;
}

}  // namespace drs

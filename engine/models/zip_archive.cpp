#include "models/zip_archive.h"

#include <algorithm>
#include <array>

#include <zlib.h>

#include "drs/error.h"

namespace drs::models {
namespace {

constexpr std::uint32_t kEocdSignature = 0x06054b50;
constexpr std::uint32_t kZip64EocdSignature = 0x06064b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::size_t kEocdSize = 22;
constexpr std::size_t kMaxComment = 0xFFFF;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint32_t kMax32 = 0xFFFFFFFF;
constexpr int kDeflate = 8;

// Little-endian integer at `at`; the caller has checked the bounds.
template <typename T>
T le(std::span<const std::byte> bytes, std::size_t at) {
  T value = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i)
    value |= static_cast<T>(static_cast<T>(bytes[at + i]) << (8 * i));
  return value;
}

}  // namespace

ZipArchive::ZipArchive(std::span<const std::byte> bytes, std::string origin)
    : bytes_(bytes), origin_(std::move(origin)) {
  if (bytes_.size() < kEocdSize) fail("too short for a zip archive");
  // The end record sits in the last 22 + 65535 bytes (after it only a comment).
  const std::size_t lowest =
      bytes_.size() > kEocdSize + kMaxComment ? bytes_.size() - kEocdSize - kMaxComment : 0;
  std::size_t eocd = bytes_.size() - kEocdSize;
  while (le<std::uint32_t>(bytes_, eocd) != kEocdSignature) {
    if (eocd == lowest) fail("not a zip archive (no end-of-central-directory record)");
    --eocd;
  }
  std::uint64_t count = le<std::uint16_t>(bytes_, eocd + 10);
  std::uint64_t offset = le<std::uint32_t>(bytes_, eocd + 16);
  if (offset == kMax32 || count == 0xFFFF) {
    // ZIP64: a locator right before the end record points at the 64-bit end record.
    if (eocd < 20 || le<std::uint32_t>(bytes_, eocd - 20) != kZip64LocatorSignature)
      fail("ZIP64 locator missing");
    const std::uint64_t record = le<std::uint64_t>(bytes_, eocd - 20 + 8);
    if (bytes_.size() < 56 || record > bytes_.size() - 56 ||
        le<std::uint32_t>(bytes_, record) != kZip64EocdSignature)
      fail("ZIP64 end record missing");
    count = le<std::uint64_t>(bytes_, record + 32);
    offset = le<std::uint64_t>(bytes_, record + 48);
  }
  readCentralDirectory(offset, count);
}

void ZipArchive::readCentralDirectory(std::uint64_t offset, std::uint64_t count) {
  std::uint64_t at = offset;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (at > bytes_.size() || bytes_.size() - at < 46 ||
        le<std::uint32_t>(bytes_, at) != kCentralSignature)
      fail("central directory entry " + std::to_string(i) + " is damaged");
    const auto method = le<std::uint16_t>(bytes_, at + 10);
    std::uint64_t compressed = le<std::uint32_t>(bytes_, at + 20);
    std::uint64_t size = le<std::uint32_t>(bytes_, at + 24);
    const std::size_t nameLength = le<std::uint16_t>(bytes_, at + 28);
    const std::size_t extraLength = le<std::uint16_t>(bytes_, at + 30);
    const std::size_t commentLength = le<std::uint16_t>(bytes_, at + 32);
    std::uint64_t local = le<std::uint32_t>(bytes_, at + 42);
    if (bytes_.size() - at - 46 < nameLength + extraLength + commentLength)
      fail("central directory truncated");
    const auto* namePtr = reinterpret_cast<const char*>(bytes_.data() + at + 46);
    std::string name(namePtr, nameLength);
    // ZIP64 extra field: the 64-bit values, in this order, for fields that overflowed.
    for (std::size_t e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength;) {
      const auto id = le<std::uint16_t>(bytes_, e);
      const std::size_t length = le<std::uint16_t>(bytes_, e + 2);
      if (e + 4 + length > at + 46 + nameLength + extraLength)
        fail("extra field of " + name + " truncated");
      if (id == kZip64ExtraId) {
        std::size_t field = e + 4;
        const auto take = [&](std::uint64_t& value) {
          if (value != kMax32) return;
          if (field + 8 > e + 4 + length) fail("ZIP64 field of " + name + " truncated");
          value = le<std::uint64_t>(bytes_, field);
          field += 8;
        };
        take(size);
        take(compressed);
        take(local);
      }
      e += 4 + length;
    }
    at += 46 + nameLength + extraLength + commentLength;
    if (method != 0) {  // read on request (read_small): a damaged one fails only then
      compressed_[name] = Packed{method, local, compressed, size};
      continue;
    }
    if (compressed != size) fail(name + ": stored entry with differing sizes");
    entries_[name] = recordData(name, local, size);
  }
}

std::span<const std::byte> ZipArchive::recordData(const std::string& name, std::uint64_t local,
                                                  std::uint64_t length) const {
  if (local > bytes_.size() || bytes_.size() - local < 30 ||
      le<std::uint32_t>(bytes_, local) != kLocalSignature)
    fail("local header of " + name + " is damaged");
  const std::uint64_t data =
      local + 30 + le<std::uint16_t>(bytes_, local + 26) + le<std::uint16_t>(bytes_, local + 28);
  if (data > bytes_.size() || bytes_.size() - data < length)
    fail(name + " extends past the end of the file");
  return bytes_.subspan(data, length);
}

std::span<const std::byte> ZipArchive::entry(const std::string& name) const {
  const auto it = entries_.find(name);
  if (const auto packed = compressed_.find(name); packed != compressed_.end())
    fail(name + " is compressed (method " + std::to_string(packed->second.method) +
         "); PyTorch stores tensors and pickles uncompressed, and they are read in place: "
         "repack the archive without compression (zip -0) or save it again with PyTorch");
  if (it == entries_.end()) fail("no entry " + name);
  return it->second;
}

std::vector<std::string> ZipArchive::names() const {
  std::vector<std::string> out;
  for (const auto& [name, bytes] : entries_) out.push_back(name);
  for (const auto& [name, packed] : compressed_) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

std::string ZipArchive::read_small(const std::string& name, std::size_t limit) const {
  if (const auto it = entries_.find(name); it != entries_.end()) {
    if (it->second.size() > limit)
      fail(name + " has " + std::to_string(it->second.size()) + " bytes, more than the " +
           std::to_string(limit) + " expected of it");
    return {reinterpret_cast<const char*>(it->second.data()), it->second.size()};
  }
  const auto packed = compressed_.find(name);
  if (packed == compressed_.end()) fail("no entry " + name);
  const Packed& p = packed->second;
  if (p.method != kDeflate)
    fail(name + " is compressed with method " + std::to_string(p.method) +
         ", which neither this reader nor LibTorch reads (only stored or deflated records)");
  if (p.size > limit)
    fail(name + " inflates to " + std::to_string(p.size) + " bytes, more than the " +
         std::to_string(limit) + " expected of it");
  return inflate(name, p);
}

std::string ZipArchive::inflate(const std::string& name, const Packed& packed) const {
  const auto input = recordData(name, packed.local, packed.compressed);
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)  // raw deflate, as zip stores it
    fail(name + ": cannot start zlib");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<std::byte*>(input.data()));
  stream.avail_in = static_cast<uInt>(std::min<std::size_t>(input.size(), kMax32));
  // In chunks, so the memory used follows the data, not the size the directory claims.
  std::string out;
  std::array<char, 1 << 16> chunk;
  int result = Z_OK;
  while (result == Z_OK && out.size() <= packed.size) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    result = ::inflate(&stream, Z_NO_FLUSH);
    out.append(chunk.data(), chunk.size() - stream.avail_out);
  }
  inflateEnd(&stream);
  if (result != Z_STREAM_END || out.size() != packed.size)
    fail(name + " is deflated but damaged (it does not inflate to the " +
         std::to_string(packed.size) + " bytes the directory records)");
  return out;
}

void ZipArchive::fail(const std::string& why) const {
  throw Error(ErrorKind::ModelCorrupt, origin_ + ": " + why);
}

}  // namespace drs::models

// drs::models::ZipArchive on archives written here byte by byte: stored records read back
// wherever their data starts, compressed ones listed but refused, and damaged archives
// refused with a ModelCorrupt error naming the file and the problem.
#include <gtest/gtest.h>

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "drs/error.h"
#include "models/zip_archive.h"

namespace {

struct Record {
  std::string name;
  std::string data;
  std::uint16_t method;     // 0 stored, 8 deflated
  std::string local_extra;  // an extra field in the local header only
};

Record stored(std::string name, std::string data, std::string local_extra = {}) {
  return Record{std::move(name), std::move(data), 0, std::move(local_extra)};
}

Record deflated(std::string name, std::string data) {
  return Record{std::move(name), std::move(data), 8, {}};
}

void put16(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 2; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// A zip archive as the format lays it out: local headers with the data, the central
// directory, the end record. CRCs are left 0: the reader does not check them.
struct Zip {
  std::string bytes;
  std::size_t central = 0;  // where the central directory starts
  std::size_t end = 0;      // where the end record starts
};

Zip make_zip(const std::vector<Record>& records) {
  Zip zip;
  std::vector<std::uint32_t> offsets;
  for (const auto& r : records) {
    offsets.push_back(static_cast<std::uint32_t>(zip.bytes.size()));
    put32(zip.bytes, 0x04034b50);
    put16(zip.bytes, 20);
    put16(zip.bytes, 0);
    put16(zip.bytes, r.method);
    put32(zip.bytes, 0);  // time, date
    put32(zip.bytes, 0);  // crc
    put32(zip.bytes, static_cast<std::uint32_t>(r.data.size()));
    put32(zip.bytes, static_cast<std::uint32_t>(r.data.size()));
    put16(zip.bytes, static_cast<std::uint32_t>(r.name.size()));
    put16(zip.bytes, static_cast<std::uint32_t>(r.local_extra.size()));
    zip.bytes += r.name + r.local_extra + r.data;
  }
  zip.central = zip.bytes.size();
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    put32(zip.bytes, 0x02014b50);
    put16(zip.bytes, 20);
    put16(zip.bytes, 20);
    put16(zip.bytes, 0);
    put16(zip.bytes, r.method);
    put32(zip.bytes, 0);
    put32(zip.bytes, 0);
    put32(zip.bytes, static_cast<std::uint32_t>(r.data.size()));
    put32(zip.bytes, static_cast<std::uint32_t>(r.data.size()));
    put16(zip.bytes, static_cast<std::uint32_t>(r.name.size()));
    put16(zip.bytes, 0);  // extra
    put16(zip.bytes, 0);  // comment
    put16(zip.bytes, 0);  // disk
    put16(zip.bytes, 0);  // internal attributes
    put32(zip.bytes, 0);  // external attributes
    put32(zip.bytes, offsets[i]);
    zip.bytes += r.name;
  }
  zip.end = zip.bytes.size();
  put32(zip.bytes, 0x06054b50);
  put16(zip.bytes, 0);
  put16(zip.bytes, 0);
  put16(zip.bytes, static_cast<std::uint32_t>(records.size()));
  put16(zip.bytes, static_cast<std::uint32_t>(records.size()));
  put32(zip.bytes, static_cast<std::uint32_t>(zip.end - zip.central));
  put32(zip.bytes, static_cast<std::uint32_t>(zip.central));
  put16(zip.bytes, 0);
  return zip;
}

std::span<const std::byte> view(const std::string& bytes) {
  return std::as_bytes(std::span(bytes.data(), bytes.size()));
}

std::string text(std::span<const std::byte> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// The message of the ModelCorrupt error reading `bytes` gives ("" when it reads).
std::string refusal(const std::string& bytes) {
  try {
    const drs::models::ZipArchive zip(view(bytes), "model.pt");
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt) << e.what();
    return e.what();
  }
  return {};
}

}  // namespace

TEST(ZipArchive, StoredRecordsReadBackWhereverTheirDataStarts) {
  const auto zip = make_zip({stored("archive/data.pkl", "pickle bytes"),
                             stored("archive/data/0", std::string("\x00\x01\x02\x03", 4), "XTRA")});
  const drs::models::ZipArchive archive(view(zip.bytes), "model.pt");
  EXPECT_EQ(archive.entries().size(), 2u);
  ASSERT_TRUE(archive.contains("archive/data.pkl"));
  EXPECT_EQ(text(archive.entry("archive/data.pkl")), "pickle bytes");
  // The local header's own extra field moves the data; the reader follows it.
  EXPECT_EQ(text(archive.entry("archive/data/0")), std::string("\x00\x01\x02\x03", 4));
  EXPECT_FALSE(archive.contains("archive/data/1"));
}

TEST(ZipArchive, ACommentAfterTheEndRecordIsSkipped) {
  auto zip = make_zip({stored("a", "alpha")});
  zip.bytes[zip.bytes.size() - 2] = 7;  // comment length
  zip.bytes += "comment";
  const drs::models::ZipArchive archive(view(zip.bytes), "model.pt");
  EXPECT_EQ(text(archive.entry("a")), "alpha");
}

TEST(ZipArchive, ACompressedRecordIsListedButNotRead) {
  const auto zip = make_zip({deflated("code/model.py", "deflated"), stored("data.pkl", "p")});
  const drs::models::ZipArchive archive(view(zip.bytes), "model.pt");
  EXPECT_FALSE(archive.contains("code/model.py"));
  try {
    (void)archive.entry("code/model.py");
    FAIL() << "a compressed record was read";
  } catch (const drs::Error& e) {
    EXPECT_NE(std::string(e.what()).find("model.pt: code/model.py is compressed (method 8)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW((void)archive.entry("absent"), drs::Error);
}

TEST(ZipArchive, ATruncatedCentralDirectoryIsRefused) {
  const auto zip = make_zip({stored("first", "1111"), stored("second", "2222")});
  // The central directory cut after its first entry; the end record still counts two.
  const std::size_t first_entry = 46 + std::string("first").size();
  const auto cut = zip.bytes.substr(0, zip.central + first_entry) + zip.bytes.substr(zip.end);
  const auto why = refusal(cut);
  EXPECT_NE(why.find("model.pt: central directory entry 1 is damaged"), std::string::npos) << why;

  // A name running past the end of the archive.
  auto long_name = zip;
  long_name.bytes[long_name.central + 28] = static_cast<char>(0xff);
  EXPECT_NE(refusal(long_name.bytes).find("central directory"), std::string::npos);
}

TEST(ZipArchive, DataPastTheEndAndNonZipBytesAreRefused) {
  auto zip = make_zip({stored("tensor", "0123456789")});
  zip.bytes[zip.central + 20] = 100;  // both sizes in the central directory say 100 bytes
  zip.bytes[zip.central + 24] = 100;
  EXPECT_NE(refusal(zip.bytes).find("tensor extends past the end of the file"), std::string::npos);

  EXPECT_NE(refusal(std::string(64, 'z')).find("no end-of-central-directory record"),
            std::string::npos);
  EXPECT_NE(refusal("PK").find("too short"), std::string::npos);
}

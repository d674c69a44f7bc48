#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "drs/error.h"
#include "support/temp_dir_test.h"
#include "weights/safetensors.h"

namespace {

namespace fs = std::filesystem;

class SafetensorsTest : public drs::test::TempDirTest {
 protected:
};

std::vector<std::byte> image(const std::string& header, std::size_t data_bytes,
                             std::uint64_t declared = 0) {
  const std::uint64_t length = declared ? declared : header.size();
  std::vector<std::byte> bytes(8 + header.size() + data_bytes);
  for (int i = 0; i < 8; ++i)
    bytes[static_cast<std::size_t>(i)] = static_cast<std::byte>(length >> (8 * i));
  std::memcpy(bytes.data() + 8, header.data(), header.size());
  return bytes;
}

void expect_corrupt(std::vector<std::byte> bytes, const std::string& needle) {
  try {
    drs::SafetensorsFile::from_bytes(std::move(bytes), "test.safetensors");
    FAIL() << "accepted a corrupt file (expected: " << needle << ")";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

TEST_F(SafetensorsTest, RoundTripEveryDtypeBitExact) {
  std::vector<std::pair<std::string, at::Tensor>> tensors{
      {"f32", at::randn({3, 4})},
      {"f16", at::randn({5}).to(at::kHalf)},
      {"bf16", at::randn({2, 2}).to(at::kBFloat16)},
      {"f64", at::randn({2}, at::kDouble)},
      {"i64", at::arange(7, at::kLong)},
      {"i32", at::arange(3, at::kInt)},
      {"u8", at::arange(9, at::kByte)},
      {"bool", at::arange(4) > 1},
      {"scalar", at::tensor(2.5f).reshape({})},
      {"empty", at::empty({0, 3})},
      {"strided", at::randn({4, 6}).t()},
  };
  const auto path = dir_ / "all.safetensors";
  drs::write_safetensors(path, tensors, {{"format", "pt"}});
  const auto file = drs::SafetensorsFile::open(path);
  EXPECT_EQ(file.names().size(), tensors.size());
  EXPECT_EQ(file.metadata().at("format"), "pt");
  for (const auto& [name, expected] : tensors) {
    const auto got = file.tensor(name);
    EXPECT_EQ(got.scalar_type(), expected.scalar_type()) << name;
    EXPECT_EQ(got.sizes(), expected.sizes()) << name;
    EXPECT_TRUE(at::equal(got, expected.contiguous())) << name;
  }
}

TEST_F(SafetensorsTest, TensorsAreZeroCopyViewsThatOutliveTheFileObject) {
  const auto path = dir_ / "view.safetensors";
  drs::write_safetensors(path, {{"a", at::arange(16, at::kFloat)}, {"b", at::ones({4})}});
  at::Tensor a, a2;
  {
    const auto file = drs::SafetensorsFile::open(path);
    a = file.tensor("a");
    a2 = file.tensor("a");
  }
  EXPECT_EQ(a.data_ptr(), a2.data_ptr());  // both view the same mapped bytes
  EXPECT_FLOAT_EQ(a[15].item<float>(), 15.0f);
  a.add_(1);  // copy-on-write mapping: the file itself is not modified
  EXPECT_FLOAT_EQ(drs::SafetensorsFile::open(path).tensor("a")[15].item<float>(), 15.0f);
}

TEST_F(SafetensorsTest, MissingFileIsModelMissing) {
  try {
    drs::SafetensorsFile::open(dir_ / "absent.safetensors");
    FAIL();
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelMissing);
    EXPECT_NE(std::string(e.what()).find("absent.safetensors"), std::string::npos);
  }
}

TEST_F(SafetensorsTest, TruncatedFileIsRejected) {
  const auto path = dir_ / "t.safetensors";
  drs::write_safetensors(path, {{"w", at::randn({64})}});
  fs::resize_file(path, fs::file_size(path) - 10);
  EXPECT_THROW(drs::SafetensorsFile::open(path), drs::Error);
  expect_corrupt(image("", 0).size() ? std::vector<std::byte>(5) : std::vector<std::byte>{},
                 "shorter than");
}

TEST(SafetensorsHeader, HeaderLengthBeyondFile) {
  expect_corrupt(image("{}", 0, 1000), "exceeds the file size");
}
TEST(SafetensorsHeader, HugeHeaderLength) {
  expect_corrupt(image("{}", 0, ~0ull), "header length");
}
TEST(SafetensorsHeader, NotJson) {
  expect_corrupt(image("{not json", 0), "not a JSON object");
}
TEST(SafetensorsHeader, JsonButNotObject) {
  expect_corrupt(image("[1,2]", 0), "not a JSON object");
}

TEST(SafetensorsHeader, UnknownDtype) {
  expect_corrupt(image(R"({"w":{"dtype":"F7","shape":[1],"data_offsets":[0,4]}})", 4),
                 "unsupported dtype 'F7'");
}
TEST(SafetensorsHeader, SizeMismatch) {
  expect_corrupt(image(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})", 4),
                 "does not match");
}
TEST(SafetensorsHeader, OffsetsOutsideData) {
  expect_corrupt(image(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 4), "outside");
}
TEST(SafetensorsHeader, NegativeShape) {
  expect_corrupt(image(R"({"w":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8),
                 "non-negative");
}
TEST(SafetensorsHeader, OverflowingShape) {
  expect_corrupt(
      image(R"({"w":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,8]}})", 8),
      "overflows");
}
TEST(SafetensorsHeader, OverlappingTensors) {
  expect_corrupt(image(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                       R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                       12),
                 "overlap");
}
TEST(SafetensorsHeader, BadMetadata) {
  expect_corrupt(image(R"({"__metadata__":{"k":1}})", 0), "__metadata__");
}

TEST_F(SafetensorsTest, UnwritableFolderIsAnOutputErrorAndLeavesNothing) {
  try {
    drs::write_safetensors(dir_ / "no-such-dir" / "x.safetensors", {{"w", at::ones({1})}});
    FAIL();
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::Output);
  }
  EXPECT_TRUE(fs::is_empty(dir_));
}

}  // namespace

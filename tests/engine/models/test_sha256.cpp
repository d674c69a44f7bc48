// SHA-256 against the FIPS 180-4 example vectors, and block-boundary lengths fed in
// uneven pieces (the same digest whatever the split); sha256_file on files on disk.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "drs/error.h"
#include "models/sha256.h"
#include "support/temp_dir.h"

namespace {

std::string digest(const std::string& text, std::size_t piece = 0) {
  drs::models::Sha256 hash;
  const auto bytes = std::as_bytes(std::span(text.data(), text.size()));
  if (piece == 0) {
    hash.update(bytes);
  } else {
    for (std::size_t at = 0; at < bytes.size(); at += piece)
      hash.update(bytes.subspan(at, std::min(piece, bytes.size() - at)));
  }
  return hash.hex_digest();
}

std::string digest_of_nothing() {
  return "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
}

}  // namespace

TEST(Sha256, FipsExampleVectors) {
  EXPECT_EQ(digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(digest(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PiecesDoNotChangeTheDigest) {
  for (const std::size_t length : {55u, 56u, 63u, 64u, 65u, 119u, 120u, 1000u}) {
    std::string text(length, '\0');
    for (std::size_t i = 0; i < length; ++i) text[i] = static_cast<char>(i * 31 + 7);
    const auto whole = digest(text);
    for (const std::size_t piece : {1u, 3u, 63u, 64u, 65u}) EXPECT_EQ(digest(text, piece), whole);
  }
}

TEST(Sha256File, DigestOfAKnownFileAndItsProgress) {
  const drs::test::TempDir dir("sha256");
  std::ofstream(dir / "abc.txt", std::ios::binary) << "abc";
  EXPECT_EQ(drs::models::sha256_file(dir / "abc.txt"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  // More than one read chunk: the digest is the whole file's, progress counts up to it.
  const std::string million(1'000'000, 'a');
  {
    std::ofstream out(dir / "a.bin", std::ios::binary);
    for (int i = 0; i < 3; ++i) out << million;
  }
  std::vector<std::uintmax_t> progress;
  const auto digest = drs::models::sha256_file(
      dir / "a.bin", [&](std::uintmax_t done) { progress.push_back(done); });
  drs::models::Sha256 expected;
  for (int i = 0; i < 3; ++i)
    expected.update(std::as_bytes(std::span(million.data(), million.size())));
  EXPECT_EQ(digest, expected.hex_digest());
  ASSERT_GE(progress.size(), 2u);
  EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));
  EXPECT_EQ(progress.back(), 3'000'000u);

  std::ofstream(dir / "empty", std::ios::binary).flush();
  EXPECT_EQ(drs::models::sha256_file(dir / "empty"), digest_of_nothing());
}

TEST(Sha256File, AMissingFileIsAModelMissingErrorNamingIt) {
  const drs::test::TempDir dir("sha256");
  try {
    (void)drs::models::sha256_file(dir / "absent.safetensors");
    FAIL() << "a missing file had a digest";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelMissing);
    EXPECT_NE(std::string(e.what()).find((dir / "absent.safetensors").string()), std::string::npos)
        << e.what();
  }
}

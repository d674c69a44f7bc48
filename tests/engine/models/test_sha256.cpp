// SHA-256 against the FIPS 180-4 example vectors, and block-boundary lengths fed in
// uneven pieces (the same digest whatever the split).
#include <gtest/gtest.h>

#include <string>

#include "models/sha256.h"

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

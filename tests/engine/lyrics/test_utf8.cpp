// Our strict UTF-8 reader against CPython's "utf-8" codec, which the official CLI reads
// the LRC file with: for each document, the start, end and reason that
// bytes.decode('utf-8') reports (recorded here from Python 3.11), and the diagnostic a
// user sees for it.
#include <gtest/gtest.h>

#include <string>

#include "drs/lyrics.h"
#include "lyrics/utf8.h"

namespace {

struct PythonError {
  const char* what;
  std::string bytes;
  std::size_t start, end;
  const char* reason;
};

const PythonError kCases[] = {
    {"invalid lead byte", "[00:01.00]hello\n[00:02.00]wor\xffld\n", 29, 30, "invalid start byte"},
    {"truncated 2-byte sequence at the end", "[00:01.00]caf\xc3", 13, 14, "unexpected end of data"},
    {"truncated 3-byte sequence at the end", "[00:01.00]x\xe2\x82", 11, 13,
     "unexpected end of data"},
    {"overlong 2-byte encoding of '/'",
     "[00:01.00]a\xc0\xaf"
     "b\n",
     11, 12, "invalid start byte"},
    {"overlong 3-byte encoding of '/'", "[00:01.00]\xe0\x80\xaf\n", 10, 11,
     "invalid continuation byte"},
    {"lone surrogate U+D800", "[00:01.00]\xed\xa0\x80z\n", 10, 11, "invalid continuation byte"},
    {"BOM followed by an invalid byte",
     "\xef\xbb\xbf[00:01.00]\x80"
     "abc\n",
     13, 14, "invalid start byte"},
    {"above U+10FFFF", "[00:01.00]\xf4\x90\x80\x80\n", 10, 11, "invalid continuation byte"},
    {"third byte not a continuation", "\xe2\x82(", 0, 2, "invalid continuation byte"},
    {"4-byte sequence cut before a letter", "\xf0\x90\x80x", 0, 3, "invalid continuation byte"},
};

}  // namespace

TEST(Utf8, FirstErrorMatchesPythonsDecoder) {
  for (const auto& c : kCases) {
    const auto decoded = drs::lyrics::decode_utf8(c.bytes);
    ASSERT_TRUE(decoded.error_offset.has_value()) << c.what;
    EXPECT_EQ(*decoded.error_offset, c.start) << c.what;
    EXPECT_EQ(decoded.error_end, c.end) << c.what;
    EXPECT_EQ(decoded.error_reason, c.reason) << c.what;
  }
}

TEST(Utf8, TheUserSeesTheOffsetAndReasonAndNothingIsSung) {
  for (const auto& c : kCases) {
    const auto a = drs::analyze_lyrics(c.bytes, 2048, 95);
    ASSERT_FALSE(a.issues.empty()) << c.what;
    const auto& issue = a.issues.front();
    EXPECT_EQ(issue.code, "invalid-utf8") << c.what;
    EXPECT_EQ(issue.severity, drs::Severity::Error) << c.what;
    const std::string expected = "offset " + std::to_string(c.start) + ": " + c.reason;
    EXPECT_NE(issue.message.find(expected), std::string::npos) << c.what << ": " << issue.message;
    EXPECT_TRUE(a.lines.empty()) << c.what;
    for (auto token : a.frame_tokens) ASSERT_EQ(token, 0) << c.what;
  }
}

TEST(Utf8, ValidTextIncludingABomAndFourByteCharactersDecodes) {
  const auto decoded = drs::lyrics::decode_utf8(
      "\xef\xbb\xbf"
      "a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x8e\xb5");
  EXPECT_FALSE(decoded.error_offset.has_value());
  EXPECT_EQ(decoded.text, std::u32string(U"\uFEFFa\u00E9\u4E2D\U0001F3B5"));
}

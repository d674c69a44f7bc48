#include "lyrics/utf8.h"

namespace drs::lyrics {
namespace {

struct Step {
  char32_t code = 0;
  std::size_t length = 0;   // 0 = invalid sequence
  std::size_t bad_end = 0;  // invalid: one past the bytes Python blames
  std::string_view reason;  // invalid: Python's reason
};

struct Lead {
  std::size_t need = 0;  // continuation bytes
  char32_t bits = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;  // excludes overlong/surrogate/too large
};

// The lead byte's sequence, as CPython's decoder constrains it; need 0 = invalid start.
Lead lead_of(unsigned char b0) {
  if (b0 >= 0xC2 && b0 <= 0xDF) return {1, static_cast<char32_t>(b0 & 0x1F), 0x80, 0xBF};
  if (b0 == 0xE0) return {2, 0, 0xA0, 0xBF};
  if (b0 == 0xED) return {2, 0x0D, 0x80, 0x9F};
  if (b0 >= 0xE1 && b0 <= 0xEF) return {2, static_cast<char32_t>(b0 & 0x0F), 0x80, 0xBF};
  if (b0 == 0xF0) return {3, 0, 0x90, 0xBF};
  if (b0 == 0xF4) return {3, 4, 0x80, 0x8F};
  if (b0 >= 0xF1 && b0 <= 0xF3) return {3, static_cast<char32_t>(b0 & 0x07), 0x80, 0xBF};
  return {0, 0, 0, 0};
}

// One code point at `pos`, validated exactly like CPython's decoder (same offsets and
// reasons in its errors).
Step decode_one(std::string_view s, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return {b0, 1, 0, {}};
  const Lead lead = lead_of(b0);
  if (lead.need == 0) return {0, 0, pos + 1, "invalid start byte"};
  char32_t code = lead.bits;
  for (std::size_t i = 1; i <= lead.need; ++i) {
    if (pos + i >= s.size()) return {0, 0, s.size(), "unexpected end of data"};
    const auto b = static_cast<unsigned char>(s[pos + i]);
    const unsigned char lo = i == 1 ? lead.second_min : 0x80;
    const unsigned char hi = i == 1 ? lead.second_max : 0xBF;
    if (b < lo || b > hi) return {0, 0, pos + i, "invalid continuation byte"};
    code = (code << 6) | (b & 0x3F);
  }
  return {code, lead.need + 1, 0, {}};
}

}  // namespace

Utf8Decoded decode_utf8(std::string_view bytes) {
  Utf8Decoded out;
  out.text.reserve(bytes.size());
  for (std::size_t pos = 0; pos < bytes.size();) {
    const Step step = decode_one(bytes, pos);
    if (step.length == 0) {
      out.error_offset = pos;
      out.error_end = step.bad_end;
      out.error_reason = step.reason;
      return out;
    }
    out.text.push_back(step.code);
    pos += step.length;
  }
  return out;
}

std::u32string to_u32(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  for (std::size_t pos = 0; pos < bytes.size();) {
    const Step step = decode_one(bytes, pos);
    out.push_back(step.length ? step.code : U'\uFFFD');
    pos += step.length ? step.length : 1;
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

}  // namespace drs::lyrics

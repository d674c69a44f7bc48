#include "lyrics/utf8.h"

namespace drs::lyrics {
namespace {

struct Step {
  char32_t code = 0;
  std::size_t length = 0;  // 0 = invalid sequence
};

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

// One code point at `pos`, validated exactly like CPython's decoder.
Step decode_one(std::string_view s, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t need = 0;
  char32_t code = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, code = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, code = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, code = b0 & 0x07, min = 0x10000;
  } else {
    return {};
  }
  for (std::size_t i = 1; i <= need; ++i) {
    if (pos + i >= s.size()) return {};
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if (!is_continuation(b)) return {};
    code = (code << 6) | (b & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
  return {code, need + 1};
}

}  // namespace

Utf8Decoded decode_utf8(std::string_view bytes) {
  Utf8Decoded out;
  out.text.reserve(bytes.size());
  for (std::size_t pos = 0; pos < bytes.size();) {
    const Step step = decode_one(bytes, pos);
    if (step.length == 0) {
      out.error_offset = pos;
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

// Strict UTF-8 <-> code points, with the rules of Python's "utf-8" codec (the official
// CLI reads the LRC with it): no overlong forms, no surrogates, nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace drs::lyrics {

struct Utf8Decoded {
  std::u32string text;                      // valid prefix when decoding failed
  std::optional<std::size_t> error_offset;  // byte offset of the first invalid sequence
  std::size_t error_end = 0;                // one past its last byte, as Python counts it
  std::string_view error_reason;            // Python's words: "invalid start byte", "invalid
                                            // continuation byte" or "unexpected end of data"
};

Utf8Decoded decode_utf8(std::string_view bytes);

// Decodes text that is trusted to be UTF-8 (espeak-ng output, our own strings);
// invalid bytes become U+FFFD instead of failing.
std::u32string to_u32(std::string_view bytes);

std::string to_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t c);

}  // namespace drs::lyrics

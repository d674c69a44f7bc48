// Character classes with the exact semantics of the Python code that defines the
// reference G2P (regex \w, str.isspace, decimal digits, the eight punctuation marks).
#pragma once

#include <optional>
#include <string_view>

namespace drs::lyrics {

bool is_word_char(char32_t c);                 // Python regex \w: letters, digits, numerics, '_'
bool is_space_char(char32_t c);                // Python str.isspace()
std::optional<int> decimal_value(char32_t c);  // Unicode decimal digit value (Nd)

inline bool is_ascii_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
inline bool is_ascii_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// The marks phonemizer preserves and the vocabulary has tokens for: , . ? ! ; : ' …
bool is_mark(char32_t c);

// Python str.strip() on code points.
std::u32string_view strip_spaces(std::u32string_view s);

}  // namespace drs::lyrics

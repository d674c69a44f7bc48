#include "lyrics/char_class.h"

#include <algorithm>

#include "lyrics/unicode_tables.h"

namespace drs::lyrics {
namespace {

bool in_ranges(std::span<const tables::CodeRange> ranges, char32_t c) {
  // Ranges are sorted and disjoint: find the first one that ends at or after c.
  auto it = std::lower_bound(ranges.begin(), ranges.end(), c,
                             [](const tables::CodeRange& r, char32_t v) { return r.last < v; });
  return it != ranges.end() && it->first <= c;
}

}  // namespace

bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_letter(c) || is_ascii_digit(c) || c == U'_';
  return in_ranges(tables::word_ranges(), c);
}

bool is_space_char(char32_t c) {
  if (c < 0x80) return c == U' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return in_ranges(tables::space_ranges(), c);
}

std::optional<int> decimal_value(char32_t c) {
  const auto runs = tables::decimal_runs();
  auto it = std::lower_bound(runs.begin(), runs.end(), c,
                             [](const tables::DigitRun& r, char32_t v) { return r.last < v; });
  if (it == runs.end() || it->first > c) return std::nullopt;
  return it->first_value + static_cast<int>(c - it->first);
}

bool is_mark(char32_t c) {
  switch (c) {
    case U',':
    case U'.':
    case U'?':
    case U'!':
    case U';':
    case U':':
    case U'\'':
    case U'…': return true;
    default: return false;
  }
}

std::u32string_view strip_spaces(std::u32string_view s) {
  while (!s.empty() && is_space_char(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space_char(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace drs::lyrics

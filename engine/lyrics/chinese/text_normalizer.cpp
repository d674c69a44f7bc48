#include "lyrics/chinese/text_normalizer.h"

#include <array>
#include <utility>

#include "lyrics/char_class.h"
#include "lyrics/text_rewrite.h"

namespace drs::lyrics::zh {
namespace {

// Applied one after another, each to the whole text, in this order (so "。。。"
// becomes "..." and then "…").
constexpr std::array<std::pair<std::u32string_view, std::u32string_view>, 13> kReplacements = {{
    {U"，", U","},
    {U"。", U"."},
    {U"！", U"!"},
    {U"？", U"?"},
    {U"；", U";"},
    {U"：", U":"},
    {U"、", U","},
    {U"‘", U"'"},
    {U"’", U"'"},
    {U"⋯", U"…"},
    {U"···", U"…"},
    {U"・・・", U"…"},
    {U"...", U"…"},
}};

}  // namespace

std::u32string normalize_chinese(std::u32string_view text) {
  std::u32string s(text);
  for (const auto& [from, to] : kReplacements) s = replace_all(s, from, to);
  std::u32string out;
  for (char32_t c : s) {
    if (is_space_char(c)) continue;
    if (is_cjk_unified(c) || c == U'_' || is_mark(c)) out += c;
  }
  return out;
}

}  // namespace drs::lyrics::zh

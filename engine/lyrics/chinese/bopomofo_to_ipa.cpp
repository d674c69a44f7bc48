#include "lyrics/chinese/bopomofo_to_ipa.h"

#include <utility>

#include "lyrics/char_class.h"
#include "lyrics/text_rewrite.h"

namespace drs::lyrics::zh {
namespace {

// Applied one after another over the whole string (the official order).
constexpr std::pair<std::u32string_view, std::u32string_view> kTable[] = {
    {U"ㄅㄛ", U"p⁼wo"}, {U"ㄆㄛ", U"pʰwo"}, {U"ㄇㄛ", U"mwo"},  {U"ㄈㄛ", U"fwo"},
    {U"ㄧㄢ", U"|jɛn"}, {U"ㄩㄢ", U"|ɥæn"}, {U"ㄧㄣ", U"|in"},  {U"ㄩㄣ", U"|ɥn"},
    {U"ㄧㄥ", U"|iŋ"},  {U"ㄨㄥ", U"|ʊŋ"},  {U"ㄩㄥ", U"|jʊŋ"}, {U"ㄧㄚ", U"|ia"},
    {U"ㄧㄝ", U"|iɛ"},  {U"ㄧㄠ", U"|iɑʊ"}, {U"ㄧㄡ", U"|ioʊ"}, {U"ㄧㄤ", U"|iɑŋ"},
    {U"ㄨㄚ", U"|ua"},  {U"ㄨㄛ", U"|uo"},  {U"ㄨㄞ", U"|uaɪ"}, {U"ㄨㄟ", U"|ueɪ"},
    {U"ㄨㄢ", U"|uan"}, {U"ㄨㄣ", U"|uən"}, {U"ㄨㄤ", U"|uɑŋ"}, {U"ㄩㄝ", U"|ɥɛ"},
    {U"ㄅ", U"p⁼"},     {U"ㄆ", U"pʰ"},     {U"ㄇ", U"m"},      {U"ㄈ", U"f"},
    {U"ㄉ", U"t⁼"},     {U"ㄊ", U"tʰ"},     {U"ㄋ", U"n"},      {U"ㄌ", U"l"},
    {U"ㄍ", U"k⁼"},     {U"ㄎ", U"kʰ"},     {U"ㄏ", U"x"},      {U"ㄐ", U"tʃ⁼"},
    {U"ㄑ", U"tʃʰ"},    {U"ㄒ", U"ʃ"},      {U"ㄓ", U"ts`⁼"},   {U"ㄔ", U"ts`ʰ"},
    {U"ㄕ", U"s`"},     {U"ㄖ", U"ɹ`"},     {U"ㄗ", U"ts⁼"},    {U"ㄘ", U"tsʰ"},
    {U"ㄙ", U"|s"},     {U"ㄚ", U"|a"},     {U"ㄛ", U"|o"},     {U"ㄜ", U"|ə"},
    {U"ㄝ", U"|ɛ"},     {U"ㄞ", U"|aɪ"},    {U"ㄟ", U"|eɪ"},    {U"ㄠ", U"|ɑʊ"},
    {U"ㄡ", U"|oʊ"},    {U"ㄢ", U"|an"},    {U"ㄣ", U"|ən"},    {U"ㄤ", U"|ɑŋ"},
    {U"ㄥ", U"|əŋ"},    {U"ㄦ", U"əɹ"},     {U"ㄧ", U"|i"},     {U"ㄨ", U"|u"},
    {U"ㄩ", U"|ɥ"},     {U"ˉ", U"→|"},      {U"ˊ", U"↑|"},      {U"ˇ", U"↓↑|"},
    {U"ˋ", U"↓|"},      {U"˙", U"|"},
};

bool is_arrow_or_space(char32_t c) {
  return c == U'→' || c == U'↓' || c == U'↑' || c == U' ';
}

// Inserts ɹ after `initial` (+ optional ⁼/ʰ) when arrows/a space or the end follow.
std::u32string insert_apical(std::u32string_view s, std::u32string_view initial) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.substr(i).starts_with(initial)) {
      std::size_t k = i + initial.size();
      if (k < s.size() && (s[k] == U'⁼' || s[k] == U'ʰ')) ++k;
      const bool followed = k == s.size() || is_arrow_or_space(s[k]);
      if (followed) {
        out.append(s.substr(i, k - i));
        out += U'ɹ';
        i = k;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

bool is_kept(char32_t c) {
  static constexpr std::u32string_view kKept = U"_,.?!;:'…|→↓↑⁼ʰ`";
  return is_word_char(c) || is_space_char(c) || kKept.find(c) != std::u32string_view::npos;
}

}  // namespace

std::u32string bopomofo_to_ipa_raw(std::u32string_view bopomofo) {
  std::u32string s(bopomofo);
  for (const auto& [from, to] : kTable) s = replace_all(s, from, to);
  return s;
}

std::u32string bopomofo_to_ipa(std::u32string_view bopomofo) {
  std::u32string s = bopomofo_to_ipa_raw(bopomofo);
  s = insert_apical(s, U"s`");
  s = insert_apical(s, U"ɹ`");
  s = insert_apical(s, U"s");
  std::u32string kept;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == 0 && s[i] == U'|') continue;
    if (is_kept(s[i])) kept += s[i];
  }
  // Each mark becomes a piece of its own; runs of separators collapse.
  std::u32string out;
  for (char32_t c : kept) {
    if (is_mark(c)) {
      if (out.empty() || out.back() != U'|') out += U'|';
      out += c;
      out += U'|';
    } else if (c != U'|' || out.empty() || out.back() != U'|') {
      out += c;
    }
  }
  while (!out.empty() && out.back() == U'|') out.pop_back();
  return out;
}

}  // namespace drs::lyrics::zh

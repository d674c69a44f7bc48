#include "lyrics/chinese/bopomofo.h"

#include <array>
#include <stdexcept>
#include <utility>

#include "lyrics/chinese/pinyin_readings.h"
#include "lyrics/utf8.h"

namespace drs::lyrics::zh {
namespace {

// Pinyin initials, two-letter ones first.
constexpr std::array<std::pair<std::string_view, std::u32string_view>, 21> kInitials = {{
    {"zh", U"ㄓ"}, {"ch", U"ㄔ"}, {"sh", U"ㄕ"}, {"b", U"ㄅ"}, {"p", U"ㄆ"}, {"m", U"ㄇ"},
    {"f", U"ㄈ"},  {"d", U"ㄉ"},  {"t", U"ㄊ"},  {"n", U"ㄋ"}, {"l", U"ㄌ"}, {"g", U"ㄍ"},
    {"k", U"ㄎ"},  {"h", U"ㄏ"},  {"j", U"ㄐ"},  {"q", U"ㄑ"}, {"x", U"ㄒ"}, {"r", U"ㄖ"},
    {"z", U"ㄗ"},  {"c", U"ㄘ"},  {"s", U"ㄙ"},
}};

// A final written after an initial, as the same final spelled alone (the table's key).
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kFinalAlone = {{
    {"i", "yi"},
    {"ia", "ya"},
    {"iao", "yao"},
    {"ie", "ye"},
    {"iu", "you"},
    {"ian", "yan"},
    {"in", "yin"},
    {"iang", "yang"},
    {"ing", "ying"},
    {"iong", "yong"},
    {"u", "wu"},
    {"ua", "wa"},
    {"uo", "wo"},
    {"uai", "wai"},
    {"ui", "wei"},
    {"uan", "wan"},
}};

std::optional<std::u32string> final_reading(const ChineseData& data, std::string_view final) {
  if (final == "un") final = "wen";
  if (final == "uang") final = "wang";
  if (final == "v" || final == "ü") final = "yu";
  if (final == "ve" || final == "üe") final = "yue";
  if (final == "ê") return U"ㄝ";
  for (const auto& [after, alone] : kFinalAlone)
    if (final == after) final = alone;
  if (final == "ong") return U"ㄨㄥ";
  if (auto b = data.bopomofo(final)) return to_u32(*b);
  return std::nullopt;
}

// A toneless syllable by spelling: initial + final.
std::optional<std::u32string> spelled(const ChineseData& data, std::string_view syllable) {
  if (auto b = data.bopomofo(syllable)) return to_u32(*b);
  for (const auto& [initial, bpmf] : kInitials) {
    if (!syllable.starts_with(initial) || syllable.size() == initial.size()) continue;
    if (auto f = final_reading(data, syllable.substr(initial.size())))
      return std::u32string(bpmf) + *f;
    return std::nullopt;
  }
  return final_reading(data, syllable);
}

}  // namespace

std::optional<std::u32string> tone_mark(char32_t digit) {
  switch (digit) {
    case U'1': return U"";
    case U'2': return std::u32string(1, kTone2);
    case U'3': return std::u32string(1, kTone3);
    case U'4': return std::u32string(1, kTone4);
    case U'5':
    case U'0': return std::u32string(1, kNeutral);
    default: return std::nullopt;
  }
}

std::optional<std::u32string> table_reading(const ChineseData& data, std::string_view syllable,
                                            std::string* missing) {
  const std::u32string s = to_u32(syllable);
  if (s.empty()) {
    if (missing) *missing = "";
    return std::nullopt;
  }
  const std::string base = to_utf8(std::u32string_view(s).substr(0, s.size() - 1));
  const auto bpmf = data.bopomofo(base);
  if (!bpmf) {
    if (missing) *missing = base;
    return std::nullopt;
  }
  const auto mark = tone_mark(s.back());
  if (!mark) {
    if (missing) *missing = to_utf8(std::u32string(1, s.back()));
    return std::nullopt;
  }
  return to_u32(*bpmf) + *mark;
}

std::vector<std::u32string> fallback_reading(const ChineseData& data, std::u32string_view word) {
  // A syllable with its tone digit, through the table or spelled out.
  auto spell = [&](std::string_view syllable) -> std::optional<std::u32string> {
    if (auto b = table_reading(data, syllable)) return b;
    const std::u32string s = to_u32(syllable);
    const auto mark = s.empty() ? std::nullopt : tone_mark(s.back());
    if (!mark) return std::nullopt;
    const auto base = spelled(data, to_utf8(std::u32string_view(s).substr(0, s.size() - 1)));
    return base ? std::optional<std::u32string>(*base + *mark) : std::nullopt;
  };
  std::vector<std::u32string> out;
  for (char32_t c : word) {
    const std::string ch = to_utf8(std::u32string(1, c));
    const auto entry = data.lexicon(ch);
    // The lexicon's own reading first, then pinyin-data's most common reading (what
    // pypinyin would say for a lone character), then the lexicon's syllable spelled.
    std::optional<std::u32string> reading;
    if (entry) reading = table_reading(data, *entry);
    if (!reading) {
      if (const auto common = common_reading(c)) reading = spell(*common);
    }
    if (!reading && entry) reading = spell(*entry);
    if (!reading) throw std::invalid_argument(ch + " has no reading the table can spell");
    out.push_back(*reading);
  }
  return out;
}

}  // namespace drs::lyrics::zh

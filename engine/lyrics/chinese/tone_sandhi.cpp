#include "lyrics/chinese/tone_sandhi.h"

#include <array>
#include <stdexcept>

#include "lyrics/char_class.h"
#include "lyrics/chinese/bopomofo.h"

namespace drs::lyrics::zh {
namespace {

using List = std::vector<std::u32string>;

bool ends_with(const std::u32string& s, char32_t c) {
  return !s.empty() && s.back() == c;
}

bool is_tone_mark(char32_t c) {
  return c == kNeutral || c == kTone2 || c == kTone3 || c == kTone4;
}

// change_tone: replace a final tone mark by `t`, or append it (t = 0: tone 1).
void change_tone(std::u32string& s, char32_t t) {
  if (!s.empty() && is_tone_mark(s.back())) s.pop_back();
  if (t != 0) s += t;
}

void third_tones(std::u32string_view word, List& b) {
  if (b.empty()) return;
  if (word.size() == 3 && ends_with(b.at(0), kTone3) && ends_with(b.at(1), kTone3) &&
      ends_with(b.back(), kTone3)) {
    // Upstream appends instead of replacing: the extra mark becomes a dropped piece.
    b[0] += kTone2;
    b[1] += kTone2;
  } else if (word.size() == 2 && ends_with(b.at(0), kTone3) && ends_with(b.back(), kTone3)) {
    b[0].back() = kTone2;
  }
}

void bu_sandhi(std::u32string_view word, List& b) {
  if (word.find_first_not_of(U'不') == std::u32string_view::npos || word == U"不字") return;
  if (word.size() == 3 && word[1] == U'不' && !b.at(1).empty() &&
      std::u32string_view(b[1]).substr(0, b[1].size() - 1) == U"ㄅㄨ") {
    b[1] = U"ㄅㄨ˙";
    return;
  }
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    if (word[i] != U'不' || !ends_with(b.at(i + 1), kTone4)) continue;
    if (!b.at(i).empty()) b[i].pop_back();
    b[i] += kTone2;
  }
}

bool is_numeric(char32_t c) {
  // Python str.isnumeric() for the characters a Chinese number is written with.
  static constexpr std::u32string_view kHan =
      U"零〇一二三四五六七八九十百千万亿兆廿卅卌壹贰叁肆伍陆柒捌玖拾佰仟萬億貳參陸";
  return decimal_value(c).has_value() || kHan.find(c) != std::u32string_view::npos ||
         (c >= U'²' && c <= U'³') || c == U'¹' || (c >= 0x2150 && c <= 0x2189) ||
         (c >= 0x2460 && c <= 0x249B) || (c >= 0x3021 && c <= 0x3029) ||
         (c >= 0x3220 && c <= 0x3229) || (c >= 0x3280 && c <= 0x3289);
}

bool is_yi_punctuation(char32_t c) {
  static constexpr std::u32string_view kMarks = U"：，；。？！“”‘’':,;.?!()（）{}【】[]-~`、 ";
  return kMarks.find(c) != std::u32string_view::npos;
}

void yi_sandhi(std::u32string_view word, List& b) {
  const bool has_yi = word.find(U'一') != std::u32string_view::npos;
  bool other_numeric = false;
  for (char32_t c : word) other_numeric = other_numeric || (c != U'一' && is_numeric(c));
  if (has_yi && other_numeric) {
    static constexpr std::u32string_view kDigits = U"零一二三四五六七八九十";
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (word[i] != U'一') continue;
      if (i == 0 && word.size() > 1 && kDigits.find(word[1]) == std::u32string_view::npos) {
        const bool next_falls = ends_with(b.at(1), kTone4) || ends_with(b.at(1), kNeutral);
        change_tone(b.at(0), next_falls ? kTone2 : kTone4);
      } else {
        change_tone(b.at(i), 0);
      }
    }
  } else if (word.size() == 3 && word[1] == U'一' && word[0] == word[2]) {
    change_tone(b.at(1), kNeutral);
  } else if (word.starts_with(U"第一")) {
    change_tone(b.at(1), 0);
  } else if (word.starts_with(U"一月") || word.starts_with(U"一日") || word.starts_with(U"一号")) {
    change_tone(b.at(0), 0);
  } else {
    for (std::size_t i = 0; i + 1 < word.size(); ++i) {
      if (word[i] != U'一') continue;
      if (ends_with(b.at(i + 1), kTone4)) {
        change_tone(b.at(i), kTone2);
      } else if (!is_yi_punctuation(word[i + 1])) {
        change_tone(b.at(i), kTone4);
      }
    }
  }
}

void er_sandhi(std::u32string_view word, List& b) {
  static constexpr std::array<std::u32string_view, 5> kKept = {U"女儿", U"老儿", U"男儿", U"少儿",
                                                               U"小儿"};
  if (word.size() <= 1 || word.back() != U'儿') return;
  for (auto kept : kKept)
    if (word == kept) return;
  change_tone(b.at(b.size() - 1), kNeutral);
}

}  // namespace

void apply_tone_sandhi(std::u32string_view word, std::vector<std::u32string>& bopomofo) {
  third_tones(word, bopomofo);
  bu_sandhi(word, bopomofo);
  yi_sandhi(word, bopomofo);
  er_sandhi(word, bopomofo);
}

}  // namespace drs::lyrics::zh

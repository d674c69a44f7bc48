#pragma once
// Pinyin syllables ("hao3") to bopomofo with tone marks ("ㄏㄠˇ"), through the official
// pinyin_2_bpmf.txt table (g2p_zh README §4.5), and the reading used where a lexicon
// syllable is not in that table (the official code asks pypinyin; see README.md).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lyrics/chinese/chinese_data.h"

namespace drs::lyrics::zh {

inline constexpr char32_t kTone2 = U'ˊ';
inline constexpr char32_t kTone3 = U'ˇ';
inline constexpr char32_t kTone4 = U'ˋ';
inline constexpr char32_t kNeutral = U'˙';
inline constexpr char32_t kTone1 = U'ˉ';  // written out only at the end (§4.7)

// Mark of a tone digit ('1' -> none, '0'/'5' -> ˙); nullopt for anything else.
std::optional<std::u32string> tone_mark(char32_t digit);

// TABLE[syllable[:-1]] + TONE[syllable[-1]], or nullopt when either lookup fails (the
// official code raises KeyError there; `missing` says which key).
std::optional<std::u32string> table_reading(const ChineseData& data, std::string_view syllable,
                                            std::string* missing = nullptr);

// Bopomofo of every character of `word`, for lexicon syllables the table lacks. The
// official code calls pypinyin (not in Debian); we read each character: its own lexicon
// entry, else pinyin-data's most common reading (pinyin_readings.h), else its lexicon
// syllable spelled by pinyin rules. Throws std::invalid_argument naming the character
// when none works.
std::vector<std::u32string> fallback_reading(const ChineseData& data, std::u32string_view word);

}  // namespace drs::lyrics::zh

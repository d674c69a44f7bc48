#pragma once
// The most common Mandarin reading of a character from the pinyin-data table (MIT),
// converted at build time from Debian's golang-github-mozillazg-go-pinyin-dev by
// tools/gen_pinyin_readings.py and compiled in. Used only where the official code asks
// pypinyin (whose per-character dictionary comes from the same project) and the
// lexicon's own entry cannot be read (engine/lyrics/README.md).

#include <optional>
#include <string_view>

namespace drs::lyrics::zh {

// "ai1" for 欸; nullopt when the table lacks the character (or was built without data).
std::optional<std::string_view> common_reading(char32_t c);

}  // namespace drs::lyrics::zh

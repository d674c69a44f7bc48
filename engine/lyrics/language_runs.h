// Segmentation of a lyric line into language runs, as the reference chn_eng_g2p does:
// CJK ideographs U+4E00-U+9FA5 are Chinese, ASCII letters English, everything else
// ("other": digits, spaces, punctuation, accented letters, ...) joins the current run.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace drs::lyrics {

enum class Language {
  None,  // a run without any Chinese or English character (the reference raises)
  English,
  Chinese,
};

struct LanguageRun {
  Language language = Language::None;
  std::u32string_view text;  // view into the line
  std::size_t offset = 0;    // code points from the start of the line
};

Language classify_char(char32_t c);
// Always at least one run (an empty line gives one empty run of Language::None).
std::vector<LanguageRun> split_language_runs(std::u32string_view line);

const char* language_name(Language language);

}  // namespace drs::lyrics

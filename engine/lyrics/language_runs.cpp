#include "lyrics/language_runs.h"

#include "lyrics/char_class.h"

namespace drs::lyrics {

Language classify_char(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FA5) return Language::Chinese;
  if (is_ascii_letter(c)) return Language::English;
  return Language::None;
}

std::vector<LanguageRun> split_language_runs(std::u32string_view line) {
  std::vector<LanguageRun> runs;
  LanguageRun current{Language::None, line.substr(0, 0), 0};
  for (std::size_t i = 0; i < line.size(); ++i) {
    const Language type = classify_char(line[i]);
    // A run stays open for "other" characters and adopts the first real language;
    // only a switch between two real languages starts a new run.
    if (type != Language::None && current.language != Language::None && type != current.language) {
      runs.push_back(current);
      current = {type, line.substr(i, 0), i};
    } else if (type != Language::None) {
      current.language = type;
    }
    current.text = line.substr(current.offset, i + 1 - current.offset);
  }
  runs.push_back(current);
  return runs;
}

const char* language_name(Language language) {
  switch (language) {
    case Language::English: return "English";
    case Language::Chinese: return "Chinese";
    case Language::None: break;
  }
  return "none";
}

}  // namespace drs::lyrics

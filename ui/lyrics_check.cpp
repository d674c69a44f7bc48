#include "ui/lyrics_check.h"

#include <cctype>
#include <exception>
#include <string>

#ifdef DRS_UI_HAVE_ENGINE
#include "drs/model_store.h"
#endif

namespace drs::ui {

#ifdef DRS_UI_HAVE_LYRICS
bool lyrics_analysis_available() {
  return true;
}

LyricsAnalysis check_lyrics(std::string_view lrc_text, int max_frames, double seconds) {
  try {
    LyricsOptions options;
#ifdef DRS_UI_HAVE_ENGINE
    // Chinese lines read the store's chinese-lyrics component once it is installed.
    if (auto chinese = chinese_lyrics_dir()) options.chinese_data_dir = *chinese;
#endif
    return analyze_lyrics(lrc_text, max_frames, seconds, options);
  } catch (const std::exception& error) {
    LyricsAnalysis failed;
    failed.issues.push_back({0, 0, Severity::Error, "analysis-failed",
                             std::string("The lyrics could not be analysed: ") + error.what()});
    return failed;
  }
}
#else
bool lyrics_analysis_available() {
  return false;
}

LyricsAnalysis check_lyrics(std::string_view, int, double) {
  return {};
}
#endif

namespace {

// Roughly one phone per letter plus one boundary per word, plus the terminator.
int estimate_tokens(std::string_view lyric) {
  int tokens = 1;
  bool in_word = false;
  for (const char c : lyric) {
    const bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0 ||
                        (static_cast<unsigned char>(c) & 0x80) != 0;
    if (letter) ++tokens;
    if (letter && !in_word) ++tokens;
    in_word = letter;
  }
  return tokens;
}

}  // namespace

int count_line_tokens(std::string_view lyric) {
  if (lyrics_analysis_available()) {
    // One stamped line in a full-length song: nothing is dropped or cut.
    const auto analysis = check_lyrics("[00:00.00]" + std::string(lyric), 6144, 285);
    if (analysis.lines.size() == 1 && analysis.lines.front().tokens > 0)
      return analysis.lines.front().tokens;
  }
  return estimate_tokens(lyric);
}

}  // namespace drs::ui

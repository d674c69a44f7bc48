#include "ui/lyrics_check.h"

#include <cctype>
#include <exception>
#include <string>

#include <QCoreApplication>
#include <QString>

#include "frontend/lrc_tools.h"

#include "drs/model_store.h"

namespace drs::ui {

LyricsAnalysis check_lyrics(std::string_view lrc_text, int max_frames, double seconds) {
  try {
    LyricsOptions options;
    // Chinese lines read the store's chinese-lyrics component once it is installed.
    if (auto chinese = chinese_lyrics_dir()) options.chinese_data_dir = *chinese;
    return analyze_lyrics(lrc_text, max_frames, seconds, options);
  } catch (const std::exception& error) {
    LyricsAnalysis failed;
    failed.issues.push_back({0, 0, Severity::Error, "analysis-failed",
                             std::string("The lyrics could not be analysed: ") + error.what()});
    return failed;
  }
}

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
  // One stamped line in a full-length song: nothing is dropped or cut.
  const auto analysis = check_lyrics("[00:00.00]" + std::string(lyric), 6144, 285);
  if (analysis.lines.size() == 1 && analysis.lines.front().tokens > 0)
    return analysis.lines.front().tokens;
  return estimate_tokens(lyric);
}

std::vector<LyricsIssue> gap_warnings(const LyricsAnalysis& analysis) {
  std::vector<LyricsIssue> warnings;
  for (const auto& gap : frontend::find_gaps(analysis)) {
    if (gap.kind == frontend::LyricGap::Kind::TooShort) {
      const QString text =
          QCoreApplication::translate(
              "drs::ui::LrcTools",
              "Gap too short: this line needs %1 frames (%2 s) but the next line starts "
              "after %3 s; the last %4 tokens will be cut or pushed back.")
              .arg(gap.tokens)
              .arg(gap.needed_seconds, 0, 'f', 1)
              .arg(gap.available_seconds, 0, 'f', 1)
              .arg(gap.tokens - gap.frames_available);
      warnings.push_back({gap.line, 0, Severity::Warning, "gap-too-short", text.toStdString()});
    } else {
      const QString text =
          QCoreApplication::translate(
              "drs::ui::LrcTools",
              "Gap long: %1 s until the next line for about %2 s of singing (%3 tokens); the "
              "model may repeat words or hum. Add a line or a timed break.")
              .arg(gap.available_seconds, 0, 'f', 1)
              .arg(gap.sung_seconds, 0, 'f', 0)
              .arg(gap.tokens);
      warnings.push_back({gap.line, 0, Severity::Info, "gap-too-long", text.toStdString()});
    }
  }
  return warnings;
}

}  // namespace drs::ui

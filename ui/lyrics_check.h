// The editor's access to the engine's lyric analysis (drs::analyze_lyrics), guarded so
// that a user's text can never take the window down.
#pragma once

#include <string_view>
#include <vector>

#include "drs/lyrics.h"

namespace drs::ui {

// drs::analyze_lyrics; an exception becomes a single Error issue.
LyricsAnalysis check_lyrics(std::string_view lrc_text, int max_frames, double seconds);

// Tokens one lyric line (text without stamp) will occupy, incl. the line terminator.
// Uses the real G2P, else (a line it cannot analyse) a letter-count estimate.
int count_line_tokens(std::string_view lyric);

// The gaps drs::frontend::find_gaps flags, worded for the editor (translated).
std::vector<LyricsIssue> gap_warnings(const LyricsAnalysis& analysis);

}  // namespace drs::ui

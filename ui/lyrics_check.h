// The editor's access to the engine's lyric analysis (drs::analyze_lyrics), guarded so
// that a user's text can never take the window down.
#pragma once

#include <string_view>

#include "drs/lyrics.h"

namespace drs::ui {

// Whether this build links the lyric analysis (false only in partial builds).
bool lyrics_analysis_available();

// drs::analyze_lyrics; an exception becomes a single Error issue.
LyricsAnalysis check_lyrics(std::string_view lrc_text, int max_frames, double seconds);

// Tokens one lyric line (text without stamp) will occupy, incl. the line terminator.
// Uses the real G2P when available, else a letter-count estimate.
int count_line_tokens(std::string_view lyric);

}  // namespace drs::ui

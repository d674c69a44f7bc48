// Text operations behind the lyric helpers: reading and writing [mm:ss.xx] stamps,
// spreading untimed lines over the time between their timed neighbours, and gap
// warnings (too short: words get cut; too long: the model tends to repeat or hum).
// Plain C++ on UTF-8 strings, independent of the widgets.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drs/lyrics.h"

namespace drs::ui {

// "[mm:ss.xx]" with hundredths, truncated; negative inputs clamp to 0.
std::string format_timestamp(double seconds);

// The leading [mm:ss.xx] stamp of an LRC line, in seconds.
std::optional<double> line_timestamp(std::string_view line);

// The line with its leading stamp replaced (or a stamp prepended if it has none).
std::string set_line_timestamp(std::string_view line, double seconds);

// A lyric line without a stamp (not blank, not a [tag:...] metadata line).
bool is_untimed_lyric(std::string_view line);

std::vector<std::string> split_lines(std::string_view text);
std::string join_lines(const std::vector<std::string>& lines);

// Token count of one lyric line (text without stamp); the caller supplies G2P.
using TokenCounter = std::function<int(std::string_view)>;

// Gives every untimed lyric line a stamp. A run of untimed lines shares the time
// between the previous timed line and the next one in proportion to token counts;
// a run with no following stamp is paced at `seconds_per_token`, capped at the song
// end. Returns the new text; timed lines are untouched.
std::string spread_untimed(std::string_view text, double song_seconds,
                           const TokenCounter& count_tokens, double seconds_per_token = 0.3);

// Gap warnings from an analysis: a line whose tokens do not fit before the next
// line (words skipped), or a gap far longer than the line needs (repeats).
std::vector<LyricsIssue> gap_warnings(const LyricsAnalysis& analysis);

}  // namespace drs::ui

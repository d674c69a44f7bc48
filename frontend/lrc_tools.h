// Text operations behind the lyric helpers: reading and writing [mm:ss.xx] stamps,
// spreading untimed lines over the time between their timed neighbours, and gap
// warnings (too short: words get cut; too long: the model tends to repeat or hum).
// Plain C++ on UTF-8 strings, shared by the GUI's editor and any other front end.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drs/lyrics.h"

namespace drs::frontend {

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

// A placed line whose gap to the next line is wrong: too short for its tokens (words
// get cut or pushed back) or far longer than singing it takes (the model repeats
// words or hums). The front end words the warning.
struct LyricGap {
  enum class Kind { TooShort, TooLong };
  Kind kind = Kind::TooShort;
  int line = 0;               // 1-based line of the LRC text
  int tokens = 0;             // the line's tokens (one latent frame each)
  int frames_available = 0;   // frames until the next line
  double needed_seconds = 0;  // the tokens' frames in seconds
  double available_seconds = 0;
  double sung_seconds = 0;  // roughly how long singing the line takes
};
std::vector<LyricGap> find_gaps(const LyricsAnalysis& analysis);

}  // namespace drs::frontend

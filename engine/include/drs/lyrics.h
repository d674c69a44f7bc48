// Lyrics analysis for the editor and the pipeline: LRC parsing, G2P, frame placement
// and the diagnostics a writer can act on. Pure C++ (no Torch types).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace drs {

namespace lyrics {
class LanguageG2p;  // a language front end (engine/lyrics/g2p.h)
}  // namespace lyrics

enum class Severity { Info, Warning, Error };

struct LyricsIssue {
  int line = 0;    // 1-based line in the LRC text (0 = whole document)
  int column = 0;  // 1-based column in code points of that line (0 only with line 0)
  Severity severity = Severity::Warning;
  std::string code;     // stable id, e.g. "malformed-timestamp", "overflow", "past-end"
  std::string message;  // English explanation with numbers
};

struct LyricLine {
  int line = 0;              // 1-based source line
  double time = 0;           // seconds
  std::string text;          // lyric text as parsed
  std::string phonemes;      // G2P output, '|'-separated
  int tokens = 0;            // token count incl. the end-of-line token
  int start_frame = 0;       // where its first token lands
  int frames_available = 0;  // frames until the next line's timestamp (or song end)
  bool placed = false;       // false when dropped (past the end, 2048-frame last line)
  bool overflows = false;    // tokens spill past the next line's time
};

// Counts a UI can show as you type (a status line under the editor).
struct LyricsSummary {
  int lines = 0;              // timestamped lines read
  int lines_placed = 0;       // lines that got frames
  int lines_dropped = 0;      // past the end, bad time, 2048-frame last line
  int lines_overflowing = 0;  // placed lines whose tokens need more frames than they have
  int errors = 0;             // issues by severity
  int warnings = 0;
  int infos = 0;
  int total_tokens = 0;       // tokens of the placed lines, end-of-line tokens included
  int tokens_cut = 0;         // of those, cut off at the song end
  int last_token_frame = -1;  // last frame holding a lyric token (-1: none)
  int available_frames = 0;   // frames in the song (= end_frame)
};

struct LyricsAnalysis {
  std::vector<LyricLine> lines;
  std::vector<LyricsIssue> issues;
  std::vector<int64_t> frame_tokens;  // N per-frame tokens (0 = filler)
  int end_frame = 0;                  // N
  float song_duration = 1.0f;         // N / max_frames
  LyricsSummary summary;
  [[nodiscard]] bool has_errors() const {
    for (const auto& issue : issues)
      if (issue.severity == Severity::Error) return true;
    return false;
  }
};

struct LyricsOptions {
  // The Chinese lyrics data folder: DiffRhythm's g2p/sources/ layout, i.e. the model
  // store's "chinese-lyrics" component (drs::chinese_lyrics_dir() in drs/model_store.h).
  // Only Chinese lines read it (once per folder, on first need); empty or incomplete:
  // each Chinese line gets a `chinese-data-missing` error saying how to install it.
  std::filesystem::path chinese_data_dir;
  // A front end for Chinese runs that replaces the one made for chinese_data_dir (tests,
  // other languages); nullptr: the built-in Chinese front end. Each front end gets its
  // own line memo, so keep one instance rather than making one per call.
  std::shared_ptr<const lyrics::LanguageG2p> second_language;
};

// max_frames: 2048 (base) or 6144 (full); seconds: the requested song length L.
// Never throws for bad user text: problems become issues.
LyricsAnalysis analyze_lyrics(std::string_view lrc_text, int max_frames, double seconds,
                              const LyricsOptions& options = {});

// Latent frames for a song length: base always 2048, full floor(L*44100/2048) capped.
int end_frame_for(int max_frames, double seconds);

}  // namespace drs

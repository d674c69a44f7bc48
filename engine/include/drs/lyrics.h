// Lyrics analysis for the editor and the pipeline: LRC parsing, G2P, frame placement
// and the diagnostics a writer can act on. Pure C++ (no Torch types).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace drs {

enum class Severity { Info, Warning, Error };

struct LyricsIssue {
  int line = 0;    // 1-based line in the LRC text (0 = whole document)
  int column = 0;  // 1-based column in code points (0 = whole line)
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

struct LyricsAnalysis {
  std::vector<LyricLine> lines;
  std::vector<LyricsIssue> issues;
  std::vector<int64_t> frame_tokens;  // N per-frame tokens (0 = filler)
  int end_frame = 0;                  // N
  float song_duration = 1.0f;         // N / max_frames
  [[nodiscard]] bool has_errors() const {
    for (const auto& issue : issues)
      if (issue.severity == Severity::Error) return true;
    return false;
  }
};

// max_frames: 2048 (base) or 6144 (full); seconds: the requested song length L.
// Never throws for bad user text: problems become issues.
LyricsAnalysis analyze_lyrics(std::string_view lrc_text, int max_frames, double seconds);

// Latent frames for a song length: base always 2048, full floor(L*44100/2048) capped.
int end_frame_for(int max_frames, double seconds);

}  // namespace drs

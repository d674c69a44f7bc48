// Fuzz target: drs::analyze_lyrics on arbitrary bytes. It must never throw or crash
// for any text, and its output must stay consistent (tensor length = end_frame, every
// token a vocabulary id, every issue inside the document with a column, a summary
// that agrees).
// libFuzzer run: LSAN_OPTIONS=suppressions=tests/fuzz/lrc_lsan.supp (espeak-ng's own leak).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "drs/lyrics.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The first byte picks the mode and length, the rest is the LRC file.
  const int selector = size > 0 ? data[0] : 0;
  const int max_frames = (selector & 1) ? 6144 : 2048;
  const double seconds = max_frames == 2048 ? 95.0 : 96.0 + (selector >> 1) % 190;
  const std::string_view text(reinterpret_cast<const char*>(data) + (size > 0 ? 1 : 0),
                              size > 0 ? size - 1 : 0);
  const drs::LyricsAnalysis a = drs::analyze_lyrics(text, max_frames, seconds);
  if (a.frame_tokens.size() != static_cast<std::size_t>(a.end_frame)) __builtin_trap();
  if (a.end_frame != drs::end_frame_for(max_frames, seconds)) __builtin_trap();
  for (auto token : a.frame_tokens)
    if (token < 0 || token > 363) __builtin_trap();
  for (const auto& line : a.lines)
    if (line.tokens < 1 || (line.placed && line.start_frame < 0)) __builtin_trap();
  for (const auto& issue : a.issues)
    if (issue.line < 0 || issue.column < 0 || issue.code.empty()) __builtin_trap();
  // A line's issue always has a column to point at; 0 is for the whole document.
  for (const auto& issue : a.issues)
    if (issue.line > 0 && issue.column < 1) __builtin_trap();
  if (a.summary.lines != static_cast<int>(a.lines.size()) ||
      a.summary.last_token_frame >= a.end_frame)
    __builtin_trap();
  return 0;
}

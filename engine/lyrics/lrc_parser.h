// LRC reading and parsing with the official DiffRhythm behaviour (g2p README §4.1-4.2):
// strict UTF-8, universal newlines, BOM kept, fixed-width "[mm:ss.xx]" slicing with
// Python number syntax, unparsable lines skipped. Unlike the reference, every skipped
// or odd line is reported with its line and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drs/lyrics.h"

namespace drs::lyrics {

struct ParsedLine {
  int line = 0;          // 1-based line in the file
  int stamp_column = 0;  // 1-based column (code points) of the timestamp's '[' slot
  int lyric_column = 0;  // 1-based column (code points) where the lyric text starts
  double time = 0;       // seconds, as the reference computes them (may be NaN/inf)
  std::u32string lyric;  // stripped text after the timestamp
};

struct LrcDocument {
  bool readable = true;  // false: invalid UTF-8 (the reference fails to read the file)
  std::vector<ParsedLine> lines;
  std::vector<LyricsIssue> issues;
};

LrcDocument parse_lrc(std::string_view bytes);

}  // namespace drs::lyrics

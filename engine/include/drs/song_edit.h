// Editing and continuing a song (the official --edit / --ref-song / --edit-segments):
// the sampler regenerates only chosen time spans of a reference song and keeps the
// reference's own latent everywhere else.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace drs {

// Seconds of the song. As upstream, -1 as a start means the song's start and -1 as an
// end means its end; any other value is a time >= 0.
struct TimeSpan {
  double start = -1;
  double end = -1;
  friend bool operator==(const TimeSpan&, const TimeSpan&) = default;
};

struct SongEdit {
  // The song to edit: any file libsndfile reads (WAV, FLAC, Ogg, MP3 where supported),
  // any sample rate, mono or stereo.
  std::filesystem::path reference;
  // Spans to regenerate. Overlapping or touching spans are merged; a span reaching past
  // the song's end is cut there; a span that starts at or after the end is refused.
  std::vector<TimeSpan> spans;
  // Continue the reference: everything from the reference's end to the song's end is
  // generated (spans are ignored). The request's length must exceed the reference's.
  bool continuation = false;
};

// Parses an edit-segment list as the official CLI takes it, "[[10,20],[30,-1]]", also
// with times written m:ss or m:ss.xx ("[[0:10,0:20],[1:30,-1]]"; quoted times are
// accepted too). Throws drs::Error(BadInput) naming the column and what was expected.
std::vector<TimeSpan> parse_time_spans(std::string_view text);

// The canonical text of a span list ("[[10,20],[30,-1]]"), which parse_time_spans
// reads back to the same values.
std::string format_time_spans(const std::vector<TimeSpan>& spans);

}  // namespace drs

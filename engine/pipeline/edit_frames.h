// From an edit request's time spans to the sampler's frame ranges (MODEL.md 3.2).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "drs/song_edit.h"

namespace drs {

using FrameRange = std::pair<int64_t, int64_t>;  // [first, end) latent frames

// Frames of a time as the official code computes them: trunc(seconds * 44100 / 2048).
int64_t frame_at(double seconds);

// The frames to regenerate in a song of `frames` frames: -1 starts are frame 0, -1 ends
// the song's end; ranges are cut at the song's end, sorted, and overlapping or touching
// ones merged. Throws drs::Error(BadInput) for no span, or for a span that starts at or
// after the song's end or covers no frame (both would silently regenerate nothing).
std::vector<FrameRange> edit_frame_ranges(const std::vector<TimeSpan>& spans, int64_t frames);

// The first frame at or after `available` (the reference's length) that is in no range,
// i.e. one an edit would have to keep but the reference does not have; -1 if none.
int64_t first_uncovered_kept_frame(const std::vector<FrameRange>& ranges, int64_t frames,
                                   int64_t available);

}  // namespace drs

#include "pipeline/edit_frames.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "drs/error.h"

namespace drs {
namespace {

std::string seconds_text(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f s", seconds);
  return buffer;
}

double seconds_of(int64_t frame) {
  return static_cast<double>(frame) * 2048.0 / 44100.0;
}

}  // namespace

int64_t frame_at(double seconds) {
  return static_cast<int64_t>(seconds * 44100.0 / 2048.0);
}

std::vector<FrameRange> edit_frame_ranges(const std::vector<TimeSpan>& spans, int64_t frames) {
  if (spans.empty()) throw Error(ErrorKind::BadInput, "edit: no span to regenerate");
  std::vector<FrameRange> ranges;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const auto& span = spans[i];
    const int64_t first = span.start == -1 ? 0 : frame_at(span.start);
    const int64_t end = span.end == -1 ? frames : std::min(frame_at(span.end), frames);
    const auto name = "edit span " + std::to_string(i + 1) + ": ";
    if (first >= frames)
      throw Error(ErrorKind::BadInput, name + "starts at " + seconds_text(span.start) +
                                           ", at or after the song's end (" +
                                           seconds_text(seconds_of(frames)) + ")");
    if (end <= first)
      throw Error(ErrorKind::BadInput,
                  name + "covers no whole latent frame (one frame is 2048 samples, 46.4 ms)");
    ranges.emplace_back(first, end);
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<FrameRange> merged;
  for (const auto& range : ranges) {
    if (!merged.empty() && range.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, range.second);
    else
      merged.push_back(range);
  }
  return merged;
}

int64_t first_uncovered_kept_frame(const std::vector<FrameRange>& ranges, int64_t frames,
                                   int64_t available) {
  int64_t frame = available;
  for (const auto& [first, end] : ranges) {
    if (end <= frame) continue;
    if (first > frame) break;
    frame = end;
  }
  return frame < frames ? frame : -1;
}

}  // namespace drs

#include "ui/edit_selection.h"

#include <algorithm>
#include <cmath>

namespace drs::ui {

std::vector<TimeSpan> normalized_spans(std::vector<TimeSpan> spans, double song_seconds,
                                       double min_seconds) {
  for (auto& span : spans) {
    if (span.end < span.start) std::swap(span.start, span.end);
    span.start = std::clamp(span.start, 0.0, song_seconds);
    span.end = std::clamp(span.end, 0.0, song_seconds);
  }
  std::erase_if(spans, [&](const TimeSpan& s) { return s.end - s.start < min_seconds; });
  std::sort(spans.begin(), spans.end(),
            [](const TimeSpan& a, const TimeSpan& b) { return a.start < b.start; });
  std::vector<TimeSpan> merged;
  for (const auto& span : spans) {
    if (!merged.empty() && span.start <= merged.back().end)
      merged.back().end = std::max(merged.back().end, span.end);
    else
      merged.push_back(span);
  }
  return merged;
}

std::vector<int> lines_in_spans(const LyricsAnalysis& analysis, const std::vector<TimeSpan>& spans,
                                double song_seconds) {
  constexpr double kSecondsPerFrame = 2048.0 / 44100.0;
  std::vector<int> lines;
  for (const auto& line : analysis.lines) {
    if (!line.placed) continue;
    const double begin = line.time;
    const double end = std::min(song_seconds, begin + line.frames_available * kSecondsPerFrame);
    const bool touched = std::any_of(spans.begin(), spans.end(), [&](const TimeSpan& span) {
      const double s = span.start < 0 ? 0 : span.start;
      const double e = span.end < 0 ? song_seconds : span.end;
      return s < end && begin < e;
    });
    if (touched) lines.push_back(line.line);
  }
  return lines;
}

GenerationRequest edit_request(GenerationRequest base, const QString& reference,
                               const std::vector<TimeSpan>& spans) {
  base.edit = SongEdit{reference.toStdString(), spans, false};
  return base;
}

GenerationRequest continue_request(GenerationRequest base, const QString& reference,
                                   double seconds) {
  base.seconds = seconds;
  base.edit = SongEdit{reference.toStdString(), {}, true};
  return base;
}

std::vector<int> continuation_lengths(const ModelInfo& info, double take_seconds) {
  std::vector<int> lengths;
  const int first = std::max(static_cast<int>(std::ceil(info.min_seconds)),
                             static_cast<int>(std::floor(take_seconds)) + 1);
  for (int s = first; s <= static_cast<int>(info.max_seconds); ++s) lengths.push_back(s);
  return lengths;
}

}  // namespace drs::ui

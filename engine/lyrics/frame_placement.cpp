#include "lyrics/frame_placement.h"

#include <algorithm>
#include <cmath>

namespace drs::lyrics {
namespace {

constexpr double kSampleRate = 44100.0;
constexpr double kSamplesPerFrame = 2048.0;
constexpr int kBaseFrames = 2048;

// trunc(t * 44100 / 2048) in double, evaluated in that order like the reference.
double frame_of(double seconds) {
  return std::trunc(seconds * kSampleRate / kSamplesPerFrame);
}

}  // namespace

int end_frame_for(int max_frames, double seconds) {
  if (max_frames == kBaseFrames) return kBaseFrames;
  const double frames = std::floor(seconds * kSampleRate / kSamplesPerFrame);
  if (!(frames > 0)) return 0;
  return static_cast<int>(std::min(frames, static_cast<double>(max_frames)));
}

std::vector<int64_t> frame_tokens_for_line(std::span<const int64_t> ids) {
  std::vector<int64_t> out(ids.begin(), ids.end());
  std::replace(out.begin(), out.end(), kPeriodToken, kCommaToken);
  out.push_back(kPeriodToken);
  return out;
}

FramePlan place_lines(std::span<const PlacementLine> lines, int max_frames, double seconds) {
  FramePlan plan;
  plan.end_frame = end_frame_for(max_frames, seconds);
  plan.frames.assign(static_cast<std::size_t>(plan.end_frame), 0);
  plan.lines.resize(lines.size());

  int last_kept = -1;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    plan.lines[i].in_time = lines[i].time < seconds;  // false for NaN
    plan.lines[i].tokens = static_cast<int>(lines[i].tokens.size()) + 1;
    if (plan.lines[i].in_time) last_kept = static_cast<int>(i);
  }
  // Base mode drops the last surviving line in file order (not the latest in time).
  if (max_frames == kBaseFrames && last_kept >= 0) plan.lines[last_kept].dropped_last = true;

  int last_end = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    LinePlacement& p = plan.lines[i];
    if (!p.in_time || p.dropped_last || std::isinf(lines[i].time)) continue;
    const double gt = frame_of(lines[i].time);
    p.gt_frame = static_cast<int>(std::clamp(gt, -1e9, 1e9));
    p.start = std::max(p.gt_frame, last_end);
    const auto tokens = frame_tokens_for_line(lines[i].tokens);
    p.length = std::clamp(plan.end_frame - p.start, 0, static_cast<int>(tokens.size()));
    if (p.length > 0) std::copy_n(tokens.begin(), p.length, plan.frames.begin() + p.start);
    p.placed = true;
    last_end = p.start + p.length;
  }
  return plan;
}

}  // namespace drs::lyrics

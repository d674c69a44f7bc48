// Token placement on the latent frame grid, exactly as the official get_lrc_token
// (MODEL.md §4.6): time filter, the 2048-frame last-line rule, one token per frame
// from each line's time, never overwriting (late lines are pushed back), cut at N.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace drs::lyrics {

struct PlacementLine {
  double time = 0;                  // seconds (may be NaN / inf)
  std::span<const int64_t> tokens;  // G2P ids of the line (without the end token)
};

struct LinePlacement {
  bool in_time = false;       // time < song length
  bool dropped_last = false;  // removed by the 2048-frame last-line rule
  bool placed = false;
  int gt_frame = 0;  // frame of the line's timestamp
  int start = 0;     // first frame written
  int length = 0;    // tokens written (after the cut at N)
  int tokens = 0;    // tokens incl. the end-of-line token
};

struct FramePlan {
  int end_frame = 0;
  std::vector<int64_t> frames;       // end_frame tokens, 0 = filler
  std::vector<LinePlacement> lines;  // one per input line
};

constexpr int64_t kCommaToken = 1;
constexpr int64_t kPeriodToken = 2;  // also the end-of-line token

int end_frame_for(int max_frames, double seconds);
// Token sequence the reference writes for a line: '.' -> ',' and a final '.'.
std::vector<int64_t> frame_tokens_for_line(std::span<const int64_t> ids);
FramePlan place_lines(std::span<const PlacementLine> lines, int max_frames, double seconds);

}  // namespace drs::lyrics

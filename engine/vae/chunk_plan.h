// Where the official chunked VAE decode/encode cuts a sequence and which part of
// each chunk it keeps (MODEL.md 6.2/6.3), in frames, independent of the network.
#pragma once

#include <cstdint>
#include <vector>

namespace drs {

struct ChunkSpan {
  int64_t start = 0;       // first input frame of the chunk
  int64_t length = 0;      // frames decoded in this chunk
  int64_t keep_begin = 0;  // first frame (relative to start) pasted into the output
  int64_t keep_end = 0;    // one past the last frame pasted
};

// Chunks of `chunk` frames with `overlap` frames shared by neighbours: starts every
// chunk - overlap frames while a whole chunk fits, then one chunk flush with the end
// if needed; overlap / 2 frames are dropped at every interior edge. A sequence not
// longer than one chunk is one chunk.
std::vector<ChunkSpan> plan_chunks(int64_t frames, int64_t chunk, int64_t overlap);

}  // namespace drs

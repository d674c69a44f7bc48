#include "vae/chunk_plan.h"

#include "drs/error.h"

namespace drs {

std::vector<ChunkSpan> plan_chunks(int64_t frames, int64_t chunk, int64_t overlap) {
  if (chunk <= 0 || overlap < 0 || overlap >= chunk)
    throw Error(ErrorKind::BadInput, "invalid VAE chunking: chunk " + std::to_string(chunk) +
                                         ", overlap " + std::to_string(overlap));
  if (frames <= chunk) return {{0, frames, 0, frames}};
  const int64_t hop = chunk - overlap;
  const int64_t trim = overlap / 2;
  std::vector<ChunkSpan> spans;
  for (int64_t start = 0; start + chunk <= frames; start += hop)
    spans.push_back({start, chunk, 0, chunk});
  if (spans.back().start + chunk != frames) spans.push_back({frames - chunk, chunk, 0, chunk});
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) spans[i].keep_begin = trim;
    if (i + 1 < spans.size()) spans[i].keep_end = chunk - trim;
  }
  return spans;
}

}  // namespace drs

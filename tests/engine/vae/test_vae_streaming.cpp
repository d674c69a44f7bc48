// Audio is handed out while a chunked decode runs: every stretch reported as finished
// must be exactly what the finished decode holds there, even where the final chunk
// (flush with the end) overwrites the tail of the one before it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "support/reference.h"
#include "vae/vae.h"

namespace {

struct Finished {
  int64_t begin = 0;
  at::Tensor audio;
};

void check_stream(const drs::Vae& vae, int64_t frames) {
  const auto latents = at::randn({1, 64, frames});
  std::vector<Finished> stream;
  int chunks_seen = 0;
  bool finished_before_chunk = true;
  const auto output = vae.decode_chunked(
      latents, {128, 32},
      [&](int chunk, int) {
        chunks_seen = chunk;
        if (stream.empty()) finished_before_chunk = false;
      },
      {},
      [&](int64_t begin, const at::Tensor& done) {
        stream.push_back({begin, done.clone()});
      });
  EXPECT_TRUE(finished_before_chunk);
  int64_t next = 0;
  double worst = 0;
  for (const auto& piece : stream) {
    EXPECT_EQ(piece.begin, next) << "stretches must be contiguous and in order";
    const auto length = piece.audio.size(-1);
    ASSERT_GT(length, 0);
    worst = std::max(
        worst, (output.narrow(-1, piece.begin, length) - piece.audio).abs().max().item<double>());
    next = piece.begin + length;
  }
  EXPECT_EQ(next, output.size(-1));
  EXPECT_LE(static_cast<int>(stream.size()), chunks_seen);
  std::printf("%lld frames: %zu finished stretches in %d chunks, max change after release %.3g\n",
              static_cast<long long>(frames), stream.size(), chunks_seen, worst);
  EXPECT_EQ(worst, 0.0);
}

TEST(VaeStreaming, FinishedStretchesAreFinalAndCoverTheOutput) {
  const auto fixtures = drs::test::find_fixtures("vae");
  ASSERT_FALSE(fixtures.empty());
  const auto& fx = fixtures.front();
  const drs::Vae vae(fx.dir() / fx.json.at("model").get<std::string>(), at::kCPU);
  check_stream(vae, 100);  // one chunk
  check_stream(vae, 320);  // whole chunks only
  check_stream(vae, 300);  // a final chunk flush with the end overlapping its neighbour
}

}  // namespace

#include <gtest/gtest.h>

#include "drs/error.h"
#include "vae/chunk_plan.h"

TEST(ChunkPlan, ShortSequenceIsOneWholeChunk) {
  const auto spans = drs::plan_chunks(20, 128, 32);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].length, 20);
  EXPECT_EQ(spans[0].keep_begin, 0);
  EXPECT_EQ(spans[0].keep_end, 20);
}

TEST(ChunkPlan, RegularChunksTileTheOutputExactly) {
  // 128 + 2*96 = 320 frames: three regular chunks, the last one ends at the end.
  const auto spans = drs::plan_chunks(320, 128, 32);
  ASSERT_EQ(spans.size(), 3u);
  int64_t covered = 0;
  for (const auto& s : spans) {
    EXPECT_EQ(s.start + s.keep_begin, covered);
    covered = s.start + s.keep_end;
  }
  EXPECT_EQ(covered, 320);
  EXPECT_EQ(spans[1].start, 96);
  EXPECT_EQ(spans[1].keep_begin, 16);
  EXPECT_EQ(spans[1].keep_end, 112);
}

TEST(ChunkPlan, FinalChunkIsFlushWithTheEnd) {
  // Regular starts 0 and 96 (96 + 128 = 224 <= 230), then one chunk ending at 230.
  const auto spans = drs::plan_chunks(230, 128, 32);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[1].start, 96);
  EXPECT_EQ(spans[1].keep_end, 112);
  EXPECT_EQ(spans[2].start, 230 - 128);
  EXPECT_EQ(spans[2].keep_begin, 16);
  EXPECT_EQ(spans[2].keep_end, 128);
}

TEST(ChunkPlan, RejectsNonsense) {
  EXPECT_THROW(drs::plan_chunks(100, 0, 0), drs::Error);
  EXPECT_THROW(drs::plan_chunks(100, 32, 32), drs::Error);
}

#include <gtest/gtest.h>

#include "audio/postprocess.h"

TEST(Postprocess, PeakNormalisesOverBothChannelsAndJoinsTheBatchInTime) {
  auto audio = at::zeros({2, 2, 3});
  audio[0][0][0] = 0.5;
  audio[0][1][2] = -2.0;  // the peak, in the right channel of take 0
  audio[1][0][1] = 1.0;
  const auto out = drs::postprocess_official(audio);
  ASSERT_EQ(out.size(), 12u);      // 6 frames x 2 channels
  EXPECT_FLOAT_EQ(out[0], 0.25f);  // frame 0 left
  EXPECT_FLOAT_EQ(out[5], -1.0f);  // frame 2 right
  EXPECT_FLOAT_EQ(out[8], 0.5f);   // take 1 frame 1 -> joined frame 4, left
}

TEST(Postprocess, SilenceStaysSilentInsteadOfNaN) {
  const auto out = drs::postprocess_official(at::zeros({1, 2, 8}));
  for (const float x : out) EXPECT_EQ(x, 0.0f);
}

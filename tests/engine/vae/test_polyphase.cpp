// The decoder's up-sampling computed as a kernel-2 convolution over phases equals
// ConvTranspose1d (kernel 2s, stride s) for every stride and padding it accepts, and it
// refuses the paddings it cannot do (OobleckConv then keeps conv_transpose1d).
#include <gtest/gtest.h>

#include "vae/polyphase.h"
#include "vae/time_major.h"

namespace {

TEST(Polyphase, EqualsConvTranspose1d) {
  at::manual_seed(3);
  for (int64_t s = 1; s <= 8; ++s) {
    for (int64_t padding = (s + 1) / 2; padding <= s; ++padding) {
      ASSERT_TRUE(drs::PolyphaseUpsample::supported(2 * s, s, padding));
      for (const bool with_bias : {true, false}) {
        const auto x = at::randn({2, 5, 11});
        const auto w = at::randn({5, 3, 2 * s});
        const auto b = with_bias ? at::randn({3}) : at::Tensor();
        const auto want = at::conv_transpose1d(x, w, b, s, padding);
        const auto got = drs::PolyphaseUpsample(w, b, s, padding).forward(x);
        ASSERT_EQ(got.sizes(), want.sizes()) << "stride " << s << " padding " << padding;
        EXPECT_LE((got - want).abs().max().item<double>(), 1e-5)
            << "stride " << s << " padding " << padding << " bias " << with_bias;
      }
    }
  }
}

TEST(Polyphase, TimeMajorEqualsConvTranspose1d) {
  at::manual_seed(4);
  for (int64_t s = 1; s <= 8; ++s) {
    for (int64_t padding = (s + 1) / 2; padding <= s; ++padding) {
      for (const int64_t batch : {1, 2}) {
        const auto x = at::randn({batch, 5, 11});
        const auto w = at::randn({5, 3, 2 * s});
        const auto b = at::randn({3});
        const auto want = at::conv_transpose1d(x, w, b, s, padding);
        const auto got = drs::PolyphaseUpsample(w, b, s, padding, /*time_major=*/true)
                             .forward(drs::to_time_major(x));
        ASSERT_EQ(got.dim(), 4);
        EXPECT_TRUE(got.is_contiguous(at::MemoryFormat::ChannelsLast));
        const auto flat = drs::from_time_major(got);
        ASSERT_EQ(flat.sizes(), want.sizes()) << "stride " << s << " padding " << padding;
        EXPECT_LE((flat - want).abs().max().item<double>(), 1e-5)
            << "stride " << s << " padding " << padding << " batch " << batch;
      }
    }
  }
}

TEST(Polyphase, RefusesOtherShapes) {
  EXPECT_FALSE(drs::PolyphaseUpsample::supported(8, 4, 1));  // padding < s/2
  EXPECT_FALSE(drs::PolyphaseUpsample::supported(8, 4, 5));  // padding > s
  EXPECT_FALSE(drs::PolyphaseUpsample::supported(7, 4, 2));  // kernel != 2s
}

TEST(Polyphase, RunsInBfloat16) {
  const auto x = at::randn({1, 4, 9});
  const auto w = at::randn({4, 6, 8});
  const auto want = at::conv_transpose1d(x, w, {}, 4, 2);
  const auto got =
      drs::PolyphaseUpsample(w.to(at::kBFloat16), {}, 4, 2).forward(x.to(at::kBFloat16));
  EXPECT_LE((got.to(at::kFloat) - want).abs().max().item<double>(),
            0.05 * want.abs().max().item<double>());
}

}  // namespace

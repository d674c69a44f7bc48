// The int8 path's bfloat16 position convolutions: run on the activations' own [B, N, dim]
// storage as a channels-last image, they add what the float32 convolutions add within
// bfloat16 rounding (a wrong layout would be off by the whole signal), and are taken only
// when asked for.
#include <gtest/gtest.h>

#include "dit/input_embedding.h"
#include "dit/random_weights.h"
#include "drs/error.h"
#include "small_dit.h"

namespace {

double relative_error(const at::Tensor& a, const at::Tensor& b) {
  const auto a64 = a.to(at::kDouble), b64 = b.to(at::kDouble);
  return ((a64 - b64).norm() / b64.norm()).item<double>();
}

TEST(InputEmbedding, Bf16PositionConvolutionsAddWhatFloat32OnesAddWithinRounding) {
  const auto config = drs::test::small_dit_config(256);
  const auto options = at::TensorOptions().dtype(at::kFloat);
  auto exact_weights = drs::random_dit_weights(config, 21);
  auto reduced_weights = drs::random_dit_weights(config, 21);
  const drs::InputEmbedding exact(config, exact_weights, options, false);
  const drs::InputEmbedding reduced(config, reduced_weights, options, true);

  at::manual_seed(5);
  const int64_t frames = 97;
  const auto cond = at::randn({2, frames, config.mel_dim}), text = at::randn({2, frames, 512}),
             style = at::randn({2, 512}), x = at::randn({2, frames, config.mel_dim}),
             c = at::randn({2, 512});
  const auto static_part = exact.static_part(cond, text, style);
  const auto with_exact = exact.forward(static_part, x, c);
  const auto with_reduced = reduced.forward(static_part, x, c);
  ASSERT_EQ(with_reduced.sizes(), with_exact.sizes());
  EXPECT_EQ(with_reduced.scalar_type(), at::kFloat);

  // The projection alone (columns [x | cond | text | style | c]): what both add to.
  const auto& proj = exact_weights.all().at("transformer.input_embed.proj.weight");
  const int64_t mel = config.mel_dim, c_at = 2 * mel + 2 * 512;
  const auto h = static_part + at::linear(x, proj.slice(1, 0, mel)) +
                 at::linear(c, proj.slice(1, c_at, c_at + 512)).unsqueeze(1);
  const double error = relative_error(with_reduced - h, with_exact - h);
  std::printf("position convolutions in bfloat16: %.2e from float32 (relative L2)\n", error);
  EXPECT_LT(error, 2e-2);
  EXPECT_GT(error, 1e-6);  // the bfloat16 path ran
  EXPECT_TRUE(at::equal(exact.forward(static_part, x, c), with_exact));
}

TEST(InputEmbedding, Bf16PositionConvolutionsOnlyOnFloat32Activations) {
  const auto config = drs::test::small_dit_config(64);
  auto weights = drs::random_dit_weights(config, 1);
  EXPECT_THROW(drs::InputEmbedding(config, weights, at::TensorOptions().dtype(at::kBFloat16), true),
               drs::Error);
}

}  // namespace

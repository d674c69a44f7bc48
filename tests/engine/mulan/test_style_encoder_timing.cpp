// Speed of a real-size text tower (XLM-R base 12 x 768 + 8-layer MuLan head) with random
// weights: printed for the record, never asserted (the benchmarks own speed).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "mulan/demo_support.h"
#include "mulan/style_encoder.h"
#include "support/temp_dir.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

TEST(StyleEncoderTiming, RealSizeTowerEncodesA30TokenPrompt) {
  drs::StyleEncoderConfig config;  // defaults are XLM-R base and the MuQ-MuLan head
  const auto pieces = drs::demo_tokenizer_pieces();
  // The embedding table's height costs memory, not time: the demo vocabulary keeps
  // the test light while every matrix multiply has its real size.
  config.xlmr.vocab_size = drs::xlmr_vocab_size_for(pieces.size());
  const drs::test::TempDir dir("style-timing");
  drs::write_sentencepiece_model(dir / "spm.model", pieces);

  auto t0 = Clock::now();
  auto weights = drs::random_style_encoder_weights(config, 11);
  const auto make_ms = ms_since(t0);
  t0 = Clock::now();
  const drs::StyleEncoder encoder(config, weights, dir / "spm.model");
  const auto bind_ms = ms_since(t0);

  std::string prompt = "energetic pop";
  while (encoder.tokenize(prompt).size() < 30) prompt += " rock";
  const auto tokens = encoder.tokenize(prompt).size();

  auto embedding = encoder.embed(prompt);  // warm-up (allocator, thread pool)
  constexpr int kRuns = 5;
  t0 = Clock::now();
  for (int i = 0; i < kRuns; ++i) embedding = encoder.embed(prompt);
  const auto embed_ms = ms_since(t0) / kRuns;

  std::printf(
      "style encoder real size (xlmr %lldx%lld, mulan %lldx%lld): random weights %.0f ms, "
      "bind %.0f ms, embed %zu tokens %.1f ms (mean of %d)\n",
      static_cast<long long>(config.xlmr.num_hidden_layers),
      static_cast<long long>(config.xlmr.hidden_size), static_cast<long long>(config.text.tf_depth),
      static_cast<long long>(config.text.dim), make_ms, bind_ms, tokens, embed_ms, kRuns);
  ASSERT_EQ(embedding.sizes(), (std::vector<int64_t>{1, 512}));
  EXPECT_NEAR(embedding.norm().item<double>(), 1.0, 1e-5);
}

}  // namespace

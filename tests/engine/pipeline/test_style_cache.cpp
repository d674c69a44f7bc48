// The pipeline's style prompt cache: embeddings survive a restart (a second Engine on
// the same cache folder never loads the text encoder for a prompt already encoded),
// keep their truncation warning, and fall back to memory when the folder is unusable.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "drs/engine.h"
#include "support/temp_dir_test.h"

namespace {

namespace fs = std::filesystem;

drs::GenerationRequest request_for(const std::string& style) {
  drs::GenerationRequest r;
  r.lyrics = "[00:01.00]Hello cache\n";
  r.style = style;
  r.sampling = {3, 2.0f, -1.0f};  // 2 steps: the style stage is what is under test
  r.seed = 11;
  return r;
}

// Seconds from the Style stage to the next stage: the style embedding's cost.
struct Timed {
  drs::GenerationResult result;
  double style_seconds = 0;
};

Timed generate_timed(drs::Engine& engine, const drs::GenerationRequest& request) {
  double style_started = -1, style_ended = -1;
  Timed timed;
  timed.result = engine.generate(request, [&](const drs::Progress& p) {
    if (p.stage == drs::Stage::Style) style_started = p.elapsed_seconds;
    if (p.stage == drs::Stage::Sampling && style_started >= 0 && style_ended < 0)
      style_ended = p.elapsed_seconds;
  });
  timed.style_seconds = style_ended - style_started;
  return timed;
}

bool has_truncation_warning(const drs::GenerationResult& result) {
  for (const auto& w : result.warnings)
    if (w.find("style prompt is longer than") != std::string::npos) return true;
  return false;
}

// dir_ is the cache folder.
class StyleCache : public drs::test::TempDirTest {
 protected:
  [[nodiscard]] drs::EngineOptions options(const fs::path& cache_dir) const {
    drs::EngineOptions o{DRS_TEST_DEMO_DIR, drs::Device::Cpu};
    o.cache_dir = cache_dir;
    return o;
  }
};

TEST_F(StyleCache, ASecondEngineReusesTheEmbeddingWithoutLoadingTheEncoder) {
  const auto request = request_for("upbeat pop, female vocals");
  drs::Engine first(options(dir_));
  EXPECT_EQ(first.info().style_cache, (dir_ / "style-embeddings").string());
  const auto miss = generate_timed(first, request);
  ASSERT_EQ(miss.result.outcome, drs::Outcome::Succeeded) << miss.result.error;
  EXPECT_EQ(first.info().style_encoder_loads, 1);
  EXPECT_EQ(first.info().model_loads, 3);  // DiT, VAE, text encoder

  drs::Engine second(options(dir_));  // a restart: nothing in memory
  const auto hit = generate_timed(second, request);
  ASSERT_EQ(hit.result.outcome, drs::Outcome::Succeeded) << hit.result.error;
  EXPECT_EQ(second.info().style_encoder_loads, 0);
  EXPECT_EQ(second.info().model_loads, 2);  // DiT and VAE only
  ASSERT_EQ(hit.result.takes.size(), 1u);
  EXPECT_EQ(hit.result.takes[0].audio, miss.result.takes[0].audio);  // the same embedding
  std::printf("style stage: %.2f ms encoding (demo encoder load + forward), %.2f ms cache hit\n",
              1e3 * miss.style_seconds, 1e3 * hit.style_seconds);

  // A prompt the cache has not seen still goes through the encoder.
  ASSERT_EQ(second.generate(request_for("dark techno"), {}).outcome, drs::Outcome::Succeeded);
  EXPECT_EQ(second.info().style_encoder_loads, 1);
}

TEST_F(StyleCache, ACachedOverLongPromptKeepsItsTruncationWarning) {
  std::string prompt;
  for (int i = 0; i < 400; ++i) prompt += "pop rock ";
  const auto request = request_for(prompt);
  drs::Engine first(options(dir_));
  const auto computed = first.generate(request, {});
  ASSERT_EQ(computed.outcome, drs::Outcome::Succeeded) << computed.error;
  EXPECT_TRUE(has_truncation_warning(computed));
  // The same engine again (memory hit), then a restart (disk hit).
  EXPECT_TRUE(has_truncation_warning(first.generate(request, {})));
  drs::Engine second(options(dir_));
  EXPECT_TRUE(has_truncation_warning(second.generate(request, {})));
  EXPECT_EQ(second.info().style_encoder_loads, 0);
  // A short prompt carries no stale warning from the entry before it.
  EXPECT_FALSE(has_truncation_warning(second.generate(request_for("jazz"), {})));
}

TEST_F(StyleCache, AnUnusableFolderLeavesTheCacheInMemory) {
  std::ofstream(dir_ / "a-file") << "not a folder";
  drs::Engine engine(options(dir_ / "a-file"));  // no folder can be made below a file
  EXPECT_TRUE(engine.info().style_cache.empty());
  const auto request = request_for("lofi hip hop");
  ASSERT_EQ(engine.generate(request, {}).outcome, drs::Outcome::Succeeded);
  ASSERT_EQ(engine.generate(request, {}).outcome, drs::Outcome::Succeeded);
  EXPECT_EQ(engine.info().style_encoder_loads, 1);
}

TEST(StyleCacheDefault, FollowsXdgCacheHome) {
  const char* saved = std::getenv("XDG_CACHE_HOME");
  const std::string before = saved ? saved : "";
  ::setenv("XDG_CACHE_HOME", "/somewhere/cache", 1);
  EXPECT_EQ(drs::default_cache_dir(), fs::path("/somewhere/cache/diffrhythm-studio"));
  if (saved)
    ::setenv("XDG_CACHE_HOME", before.c_str(), 1);
  else
    ::unsetenv("XDG_CACHE_HOME");
}

}  // namespace

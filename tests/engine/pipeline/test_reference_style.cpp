// A reference song as the style through drs::Engine: the embedding is cached by the
// file's content and the clip (a renamed copy needs no encoder, another clip does, a
// second Engine on the same cache folder reads it from disk), and the result equals the
// cached run's take.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "drs/audio_file.h"
#include "drs/engine.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

drs::GenerationRequest request_for(const fs::path& reference, std::optional<double> clip) {
  drs::GenerationRequest r;
  r.lyrics = "[00:01.00]Hello reference\n";
  r.style_audio = drs::ReferenceStyle{reference, clip};
  r.sampling = {3, 2.0f, -1.0f};  // 2 steps: the style stage is what is under test
  r.seed = 11;
  return r;
}

TEST(ReferenceStyle, EmbeddingsAreCachedByFileContentAndClip) {
  const drs::test::TempDir temp("ref-style");
  const fs::path& dir = temp.path();
  std::vector<float> tone(static_cast<std::size_t>(12 * 32000));
  for (std::size_t i = 0; i < tone.size(); ++i)
    tone[i] = 0.4f * static_cast<float>(std::sin(0.07 * static_cast<double>(i)));
  drs::write_audio_file(dir / "a.flac", tone, 1, 32000, drs::AudioFormat::Flac16);
  fs::copy_file(dir / "a.flac", dir / "renamed.flac");

  drs::EngineOptions options{DRS_TEST_DEMO_DIR, drs::Device::Cpu};
  options.cache_dir = dir / "cache";
  drs::Engine engine(options);
  const auto first = engine.generate(request_for(dir / "a.flac", std::nullopt), {}, {});
  ASSERT_EQ(first.outcome, drs::Outcome::Succeeded) << first.error;
  const int loads = engine.info().style_encoder_loads;
  EXPECT_GE(loads, 1);

  const auto renamed = engine.generate(request_for(dir / "renamed.flac", std::nullopt), {}, {});
  ASSERT_EQ(renamed.outcome, drs::Outcome::Succeeded) << renamed.error;
  EXPECT_EQ(engine.info().style_encoder_loads, loads) << "same content: no encoder";
  EXPECT_EQ(renamed.takes.at(0).audio, first.takes.at(0).audio);

  const auto other_clip = engine.generate(request_for(dir / "a.flac", 1.5), {}, {});
  ASSERT_EQ(other_clip.outcome, drs::Outcome::Succeeded) << other_clip.error;
  EXPECT_EQ(engine.info().style_encoder_loads, loads + 1) << "another clip: encoded";

  drs::Engine restarted(options);
  const auto again = restarted.generate(request_for(dir / "a.flac", std::nullopt), {}, {});
  ASSERT_EQ(again.outcome, drs::Outcome::Succeeded) << again.error;
  EXPECT_EQ(restarted.info().style_encoder_loads, 0) << "read from the disk cache";
  EXPECT_EQ(again.takes.at(0).audio, first.takes.at(0).audio);

  auto both = request_for(dir / "a.flac", std::nullopt);
  both.style = "pop";
  const auto refused = engine.generate(both, {}, {});
  EXPECT_EQ(refused.outcome, drs::Outcome::Failed);
  EXPECT_EQ(refused.error_kind, drs::ErrorKind::BadInput);
}

}  // namespace

// Listen-in (drs/listen_in.h): previews of the sampler's clean estimate while a run
// samples, on the demo set; they never change the takes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "drs/engine.h"
#include "drs/listen_in.h"
#include "pipeline/listen_in_preview.h"
#include "support/temp_dir.h"

namespace {

constexpr int64_t kHop = 2048;
constexpr int kRate = 44100;

int64_t frames_of(double seconds) {
  return std::llround(seconds * kRate / static_cast<double>(kHop));
}

TEST(PreviewFrames, CentresTheWindowAndKeepsItInsideTheSong) {
  const auto middle = drs::preview_frames({40.0, 10.0, 0}, 2048, kHop, kRate);
  EXPECT_EQ(middle.count, frames_of(10.0));
  EXPECT_EQ(middle.first, std::llround(40.0 * kRate / kHop - middle.count / 2.0));

  const auto start = drs::preview_frames({1.0, 10.0, 0}, 2048, kHop, kRate);
  EXPECT_EQ(start.first, 0);
  const auto end = drs::preview_frames({94.0, 10.0, 0}, 2048, kHop, kRate);
  EXPECT_EQ(end.first + end.count, 2048);
  const auto past = drs::preview_frames({500.0, 10.0, 0}, 2048, kHop, kRate);
  EXPECT_EQ(past.first + past.count, 2048);
}

TEST(PreviewFrames, OddWindowsStayUsable) {
  const auto whole = drs::preview_frames({10.0, 1000.0, 0}, 300, kHop, kRate);
  EXPECT_EQ(whole.first, 0);
  EXPECT_EQ(whole.count, 300);
  const auto tiny = drs::preview_frames({10.0, 0.0, 0}, 300, kHop, kRate);
  EXPECT_GE(tiny.count, 1);
  const auto nan = drs::preview_frames(
      {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(), 0}, 300,
      kHop, kRate);
  EXPECT_EQ(nan.first, 0);
  EXPECT_GE(nan.count, 1);
}

drs::GenerationRequest request() {
  drs::GenerationRequest r;
  r.lyrics = "[00:01.00]Hello world\n[00:20.00]Listen in\n";
  r.style = "calm piano";
  r.sampling = {5, 2.0f, -1.0f};  // 4 steps
  r.seed = 11;
  return r;
}

class ListenIn : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cache_ = std::make_unique<drs::test::TempDir>("listen-in-cache");
    drs::EngineOptions options{DRS_TEST_DEMO_DIR, drs::Device::Cpu};
    options.cache_dir = cache_->path();
    options.journal_runs = false;
    engine_ = std::make_unique<drs::Engine>(options);
    plain_ = engine_->generate(request(), {});
    ASSERT_EQ(plain_.outcome, drs::Outcome::Succeeded) << plain_.error;
  }
  static void TearDownTestSuite() {
    engine_.reset();
    cache_.reset();
  }
  static std::unique_ptr<drs::test::TempDir> cache_;
  static std::unique_ptr<drs::Engine> engine_;
  static drs::GenerationResult plain_;
};
std::unique_ptr<drs::test::TempDir> ListenIn::cache_;
std::unique_ptr<drs::Engine> ListenIn::engine_;
drs::GenerationResult ListenIn::plain_;

TEST_F(ListenIn, AWaitingRequestIsServedAfterTheFirstStepAndTheTakeIsUnchanged) {
  auto r = request();
  r.listen_in = std::make_shared<drs::ListenIn>();
  r.listen_in->request({30.0, 10.0, 0});
  std::vector<std::shared_ptr<const drs::PreviewAudio>> previews;
  std::vector<drs::Stage> stage_of_preview;
  const auto result = engine_->generate(r, [&](const drs::Progress& p) {
    if (!p.preview) return;
    previews.push_back(p.preview);
    stage_of_preview.push_back(p.stage);
  });
  ASSERT_EQ(result.outcome, drs::Outcome::Succeeded) << result.error;
  ASSERT_EQ(previews.size(), 1u);
  const auto& preview = *previews[0];
  EXPECT_EQ(stage_of_preview[0], drs::Stage::Sampling);
  EXPECT_EQ(preview.step, 1);
  EXPECT_EQ(preview.steps, 4);
  EXPECT_EQ(preview.channels, 2);
  EXPECT_EQ(preview.sample_rate, kRate);
  const auto window = drs::preview_frames({30.0, 10.0, 0}, 2048, kHop, kRate);
  EXPECT_EQ(preview.frames(), window.count * kHop);
  EXPECT_NEAR(preview.start_seconds, static_cast<double>(window.first * kHop) / kRate, 1e-9);
  EXPECT_GT(preview.decode_seconds, 0.0);
  float peak = 0;
  for (float s : preview.samples) {
    ASSERT_TRUE(std::isfinite(s));
    peak = std::max(peak, std::abs(s));
  }
  EXPECT_NEAR(peak, 1.0f, 1e-6);  // peak-normalised over the window
  EXPECT_FALSE(r.listen_in->pending());

  ASSERT_EQ(result.takes.size(), 1u);
  EXPECT_EQ(result.takes[0].audio, plain_.takes[0].audio);  // bit for bit
  EXPECT_EQ(result.takes[0].latent, plain_.takes[0].latent);
}

TEST_F(ListenIn, ARequestDuringTheRunIsServedAtTheNextStepOnlyOnce) {
  auto r = request();
  r.listen_in = std::make_shared<drs::ListenIn>();
  auto listen_in = r.listen_in;
  std::vector<int> preview_steps;
  const auto result = engine_->generate(r, [&](const drs::Progress& p) {
    if (p.preview) preview_steps.push_back(p.preview->step);
    // Asked twice while step 2 runs: the newer request replaces the older one.
    if (p.stage == drs::Stage::Sampling && p.step == 1 && p.step_seconds > 0) {
      listen_in->request({5.0, 4.0, 0});
      listen_in->request({90.0, 4.0, 0});
    }
  });
  ASSERT_EQ(result.outcome, drs::Outcome::Succeeded) << result.error;
  EXPECT_EQ(preview_steps, std::vector<int>{2});
  EXPECT_EQ(result.takes[0].audio, plain_.takes[0].audio);
}

TEST_F(ListenIn, NoRequestNoPreviewAndCancelLeavesNothingBehind) {
  auto r = request();
  r.listen_in = std::make_shared<drs::ListenIn>();
  r.listen_in->request({30.0, 10.0, 0});
  r.listen_in->cancel();
  std::stop_source stop;
  int previews = 0;
  const auto result = engine_->generate(
      r,
      [&](const drs::Progress& p) {
        previews += p.preview ? 1 : 0;
        if (p.stage == drs::Stage::Sampling && p.step == 2) stop.request_stop();
      },
      stop.get_token());
  EXPECT_EQ(previews, 0);
  EXPECT_EQ(result.outcome, drs::Outcome::Cancelled);
}

}  // namespace

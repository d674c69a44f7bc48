// The whole pipeline on the demo model set: lyrics -> style -> sampling -> decoding.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/torch_compat.h"
#include "drs/engine.h"
#include "drs/run_journal.h"
#include "pipeline/run_journal_file.h"
#include "support/temp_dir.h"

namespace {

const char* kLyrics =
    "[00:01.00]Hello world, this is a test\n"
    "[00:05.50]Singing in the morning light\n"
    "[00:10.00]\n"
    "[00:12.00]The end\n";

drs::GenerationRequest quick_request() {
  drs::GenerationRequest r;
  r.lyrics = kLyrics;
  r.style = "upbeat pop, female vocals";
  r.seconds = 95;
  r.sampling = {3, 2.0f, -1.0f};  // 2 steps: enough to exercise every stage quickly
  r.seed = 7;
  return r;
}

class EngineDemo : public ::testing::Test {
 protected:
  // `request` run until its first sampler step has finished, then cancelled.
  static drs::GenerationResult cancelled_after_first_step(const drs::GenerationRequest& request) {
    std::stop_source stop;
    return engine_->generate(
        request,
        [&](const drs::Progress& p) {
          if (p.stage == drs::Stage::Sampling && p.step == 1 && p.step_seconds > 0)
            stop.request_stop();
        },
        stop.get_token());
  }

  // A private prompt cache folder: the tests must not write into the user's cache.
  static void SetUpTestSuite() {
    cache_ = new drs::test::TempDir("engine-demo-cache");
    drs::EngineOptions options{DRS_TEST_DEMO_DIR, drs::Device::Cpu};
    options.cache_dir = cache_->path();
    engine_ = new drs::Engine(options);
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
    delete cache_;
    cache_ = nullptr;
  }
  static drs::test::TempDir* cache_;
  static drs::Engine* engine_;
};
drs::test::TempDir* EngineDemo::cache_ = nullptr;
drs::Engine* EngineDemo::engine_ = nullptr;

TEST_F(EngineDemo, GeneratesASongOfExactlyTheModelLengthWithProgressForEveryStepAndChunk) {
  ASSERT_TRUE(engine_->info().is_demo);
  std::vector<drs::Progress> events;
  const auto result =
      engine_->generate(quick_request(), [&](const drs::Progress& p) { events.push_back(p); });
  ASSERT_EQ(result.outcome, drs::Outcome::Succeeded) << result.error;
  ASSERT_EQ(result.takes.size(), 1u);
  const auto& take = result.takes[0];
  EXPECT_EQ(take.channels, 2);
  EXPECT_EQ(take.sample_rate, 44100);
  EXPECT_EQ(take.frames(), 2048u * 2048u);  // base model: 2048 latent frames x 2048 samples
  EXPECT_EQ(take.seed, 7u);
  const auto peak = std::max_element(take.audio.begin(), take.audio.end(),
                                     [](float a, float b) { return std::abs(a) < std::abs(b); });
  EXPECT_NEAR(std::abs(*peak), 1.0f, 1e-6);  // peak-normalised

  int completed_steps = 0, chunks = 0, last_chunk = 0;
  double last_elapsed = 0;
  for (const auto& p : events) {
    EXPECT_GE(p.elapsed_seconds, last_elapsed);
    last_elapsed = p.elapsed_seconds;
    if (p.stage == drs::Stage::Sampling && p.step_seconds > 0) {
      EXPECT_EQ(p.step, ++completed_steps);
    }
    if (p.stage == drs::Stage::Decoding && p.step > 0) {
      EXPECT_EQ(p.step, last_chunk + 1);
      last_chunk = p.step;
      chunks = p.steps;
    }
  }
  EXPECT_EQ(completed_steps, 2);
  EXPECT_EQ(last_chunk, chunks);
  EXPECT_EQ(chunks, 21);  // 2048 frames in 128-frame chunks with hop 96
  EXPECT_EQ(events.back().stage, drs::Stage::Done);
}

TEST_F(EngineDemo, ModelsStayLoadedAndSeedsReproduceTakes) {
  auto request = quick_request();
  const auto first = engine_->generate(request, {});
  const int loads = engine_->info().model_loads;
  request.takes = 2;
  const auto second = engine_->generate(request, {});
  EXPECT_EQ(engine_->info().model_loads, loads);  // nothing re-read from disk
  ASSERT_EQ(second.outcome, drs::Outcome::Succeeded) << second.error;
  ASSERT_EQ(second.takes.size(), 2u);
  EXPECT_EQ(second.takes[0].seed, 7u);
  EXPECT_EQ(second.takes[1].seed, 8u);
  // Same seed, same take (up to float rounding: batch 2 runs other GEMM shapes).
  const auto max_diff = [](const std::vector<float>& a, const std::vector<float>& b) {
    float worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
    return worst;
  };
  ASSERT_EQ(second.takes[0].audio.size(), first.takes[0].audio.size());
  EXPECT_LT(max_diff(second.takes[0].audio, first.takes[0].audio), 1e-4f);
  EXPECT_GT(max_diff(second.takes[1].audio, second.takes[0].audio), 0.1f);
  // At the same batch size a seed reproduces a take bit for bit.
  EXPECT_EQ(engine_->generate(request, {}).takes[1].audio, second.takes[1].audio);
}

// Every decoded chunk's finished audio arrives in order while the VAE works, one take
// after the other; scaled by the take's final peak it is the take itself.
TEST_F(EngineDemo, DecodedAudioArrivesInOrderAndAddsUpToEachTake) {
  auto request = quick_request();
  request.takes = 2;
  std::vector<std::vector<std::shared_ptr<const drs::AudioChunk>>> chunks(2);
  bool chunk_outside_decoding = false;
  const auto result = engine_->generate(request, [&](const drs::Progress& p) {
    if (!p.audio) return;
    if (p.stage != drs::Stage::Decoding || p.step == 0) chunk_outside_decoding = true;
    chunks.at(static_cast<std::size_t>(p.audio->take)).push_back(p.audio);
  });
  ASSERT_EQ(result.outcome, drs::Outcome::Succeeded) << result.error;
  EXPECT_FALSE(chunk_outside_decoding);
  for (std::size_t k = 0; k < 2; ++k) {
    const auto& take = result.takes[k];
    ASSERT_GT(chunks[k].size(), 1u) << "take " << k;
    std::vector<float> joined;
    float peak = 0;
    for (const auto& chunk : chunks[k]) {
      EXPECT_EQ(chunk->first_frame, static_cast<std::int64_t>(joined.size() / 2));
      EXPECT_EQ(chunk->total_frames, static_cast<std::int64_t>(take.frames()));
      EXPECT_GE(chunk->peak, peak);  // the running peak never falls
      peak = chunk->peak;
      joined.insert(joined.end(), chunk->samples.begin(), chunk->samples.end());
    }
    EXPECT_TRUE(chunks[k].back()->completes_take());
    EXPECT_FALSE(chunks[k].front()->completes_take());
    ASSERT_EQ(joined.size(), take.audio.size());
    float worst = 0;
    for (std::size_t i = 0; i < joined.size(); ++i)
      worst = std::max(worst, std::abs(joined[i] / peak - take.audio[i]));
    std::printf("take %zu: %zu chunks, max |chunks / peak - take| = %.3g\n", k, chunks[k].size(),
                static_cast<double>(worst));
    EXPECT_LT(worst, 1e-6f);
  }
}

// A run cancelled after its first step keeps its journal; resuming it gives the
// takes of the uninterrupted run bit for bit, and a finished run leaves no journal.
TEST_F(EngineDemo, ACancelledRunResumesBitForBit) {
  auto request = quick_request();
  request.sampling.grid_points = 4;  // 3 steps
  const auto whole = engine_->generate(request, {});
  ASSERT_EQ(whole.outcome, drs::Outcome::Succeeded) << whole.error;
  EXPECT_TRUE(whole.journal.empty());

  const auto cancelled = cancelled_after_first_step(request);
  ASSERT_EQ(cancelled.outcome, drs::Outcome::Cancelled);
  ASSERT_FALSE(cancelled.journal.empty());
  const auto journal = drs::read_run_journal(cancelled.journal);
  EXPECT_EQ(journal.step, 1);
  EXPECT_EQ(journal.steps, 3);
  EXPECT_EQ(journal.request.seed, std::optional<std::uint64_t>(7));

  int first_step_seen = -1;
  const auto resumed = engine_->resume(cancelled.journal, [&](const drs::Progress& p) {
    if (p.stage == drs::Stage::Sampling && p.step_seconds > 0 && first_step_seen < 0)
      first_step_seen = p.step;
  });
  ASSERT_EQ(resumed.outcome, drs::Outcome::Succeeded) << resumed.error;
  EXPECT_EQ(first_step_seen, 2);  // step 1 came from the journal
  ASSERT_EQ(resumed.takes.size(), 1u);
  EXPECT_EQ(resumed.takes[0].seed, whole.takes[0].seed);
  EXPECT_TRUE(resumed.takes[0].audio == whole.takes[0].audio);
  EXPECT_FALSE(std::filesystem::exists(cancelled.journal));
  const auto again = engine_->resume(cancelled.journal, {});
  EXPECT_EQ(again.outcome, drs::Outcome::Failed);
  EXPECT_EQ(again.error_kind, drs::ErrorKind::BadInput);
}

// A journal started on other BLAS kernels resumes, with a warning: kernels of one vector
// width round differently, so the song may differ from an uninterrupted run.
TEST_F(EngineDemo, ResumingOnOtherBlasKernelsIsWarnedAbout) {
  auto request = quick_request();
  request.sampling.grid_points = 4;
  const auto cancelled = cancelled_after_first_step(request);
  ASSERT_EQ(cancelled.outcome, drs::Outcome::Cancelled);
  auto content = drs::read_journal_file(cancelled.journal);
  const auto here = content.header.value("blas_core", std::string());
  if (here.empty()) GTEST_SKIP() << "the BLAS here is not OpenBLAS: no kernels recorded";
  content.header.erase("tensors");
  content.header["blas_core"] = "OpenBLAS Prescott";
  drs::NamedTensors tensors(content.tensors.begin(), content.tensors.end());
  drs::write_journal_file(cancelled.journal, content.header, tensors);

  const auto resumed = engine_->resume(cancelled.journal, {});
  ASSERT_EQ(resumed.outcome, drs::Outcome::Succeeded) << resumed.error;
  const std::string expected = "the run started on OpenBLAS Prescott and goes on with " + here +
                               ": the result may differ from an uninterrupted run in the last bits";
  EXPECT_NE(std::find(resumed.warnings.begin(), resumed.warnings.end(), expected),
            resumed.warnings.end());
}

TEST_F(EngineDemo, CancelMidSamplingReturnsCancelledAndTheEngineStaysUsable) {
  std::stop_source stop;
  int blocks_after_cancel = 0;
  const auto result = engine_->generate(
      quick_request(),
      [&](const drs::Progress& p) {
        if (stop.stop_requested() && p.stage == drs::Stage::Sampling && p.within_step > 0)
          ++blocks_after_cancel;
        if (p.stage == drs::Stage::Sampling && p.within_step > 0) stop.request_stop();
      },
      stop.get_token());
  EXPECT_EQ(result.outcome, drs::Outcome::Cancelled);
  EXPECT_TRUE(result.takes.empty());
  EXPECT_LE(blocks_after_cancel, 1);
  EXPECT_EQ(engine_->generate(quick_request(), {}).outcome, drs::Outcome::Succeeded);
}

TEST_F(EngineDemo, BadRequestsFailWithClearMessages) {
  auto request = quick_request();
  request.lyrics = "[00:01.00]ok\n[00:02.00]\xff\xfe broken\n";
  auto result = engine_->generate(request, {});
  EXPECT_EQ(result.outcome, drs::Outcome::Failed);
  EXPECT_EQ(result.error_kind, drs::ErrorKind::BadInput);
  EXPECT_NE(result.error.find("UTF-8"), std::string::npos) << result.error;

  request = quick_request();
  request.seconds = 200;  // the demo is a base (95 s) model
  result = engine_->generate(request, {});
  EXPECT_EQ(result.error_kind, drs::ErrorKind::BadInput);
  EXPECT_NE(result.error.find("95"), std::string::npos) << result.error;

  request = quick_request();
  request.style_embedding = std::vector<float>(3, 0.0f);
  EXPECT_EQ(engine_->generate(request, {}).error_kind, drs::ErrorKind::BadInput);
}

// float16 on the CPU is refused up front where LibTorch has no CPU kernels for it,
// instead of failing deep inside the first step.
TEST(EnginePrecision, CpuFloat16IsRefusedClearlyOnLibTorch1) {
  if (drs::compat::kCpuFloat16) GTEST_SKIP() << "this LibTorch runs fp16 on the CPU";
  drs::EngineOptions options{DRS_TEST_DEMO_DIR, drs::Device::Cpu};
  options.precision = drs::Precision::Float16;
  try {
    drs::Engine engine(options);
    FAIL() << "accepted float16 on the CPU";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::BadInput);
    EXPECT_NE(std::string(e.what()).find("bfloat16"), std::string::npos) << e.what();
  }
}

// bfloat16 on the CPU runs the whole pipeline (Mish falls back to float32 on 1.13).
TEST(EnginePrecision, CpuBFloat16GeneratesASong) {
  drs::EngineOptions options{DRS_TEST_DEMO_DIR, drs::Device::Cpu};
  options.precision = drs::Precision::BFloat16;
  const drs::test::TempDir cache("engine-bf16-cache");
  options.cache_dir = cache.path();
  drs::Engine engine(options);
  EXPECT_EQ(engine.info().precision, "BFloat16");
  auto request = quick_request();
  const auto result = engine.generate(request, {});
  ASSERT_EQ(result.outcome, drs::Outcome::Succeeded) << result.error;
  ASSERT_EQ(result.takes.size(), 1u);
  EXPECT_EQ(result.takes[0].frames(), static_cast<std::size_t>(2048 * 2048));
  for (const float v : result.takes[0].audio) ASSERT_TRUE(std::isfinite(v));
}

TEST_F(EngineDemo, AStyleEmbeddingCanReplaceTheTextPrompt) {
  auto request = quick_request();
  request.style_embedding = std::vector<float>(512, 1.0f / std::sqrt(512.0f));
  const auto result = engine_->generate(request, {});
  EXPECT_EQ(result.outcome, drs::Outcome::Succeeded) << result.error;
}

}  // namespace

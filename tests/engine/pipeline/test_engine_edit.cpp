// Edit and continue on the demo model set, end to end: a take is written to disk, read
// back as the reference song, and chosen spans are regenerated.
//
// Measures. Latent: outside the regenerated frames the final latent must equal the
// reference's own sampled latent exactly (max abs difference 0). Audio: the edited take
// against the reference latent decoded again, outside the spans, after one least-squares
// gain (the take is peak-normalised by its own, new peak): SNR in dB. Frames within
// kMargin of a span edge are left out of the audio measure: there the decoder sees
// latents from both sides. The demo decoder's receptive field is one frame; the released
// Oobleck decoder's is about +-10 frames (k7 input conv +-3, the first block's dilated
// residual units at 8x rate +-39 samples = +-4.9 frames, transposed convs +-1 input
// sample each, later blocks < 1 frame together), so the margin is 10 frames.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

#include "drs/audio_file.h"
#include "drs/engine.h"
#include "drs/model_set.h"
#include "pipeline/edit_frames.h"
#include "pipeline/reference_song.h"
#include "support/temp_dir.h"
#include "vae/vae.h"

namespace {

namespace fs = std::filesystem;
constexpr int64_t kHop = 2048;
constexpr int64_t kMargin = 10;  // frames; see the file comment

drs::GenerationRequest quick_request(std::uint64_t seed) {
  drs::GenerationRequest r;
  r.lyrics = "[00:01.00]Hello world\n[00:12.00]Second line here\n[00:30.00]Third\n";
  r.style = "upbeat pop";
  r.sampling = {2, 2.0f, -1.0f};  // one Euler step: every stage runs, quickly
  r.seed = seed;
  return r;
}

at::Tensor read_wav(const fs::path& path) {  // [1, channels, S] as stored
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  EXPECT_NE(file, nullptr);
  std::vector<float> samples(static_cast<std::size_t>(info.frames * info.channels));
  sf_readf_float(file, samples.data(), info.frames);
  sf_close(file);
  return at::tensor(samples).reshape({info.frames, info.channels}).t().unsqueeze(0).contiguous();
}

// What the engine documents: -6 dBFS peak, the official chunked encoding, one posterior
// sample with noise from a generator seeded ~seed; padded with zeros to `frames`.
at::Tensor expected_reference_latent(const drs::Vae& vae, at::Tensor audio, std::uint64_t seed,
                                     int64_t frames) {
  if (audio.size(1) == 1) audio = audio.repeat({1, 2, 1});
  audio = audio * (std::pow(10.0, -6.0 / 20.0) / audio.abs().max().item<double>());
  const auto encoded = vae.encode_chunked(audio, drs::ChunkParams{}).transpose(1, 2);
  const auto mean = encoded.narrow(2, 0, 64), scale = encoded.narrow(2, 64, 64);
  auto generator = at::make_generator<at::CPUGeneratorImpl>(~seed);
  const auto noise = at::randn(mean.sizes(), generator, at::kFloat);
  auto latent = mean + (at::softplus(scale) + 1e-4) * noise;
  if (latent.size(1) >= frames) return latent.narrow(1, 0, frames);
  return at::cat({latent, at::zeros({1, frames - latent.size(1), 64})}, 1);
}

at::Tensor latent_of(const drs::Take& take) {
  return at::tensor(take.latent).reshape({1, -1, 64});
}

at::Tensor kept_mask(const std::vector<drs::FrameRange>& ranges, int64_t frames, int64_t margin) {
  auto keep = at::ones({frames}, at::kBool);
  for (const auto& [first, end] : ranges)
    keep.narrow(0, std::max<int64_t>(0, first - margin),
                std::min(frames, end + margin) - std::max<int64_t>(0, first - margin))
        .fill_(false);
  return keep;
}

// SNR (dB) of `take` (interleaved, normalised) against `reference` [1,2,S] over the
// frames where `frames_mask` is true, after the least-squares gain.
double snr_db(const drs::Take& take, const at::Tensor& reference, const at::Tensor& frames_mask) {
  const auto a = at::tensor(take.audio).reshape({-1, 2}).t().unsqueeze(0);
  const auto mask = frames_mask.repeat_interleave(kHop).reshape({1, 1, -1}).expand_as(a);
  const auto x = a.masked_select(mask).to(at::kDouble);
  const auto r = reference.masked_select(mask).to(at::kDouble);
  const double gain = (x * r).sum().item<double>() / (x * x).sum().item<double>();
  const double noise = (x * gain - r).pow(2).sum().item<double>();
  return 10 * std::log10(r.pow(2).sum().item<double>() / std::max(noise, 1e-300));
}

class EngineEdit : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new drs::test::TempDir("engine-edit");
    dir_ = temp_->path();
    drs::EngineOptions options{DRS_TEST_DEMO_DIR, drs::Device::Cpu};
    options.cache_dir = dir_ / "cache";
    engine_ = new drs::Engine(options);
    vae_ = new drs::Vae(fs::path(DRS_TEST_DEMO_DIR) / drs::ModelSetLayout::kVae, at::kCPU);
    const auto result = engine_->generate(quick_request(7), {});
    ASSERT_EQ(result.outcome, drs::Outcome::Succeeded) << result.error;
    const auto& take = result.takes.at(0);
    drs::write_audio_file(song(), take.audio, 2, 44100, drs::AudioFormat::Wav16);
    // The first 40 s alone, and the same as mono at 22.05 kHz (every second sample).
    const std::size_t head = 40 * 44100;
    drs::write_audio_file(dir_ / "head.wav", std::span(take.audio).first(head * 2), 2, 44100,
                          drs::AudioFormat::Wav16);
    std::vector<float> mono;
    for (std::size_t i = 0; i < head; i += 2) mono.push_back(take.audio[2 * i]);
    drs::write_audio_file(dir_ / "head-mono-22k.wav", mono, 1, 22050, drs::AudioFormat::Wav16);
  }
  static void TearDownTestSuite() {
    delete vae_;
    delete engine_;
    delete temp_;
  }
  static fs::path song() { return dir_ / "song.wav"; }
  static inline drs::test::TempDir* temp_ = nullptr;
  static inline fs::path dir_;
  static inline drs::Engine* engine_ = nullptr;
  static inline drs::Vae* vae_ = nullptr;
};

TEST_F(EngineEdit, OutsideTheSpansTheLatentIsTheReferencesAndTheAudioItsDecoding) {
  auto request = quick_request(11);
  request.edit = drs::SongEdit{song(), drs::parse_time_spans("[[10,20],[0:58,1:10]]"), false};
  std::vector<drs::Progress> encoding;
  const auto result = engine_->generate(request, [&](const drs::Progress& p) {
    if (p.stage == drs::Stage::Encoding) encoding.push_back(p);
  });
  ASSERT_EQ(result.outcome, drs::Outcome::Succeeded) << result.error;
  ASSERT_FALSE(encoding.empty());
  EXPECT_EQ(encoding.back().step, encoding.back().steps);  // every chunk reported
  EXPECT_EQ(encoding.back().steps, 21);                    // 2048 frames: the decoder's plan

  const int64_t frames = 2048;
  const auto ranges = drs::edit_frame_ranges(request.edit->spans, frames);
  const auto expected = expected_reference_latent(*vae_, read_wav(song()), 11, frames);
  const auto latent = latent_of(result.takes.at(0));
  ASSERT_EQ(latent.size(1), frames);
  const auto kept = kept_mask(ranges, frames, 0);
  const auto diff = (latent - expected).abs().amax({0, 2});  // per frame
  EXPECT_EQ(diff.masked_select(kept).max().item<float>(), 0.0f);
  const auto regenerated = diff.masked_select(kept.logical_not());
  EXPECT_GT(regenerated.min().item<float>(), 0.0f) << "every regenerated frame is new";

  const auto redecoded = vae_->decode_chunked(expected.transpose(1, 2), drs::ChunkParams{});
  const double outside = snr_db(result.takes[0], redecoded, kept_mask(ranges, frames, kMargin));
  const double inside = snr_db(result.takes[0], redecoded, kept.logical_not());
  std::printf(
      "edit [[10,20],[58,70]]: audio SNR outside the spans (margin %lld frames) %.1f dB, "
      "inside %.1f dB\n",
      static_cast<long long>(kMargin), outside, inside);
  EXPECT_GT(outside, 80.0);  // equal up to float rounding and the output's 16-bit-free scale
  EXPECT_LT(inside, 10.0);   // regenerated audio is a different signal
}

TEST_F(EngineEdit, ContinuationKeepsTheStartAndGeneratesTheRest) {
  auto request = quick_request(3);
  request.edit = drs::SongEdit{dir_ / "head.wav", {}, true};
  const auto result = engine_->generate(request, {});
  ASSERT_EQ(result.outcome, drs::Outcome::Succeeded) << result.error;
  const int64_t available = 40 * 44100 / kHop;  // 861 frames
  const auto expected = expected_reference_latent(*vae_, read_wav(dir_ / "head.wav"), 3, 2048);
  const auto latent = latent_of(result.takes.at(0));
  EXPECT_EQ(
      (latent.narrow(1, 0, available) - expected.narrow(1, 0, available)).abs().max().item<float>(),
      0.0f);
  const auto added = latent.narrow(1, available, 2048 - available);
  EXPECT_GT(added.abs().amax({0, 2}).min().item<float>(), 0.0f);  // every new frame generated
}

TEST_F(EngineEdit, AMonoReferenceAtAnotherRateBecomesStereo44kAtMinus6dBFS) {
  // 3 s of a 440 Hz sine, mono, 22.05 kHz, float samples.
  std::vector<float> sine(3 * 22050);
  for (std::size_t i = 0; i < sine.size(); ++i)
    sine[i] =
        0.25f * static_cast<float>(std::sin(2 * M_PI * 440.0 * static_cast<double>(i) / 22050));
  drs::write_audio_file(dir_ / "sine-mono-22k.wav", sine, 1, 22050, drs::AudioFormat::WavFloat);
  const auto audio = drs::load_reference_song(dir_ / "sine-mono-22k.wav");
  ASSERT_EQ(audio.dim(), 3);
  EXPECT_EQ(audio.size(1), 2);
  EXPECT_EQ(audio.size(2), 3 * 44100);  // same duration at 44.1 kHz
  EXPECT_TRUE(audio[0][0].equal(audio[0][1]));
  EXPECT_NEAR(audio.abs().max().item<double>(), std::pow(10.0, -6.0 / 20.0), 1e-6);
  // Against the same sine computed at 44.1 kHz and -6 dBFS, away from the edges.
  const auto t = at::arange(3 * 44100, at::kDouble) / 44100.0;
  const auto ideal = at::sin(t * (2 * M_PI * 440.0)) * std::pow(10.0, -6.0 / 20.0);
  const auto got = audio[0][0].to(at::kDouble);
  const auto inner = [](const at::Tensor& x) { return x.narrow(0, 4410, x.size(0) - 2 * 4410); };
  const double snr = 10 * std::log10(inner(ideal).pow(2).sum().item<double>() /
                                     (inner(got) - inner(ideal)).pow(2).sum().item<double>());
  std::printf("mono 22.05 kHz sine resampled to 44.1 kHz: SNR vs the ideal %.1f dB\n", snr);
  EXPECT_GT(snr, 60.0);
}

TEST_F(EngineEdit, ReferencesThatCannotServeTheRequestAreRefusedWithTheReason) {
  const auto refused = [&](drs::SongEdit edit, const std::string& expected) {
    auto request = quick_request(1);
    request.edit = std::move(edit);
    std::vector<drs::Stage> stages;
    const auto result =
        engine_->generate(request, [&](const drs::Progress& p) { stages.push_back(p.stage); });
    EXPECT_EQ(result.outcome, drs::Outcome::Failed);
    EXPECT_EQ(result.error_kind, drs::ErrorKind::BadInput);
    EXPECT_NE(result.error.find(expected), std::string::npos) << result.error;
    EXPECT_TRUE(stages.empty()) << "refused before any stage ran";
  };
  // 40 s reference, 95 s song, the part after 40 s would have to be kept: refused.
  refused({dir_ / "head.wav", {{10, 20}}, false}, "reference song is 40.0 s long");
  refused({song(), {}, true}, "already 95.1 s long");
  refused({dir_ / "missing.wav", {{1, 2}}, false}, "missing.wav: cannot read audio");
  std::ofstream(dir_ / "not-audio.wav") << "RIFF? no.";
  refused({dir_ / "not-audio.wav", {{1, 2}}, false}, "not-audio.wav: cannot read audio");
  refused({song(), {{100, 110}}, false}, "starts at 100.00 s");
}

}  // namespace

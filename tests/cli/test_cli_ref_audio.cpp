// diffrhythm-cli generate --ref-audio on the demo set: a reference song as the style
// (MuQ-MuLan's audio tower), its clip option and its refusals (exit 2 with the reason).
#include <gtest/gtest.h>
#include <sndfile.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "support/temp_dir_test.h"

namespace {

namespace fs = std::filesystem;

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

class CliRefAudioTest : public drs::test::TempDirTest {
 protected:
  // Mono or stereo float WAV of `seconds` at `rate`: a tone, or white noise.
  fs::path write_wav(const std::string& name, double seconds, int rate, int channels,
                     bool noise) const {
    const auto frames = static_cast<sf_count_t>(seconds * rate);
    std::vector<float> samples(static_cast<std::size_t>(frames * channels));
    std::mt19937 gen(3);
    std::uniform_real_distribution<float> uniform(-0.5f, 0.5f);
    for (sf_count_t i = 0; i < frames; ++i)
      for (int c = 0; c < channels; ++c)
        samples[static_cast<std::size_t>(i * channels + c)] =
            noise ? uniform(gen)
                  : 0.5f * static_cast<float>(std::sin(2 * M_PI * (440.0 + 110 * c) * i / rate));
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    const auto path = dir_ / name;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    EXPECT_NE(file, nullptr);
    EXPECT_EQ(sf_writef_float(file, samples.data(), frames), frames);
    sf_close(file);
    return path;
  }

  CliRun run(const std::vector<std::string>& extra, const fs::path& out) const {
    std::string command =
        "DRS_MODELS_DIR=/nonexistent-store XDG_CACHE_HOME=" + quoted((dir_ / "cache").string()) +
        " " + quoted(DRS_CLI) + " generate --steps 2 --cfg 2 --seed 5 --quiet --models " +
        quoted(DRS_TEST_DEMO_DIR) + " --out " + quoted(out.string());
    for (const auto& a : extra) command += " " + quoted(a);
    CliRun r;
    if (FILE* pipe = ::popen((command + " 2>&1").c_str(), "r")) {
      char buffer[4096];
      for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        r.output.append(buffer, n);
      const int status = ::pclose(pipe);
      r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    return r;
  }

  static std::string bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
};

TEST_F(CliRefAudioTest, AReferenceSongGivesTheStyle) {
  const auto tone = write_wav("tone.wav", 12, 44100, 2, false);
  const auto noise = write_wav("noise.wav", 11, 48000, 1, true);
  const auto a = dir_ / "a.wav", b = dir_ / "b.wav", c = dir_ / "c.wav";
  auto r = run({"--ref-audio", tone.string()}, a);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  ASSERT_TRUE(fs::exists(a));
  // A cached embedding (same file content, same clip) gives the identical take.
  r = run({"--ref-audio", tone.string()}, b);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(bytes(a), bytes(b));
  // Another reference, another style: the take differs.
  r = run({"--ref-audio", noise.string(), "--ref-clip", "0:00.5"}, c);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(bytes(a), bytes(c));
}

TEST_F(CliRefAudioTest, BadReferencesExitWith2AndSayWhy) {
  const auto tone = write_wav("tone.wav", 12, 44100, 2, false);
  const auto short_ref = write_wav("short.wav", 6, 24000, 1, false);
  const auto text = dir_ / "not-audio.wav";
  std::ofstream(text) << "this is not a sound file\n";
  const auto out = dir_ / "x.wav";
  const auto expect_refusal = [&](const std::vector<std::string>& extra, const std::string& why) {
    const auto r = run(extra, out);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find(why), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
  };
  expect_refusal({"--ref-audio", short_ref.string()}, "too short (6.00 s)");
  expect_refusal({"--ref-audio", text.string()}, "cannot read audio");
  expect_refusal({"--ref-audio", (dir_ / "missing.flac").string()}, "cannot read audio");
  expect_refusal({"--ref-audio", tone.string(), "--ref-clip", "3"}, "leaves no 10 s clip");
  expect_refusal({"--ref-audio", tone.string(), "--style", "pop"}, "exclude each other");
  expect_refusal({"--ref-clip", "3"}, "--ref-clip needs --ref-audio");
}

}  // namespace

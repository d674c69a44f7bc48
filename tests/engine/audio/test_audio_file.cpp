#include <gtest/gtest.h>
#include <sndfile.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "drs/audio_file.h"
#include "drs/error.h"
#include "support/temp_dir_test.h"

namespace {

namespace fs = std::filesystem;

class AudioFileTest : public drs::test::TempDirTest {
 protected:
  [[nodiscard]] std::vector<fs::path> files() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename());
    return out;
  }
};

std::vector<float> ramp(std::size_t frames) {
  std::vector<float> samples(frames * 2);
  for (std::size_t i = 0; i < samples.size(); ++i)
    samples[i] = static_cast<float>(-1.0 + 2.0 * static_cast<double>(i) /
                                               static_cast<double>(samples.size() - 1));
  return samples;
}

struct ReadBack {
  SF_INFO info{};
  std::vector<float> samples;
  std::vector<short> shorts;
};

ReadBack read_back(const fs::path& path) {
  ReadBack r;
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &r.info);
  EXPECT_NE(f, nullptr) << sf_strerror(nullptr);
  if (!f) return r;
  r.samples.resize(static_cast<std::size_t>(r.info.frames * r.info.channels));
  sf_readf_float(f, r.samples.data(), r.info.frames);
  sf_seek(f, 0, SEEK_SET);
  r.shorts.resize(r.samples.size());
  sf_readf_short(f, r.shorts.data(), r.info.frames);
  sf_close(f);
  return r;
}

TEST_F(AudioFileTest, EveryFormatRoundTripsWithinItsPrecision) {
  const auto samples = ramp(4096);
  const std::vector<std::tuple<drs::AudioFormat, std::string, double, int>> cases{
      {drs::AudioFormat::Wav16, "a.wav", 2.0 / 32767, SF_FORMAT_WAV},
      {drs::AudioFormat::Wav24, "b.wav", 2.0 / 8388607, SF_FORMAT_WAV},
      {drs::AudioFormat::WavFloat, "c.wav", 0.0, SF_FORMAT_WAV},
      {drs::AudioFormat::Flac16, "d.flac", 2.0 / 32767, SF_FORMAT_FLAC},
      {drs::AudioFormat::Flac24, "e.flac", 2.0 / 8388607, SF_FORMAT_FLAC},
  };
  for (const auto& [format, name, tolerance, container] : cases) {
    drs::write_audio_file(dir_ / name, samples, 2, 44100, format);
    const auto r = read_back(dir_ / name);
    EXPECT_EQ(r.info.samplerate, 44100) << name;
    EXPECT_EQ(r.info.channels, 2) << name;
    EXPECT_EQ(r.info.frames, 4096) << name;
    EXPECT_EQ(r.info.format & SF_FORMAT_TYPEMASK, container) << name;
    double worst = 0;
    for (std::size_t i = 0; i < samples.size(); ++i)
      worst = std::max(worst, std::abs(double(r.samples[i]) - samples[i]));
    EXPECT_LE(worst, tolerance + 1e-7) << name;
  }
}

TEST_F(AudioFileTest, SixteenBitTruncatesTowardZeroLikeTheOfficialScript) {
  const std::vector<float> samples{0.99999f, -0.99999f, 0.5f,     -0.5f,
                                   1.5f,     -1.5f,     0.00002f, -0.00002f};
  drs::write_audio_file(dir_ / "t.wav", samples, 2, 44100, drs::AudioFormat::Wav16);
  const auto r = read_back(dir_ / "t.wav");
  // trunc(x * 32767): 32766.67 -> 32766, 16383.5 -> 16383, clamped +-1 -> +-32767, 0.66 -> 0
  const std::vector<short> expected{32766, -32766, 16383, -16383, 32767, -32767, 0, 0};
  EXPECT_EQ(r.shorts, expected);
}

TEST_F(AudioFileTest, UnwritableFolderGivesOutputErrorNamingThePath) {
  const auto target = dir_ / "missing-folder" / "song.wav";
  try {
    drs::write_audio_file(target, ramp(16), 2, 44100, drs::AudioFormat::Wav16);
    FAIL();
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::Output);
    EXPECT_NE(std::string(e.what()).find("missing-folder"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(files().empty());
}

// A full disk, made real with RLIMIT_FSIZE in a child process: the write fails with
// EFBIG, the error names the file, no temporary file remains, the old file is intact.
TEST_F(AudioFileTest, DiskFullLeavesTheExistingFileUntouched) {
  const auto target = dir_ / "song.wav";
  std::ofstream(target) << "previous take";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{64 * 1024, 64 * 1024};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      drs::write_audio_file(target, ramp(200000), 2, 44100, drs::AudioFormat::Wav16);
      ::_exit(1);  // should not succeed
    } catch (const drs::Error& e) {
      const std::string message = e.what();
      ::_exit(e.kind() == drs::ErrorKind::Output && message.find("song.wav") != std::string::npos
                  ? 0
                  : 2);
    } catch (...) {
      ::_exit(3);
    }
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(files(), std::vector<fs::path>{"song.wav"});
  std::ifstream in(target);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "previous take");
}

TEST(AudioFormat, FromExtension) {
  EXPECT_EQ(drs::audio_format_for("x/Song.WAV"), drs::AudioFormat::Wav16);
  EXPECT_EQ(drs::audio_format_for("song.flac"), drs::AudioFormat::Flac16);
  EXPECT_THROW(drs::audio_format_for("song.mp3"), drs::Error);
}

}  // namespace

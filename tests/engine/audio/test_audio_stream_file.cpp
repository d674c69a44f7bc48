// drs::StreamingAudioFile: a song file that grows while the VAE decodes, then becomes the
// finished take with the very bytes of the one-shot writer, or a kept prefix.
#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "drs/audio_file.h"
#include "drs/audio_stream_file.h"
#include "drs/error.h"
#include "support/temp_dir_test.h"

namespace {

namespace fs = std::filesystem;

class StreamingAudioFileTest : public drs::test::TempDirTest {
 protected:
  [[nodiscard]] std::vector<std::string> files() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
};

// A decoder-like signal: raw values above 1, so that the finished take (divided by its
// peak) differs from every streamed chunk.
std::vector<float> raw_song(std::size_t frames) {
  std::vector<float> samples(frames * 2);
  for (std::size_t i = 0; i < samples.size(); ++i)
    samples[i] = static_cast<float>(1.7 * std::sin(0.01 * static_cast<double>(i)) *
                                    (0.2 + static_cast<double>(i) / samples.size()));
  return samples;
}

std::string bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

struct Opened {
  SF_INFO info{};
  std::vector<short> shorts;
};

std::optional<Opened> open_song(const fs::path& path) {
  Opened song;
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &song.info);
  if (!f) return std::nullopt;
  song.shorts.resize(static_cast<std::size_t>(song.info.frames * song.info.channels));
  sf_readf_short(f, song.shorts.data(), song.info.frames);
  sf_close(f);
  return song;
}

// Three chunks at falling gains, as drs::listening_gain gives them.
void stream_three_chunks(drs::StreamingAudioFile& file, const std::vector<float>& raw) {
  const std::size_t third = raw.size() / 3 / 2 * 2;
  const std::span<const float> all(raw);
  file.append(all.subspan(0, third), 0.9f);
  file.append(all.subspan(third, third), 0.7f);
  file.append(all.subspan(2 * third), 0.6f);
}

TEST_F(StreamingAudioFileTest, CommittedFileHasTheOneShotWritersBytesInEveryFormat) {
  const auto raw = raw_song(30000);
  std::vector<float> finished(raw.size());
  float peak = 0;
  for (float x : raw) peak = std::max(peak, std::abs(x));
  for (std::size_t i = 0; i < raw.size(); ++i) finished[i] = raw[i] / peak;
  const std::vector<std::tuple<drs::AudioFormat, std::string>> cases{
      {drs::AudioFormat::Wav16, "a.wav"},    {drs::AudioFormat::Wav24, "b.wav"},
      {drs::AudioFormat::WavFloat, "c.wav"}, {drs::AudioFormat::Flac16, "d.flac"},
      {drs::AudioFormat::Flac24, "e.flac"},
  };
  for (const auto& [format, name] : cases) {
    const auto one_shot = dir_ / ("one-shot-" + name);
    drs::write_audio_file(one_shot, finished, 2, 44100, format);
    const auto target = dir_ / name;
    {
      drs::StreamingAudioFile file(target, 2, 44100, format);
      stream_three_chunks(file, raw);
      EXPECT_EQ(file.frames(), 30000) << name;
      EXPECT_EQ(file.temp_path().parent_path(), dir_) << name;
      EXPECT_TRUE(fs::exists(file.temp_path())) << name;
      EXPECT_FALSE(fs::exists(target)) << "only the temporary file exists while streaming";
      file.commit(finished);
    }
    const auto expected = bytes_of(one_shot);
    ASSERT_FALSE(expected.empty()) << name;
    EXPECT_TRUE(bytes_of(target) == expected) << name << ": differs from write_audio_file";
  }
  EXPECT_EQ(files().size(), 10u) << "no temporary file is left";
}

TEST_F(StreamingAudioFileTest, TheGrowingFileIsAValidSongOfWhatWasStreamed) {
  const auto raw = raw_song(9000);
  drs::StreamingAudioFile file(dir_ / "song.wav", 2, 44100, drs::AudioFormat::Wav16);
  file.append(std::span<const float>(raw).subspan(0, 6000), 0.5f);
  const auto partial = open_song(file.temp_path());
  ASSERT_TRUE(partial.has_value());
  EXPECT_EQ(partial->info.frames, 3000);
  EXPECT_EQ(partial->shorts[101], static_cast<short>(std::trunc(raw[101] * 0.5f * 32767.0)));
}

TEST_F(StreamingAudioFileTest, ADestroyedFileLeavesNothing) {
  {
    drs::StreamingAudioFile file(dir_ / "song.wav", 2, 44100, drs::AudioFormat::Flac16);
    stream_three_chunks(file, raw_song(5000));
  }
  EXPECT_TRUE(files().empty());
}

TEST_F(StreamingAudioFileTest, KeptPrefixIsAValidShorterSongUnderItsOwnName) {
  const auto raw = raw_song(8000);
  {
    drs::StreamingAudioFile file(dir_ / "song.wav", 2, 44100, drs::AudioFormat::Wav16);
    file.append(std::span<const float>(raw).subspan(0, 5000 * 2), 0.55f);
    file.keep_as(dir_ / "song.partial.wav");
  }
  EXPECT_EQ(files(), std::vector<std::string>{"song.partial.wav"});
  const auto kept = open_song(dir_ / "song.partial.wav");
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->info.frames, 5000);
  EXPECT_EQ(kept->info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
  for (std::size_t i : {0u, 777u, 9999u})
    EXPECT_EQ(kept->shorts[i], static_cast<short>(std::trunc(raw[i] * 0.55f * 32767.0))) << i;
}

TEST_F(StreamingAudioFileTest, AMissingFolderIsAnOutputErrorNamingTheTarget) {
  try {
    drs::StreamingAudioFile file(dir_ / "gone" / "song.wav", 2, 44100, drs::AudioFormat::Wav16);
    FAIL();
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::Output);
    EXPECT_NE(std::string(e.what()).find("song.wav"), std::string::npos) << e.what();
  }
}

}  // namespace

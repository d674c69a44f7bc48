// The files diffrhythm-cli writes for a take, driven as a real subprocess on the demo
// set: the song streamed to a temporary file while it decodes and renamed at the end
// (the same bytes as the one-shot writer), nothing left behind by a cancel unless
// --keep-partial keeps the decoded prefix.
#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cli_process.h"

namespace {

namespace fs = std::filesystem;
using drs::test::ProcessOptions;
using drs::test::ProcessRun;

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

struct Song {
  SF_INFO info{};
  std::vector<short> samples;
};

Song read_song(const fs::path& path) {
  Song song;
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &song.info);
  EXPECT_NE(f, nullptr) << path << ": " << sf_strerror(nullptr);
  if (!f) return song;
  song.samples.resize(static_cast<std::size_t>(song.info.frames * song.info.channels));
  sf_readf_short(f, song.samples.data(), song.info.frames);
  sf_close(f);
  return song;
}

class CliTakesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("drs-cli-takes-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "song.lrc") << "[00:01.00]Hello world\n[00:04.00]Written as it decodes\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The user's model store and cache are never touched.
  [[nodiscard]] ProcessOptions options(std::string signal_on = {}) const {
    return ProcessOptions{
        {{"DRS_MODELS_DIR", "/nonexistent-store"}, {"XDG_CACHE_HOME", (dir_ / "cache").string()}},
        std::move(signal_on)};
  }
  [[nodiscard]] ProcessRun cli(std::vector<std::string> args, std::string signal_on = {}) const {
    return drs::test::run_process(DRS_CLI, std::move(args), options(std::move(signal_on)));
  }
  [[nodiscard]] std::vector<std::string> generate_args(const fs::path& out,
                                                       const std::string& steps = "2") const {
    return {"generate",
            "--lyrics",
            (dir_ / "song.lrc").string(),
            "--style",
            "dark synthwave",
            "--steps",
            steps,
            "--cfg",
            "2",
            "--seed",
            "5",
            "--models",
            DRS_TEST_DEMO_DIR,
            "--out",
            out.string()};
  }
  // Every file in the output folder but the lyrics and the cache (hidden temporary files
  // included).
  [[nodiscard]] std::vector<std::string> outputs() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) {
      const auto name = e.path().filename().string();
      if (name != "song.lrc" && name != "cache") names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }
  fs::path dir_;
};

// The streamed file, renamed at the end, holds exactly the bytes the one-shot writer
// gives the same take (the CLI's writer before streaming, run as its own process).
TEST_F(CliTakesTest, AStreamedTakeHasTheOneShotWritersBytes) {
  const auto run = cli(generate_args(dir_ / "streamed.wav"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto reference =
      drs::test::run_process(DRS_ONE_SHOT_TAKE,
                             {DRS_TEST_DEMO_DIR, (dir_ / "song.lrc").string(), "dark synthwave",
                              "2", "2", "5", (dir_ / "one-shot.wav").string()},
                             options());
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  const auto streamed = file_bytes(dir_ / "streamed.wav");
  ASSERT_EQ(streamed.size(), 44u + 2048u * 2048u * 4u);
  EXPECT_TRUE(streamed == file_bytes(dir_ / "one-shot.wav"))
      << "the streamed take differs from the one-shot writer's";
  EXPECT_EQ(outputs(), (std::vector<std::string>{"one-shot.wav", "streamed.wav"}));
}

// Ctrl+C while the VAE decodes: exit 3, no file under the name and no temporary file.
TEST_F(CliTakesTest, CtrlCWhileDecodingLeavesNoFileAndNoTemporaryFile) {
  for (const auto* format : {"wav", "flac"}) {
    const auto out = dir_ / (std::string("cancelled.") + format);
    const auto run = cli(generate_args(out), "chunk 1/");
    EXPECT_EQ(run.exit_code, 3) << run.err;
    EXPECT_NE(run.err.find("cancelled; nothing was written"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("chunk 21/21"), std::string::npos) << "decoding was not interrupted";
    EXPECT_TRUE(outputs().empty()) << format << ": " << outputs().front();
  }
}

// --keep-partial: the decoded prefix is kept as FILE.partial.wav, a valid shorter song.
TEST_F(CliTakesTest, KeepPartialKeepsTheDecodedPrefixAsAValidShorterSong) {
  auto args = generate_args(dir_ / "kept.wav");
  args.push_back("--keep-partial");
  const auto run = cli(args, "chunk 1/");
  EXPECT_EQ(run.exit_code, 3) << run.err;
  ASSERT_EQ(outputs(), std::vector<std::string>{"kept.partial.wav"}) << run.err;
  EXPECT_NE(run.err.find("kept the first"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("kept.partial.wav"), std::string::npos) << run.err;
  const auto partial = read_song(dir_ / "kept.partial.wav");
  EXPECT_EQ(partial.info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
  EXPECT_EQ(partial.info.channels, 2);
  EXPECT_GT(partial.info.frames, 0);
  EXPECT_LT(partial.info.frames, 2048 * 2048);
  std::printf("kept %lld of %d frames\n", static_cast<long long>(partial.info.frames), 2048 * 2048);
  EXPECT_TRUE(
      std::any_of(partial.samples.begin(), partial.samples.end(), [](short s) { return s != 0; }));

  // Cancelled before any audio was decoded: nothing to keep, nothing written.
  auto early = generate_args(dir_ / "early.wav", "20");
  early.push_back("--keep-partial");
  const auto sampling = cli(early, "sampling");
  EXPECT_EQ(sampling.exit_code, 3) << sampling.err;
  EXPECT_NE(sampling.err.find("before any audio was decoded"), std::string::npos) << sampling.err;
  EXPECT_EQ(outputs(), std::vector<std::string>{"kept.partial.wav"});
}

}  // namespace

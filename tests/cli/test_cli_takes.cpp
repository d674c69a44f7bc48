// The files diffrhythm-cli writes for a take, driven as a real subprocess on the demo
// set: the song streamed to a temporary file while it decodes and renamed at the end
// (the same bytes as the one-shot writer), nothing left behind by a cancel unless
// --keep-partial keeps the decoded prefix, and the take's replay manifest, which
// `generate --manifest` replays to the identical file or refuses with the reason.
#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_process.h"
#include "support/temp_dir_test.h"

namespace {

namespace fs = std::filesystem;
using drs::test::file_bytes;
using drs::test::ProcessOptions;
using drs::test::ProcessRun;

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

class CliTakesTest : public drs::test::TempDirTest {
 protected:
  void SetUp() override {
    std::ofstream(dir_ / "song.lrc") << "[00:01.00]Hello world\n[00:04.00]Written as it decodes\n";
  }

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
  EXPECT_EQ(outputs(), (std::vector<std::string>{"one-shot.wav", "streamed.json", "streamed.wav"}));
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

// Issue 17: every take gets a replay manifest; replaying it writes the identical file.
TEST_F(CliTakesTest, ATakesManifestReplaysToTheIdenticalFile) {
  const auto take = dir_ / "take.wav";
  const auto run = cli(generate_args(take));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto manifest = nlohmann::json::parse(std::ifstream(dir_ / "take.json"));
  std::printf("%s\n", manifest.dump(1).substr(0, 1500).c_str());
  EXPECT_EQ(manifest["format"], "drs-take-manifest");
  EXPECT_EQ(manifest["request"]["lyrics"], file_bytes(dir_ / "song.lrc"));
  EXPECT_EQ(manifest["request"]["style"], "dark synthwave");
  EXPECT_EQ(manifest["request"]["seed"], 5);
  EXPECT_EQ(manifest["request"]["sampling"]["grid_points"], 3);
  EXPECT_EQ(manifest["request"]["sampling"]["cfg_strength"], 2.0);
  EXPECT_EQ(manifest["model"]["id"], "demo");
  EXPECT_EQ(manifest["model"]["fingerprint"].get<std::string>().size(), 64u);
  EXPECT_FALSE(manifest["precision"].get<std::string>().empty());
  EXPECT_GT(manifest["threads"].get<int>(), 0);
  EXPECT_FALSE(manifest["app_version"].get<std::string>().empty());
  EXPECT_GT(manifest["timings"]["seconds_total"].get<double>(), 0);
  EXPECT_EQ(manifest["audio"]["file"], "take.wav");
  EXPECT_EQ(manifest["audio"]["frames"], 2048 * 2048);
  // The recorded digest is the file's, cross-checked with Debian's sha256sum.
  std::string hashed(64, ' ');
  if (FILE* pipe = ::popen(("sha256sum '" + take.string() + "'").c_str(), "r")) {
    EXPECT_EQ(std::fread(hashed.data(), 1, 64, pipe), 64u);
    ::pclose(pipe);
  }
  EXPECT_EQ(manifest["audio"]["sha256"], hashed);

  const auto replay = cli({"generate", "--manifest", (dir_ / "take.json").string(), "--models",
                           DRS_TEST_DEMO_DIR, "--out", (dir_ / "replay.wav").string()});
  ASSERT_EQ(replay.exit_code, 0) << replay.err;
  EXPECT_NE(replay.err.find("replay: identical to the recorded take take.wav"), std::string::npos)
      << replay.err;
  EXPECT_EQ(replay.err.find("may differ"), std::string::npos) << replay.err;
  const auto original = file_bytes(take);
  ASSERT_FALSE(original.empty());
  EXPECT_TRUE(file_bytes(dir_ / "replay.wav") == original) << "the replayed take differs";
  EXPECT_TRUE(fs::exists(dir_ / "replay.json"));

  // The same manifest naming another model set is refused before any work.
  auto other = manifest;
  other["model"]["id"] = "another-set";
  std::ofstream(dir_ / "other.json") << other.dump(2);
  const auto refused = cli({"generate", "--manifest", (dir_ / "other.json").string(), "--models",
                            DRS_TEST_DEMO_DIR, "--out", (dir_ / "refused.wav").string()});
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find("cannot be replayed here: it was made with model set 'another-set', "
                             "the model set here is 'demo'"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(refused.err.find("sampling"), std::string::npos) << "nothing was generated";
  EXPECT_FALSE(fs::exists(dir_ / "refused.wav"));
}

// A damaged manifest is named by line and column or by field, and a manifest brings its
// own request; nothing is generated or written then.
TEST_F(CliTakesTest, ADamagedManifestIsRefusedNamingTheLineOrField) {
  nlohmann::json manifest = {
      {"format", "drs-take-manifest"},
      {"format_version", 1},
      {"app_version", "?"},
      {"model",
       {{"id", "demo"},
        {"name", "Demo"},
        {"fingerprint", "0"},
        {"files", nlohmann::json::array()}}},
      {"precision", "?"},
      {"device", "cpu"},
      {"threads", 1},
      {"created", "2026-12-02T10:00:00Z"},
      {"request",
       {{"lyrics", ""},
        {"style", "x"},
        {"seconds", 95},
        {"seed", 5},
        {"take", 0},
        {"takes", 1},
        {"sampling",
         {{"grid_points", 3}, {"cfg_strength", 2.0}, {"sway", nullptr}, {"guidance_until", 1.0}}}}},
      {"audio",
       {{"file", "t.wav"},
        {"format", "wav16"},
        {"sha256", "0"},
        {"frames", 1},
        {"channels", 2},
        {"sample_rate", 44100}}},
      {"timings", {{"seconds_total", 1.0}, {"seconds_per_step", 0.5}}}};
  const auto write = [&](const nlohmann::json& j, const std::string& name) {
    std::ofstream(dir_ / name) << j.dump(2);
    return (dir_ / name).string();
  };
  const auto replay = [&](const std::string& file, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"generate", "--manifest", file, "--out",
                                  (dir_ / "x.wav").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return cli(args);
  };
  ProcessRun run;
  {  // a truncated file: the line and column of the syntax error
    std::ofstream(dir_ / "cut.json") << manifest.dump(2).substr(0, 200);
    run = replay((dir_ / "cut.json").string());
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find("cut.json: not valid JSON"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("line "), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("column "), std::string::npos) << run.err;
  }
  auto bad_field = manifest;
  bad_field["request"]["sampling"]["cfg_strength"] = "strong";
  run = replay(write(bad_field, "field.json"));
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("field 'request.sampling.cfg_strength' must be a number"),
            std::string::npos)
      << run.err;
  auto missing = manifest;
  missing["request"].erase("seed");
  run = replay(write(missing, "missing.json"));
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("field 'request.seed' is missing"), std::string::npos) << run.err;
  run = replay(write(manifest, "ok.json"), {"--style", "other"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("--style cannot be combined"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("sampling"), std::string::npos) << "nothing was generated";
  EXPECT_FALSE(fs::exists(dir_ / "x.wav"));
}

}  // namespace

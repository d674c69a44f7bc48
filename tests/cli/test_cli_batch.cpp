// `diffrhythm-cli generate --batch FILE` driven as a real subprocess on the demo set:
// every JSON line becomes a take with its replay manifest, byte-identical to the same
// request run alone; a batch killed mid-run finishes with --resume (finished lines
// skipped, the interrupted one continued from its journal); a bad line is named before
// anything runs.
#include <gtest/gtest.h>

#include <csignal>
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

class CliBatchTest : public drs::test::TempDirTest {
 protected:
  void SetUp() override {
    std::ofstream(dir_ / "a.lrc") << "[00:01.00]First song of the batch\n";
    std::ofstream(dir_ / "b.lrc") << "[00:02.00]Second song of the batch\n";
  }
  [[nodiscard]] ProcessRun cli(std::vector<std::string> args, std::string signal_on = {},
                               int signal = SIGINT) const {
    return drs::test::run_process(DRS_CLI, std::move(args),
                                  ProcessOptions{{{"DRS_MODELS_DIR", "/nonexistent-store"},
                                                  {"XDG_CACHE_HOME", (dir_ / "cache").string()}},
                                                 std::move(signal_on),
                                                 signal});
  }
  // Line 1: 2 steps; line 2: 6 steps (so that "step 3/6" is the second line's).
  fs::path write_batch() const {
    const nlohmann::json a = {{"lyrics", (dir_ / "a.lrc").string()},
                              {"style", "dark synthwave"},
                              {"steps", 2},
                              {"seed", 5},
                              {"out", (dir_ / "a.wav").string()}};
    const nlohmann::json b = {{"lyrics", (dir_ / "b.lrc").string()},
                              {"style", "bright pop"},
                              {"steps", 6},
                              {"seed", 9},
                              {"out", (dir_ / "b.wav").string()}};
    const auto file = dir_ / "batch.jsonl";
    std::ofstream(file) << a.dump() << "\n# a comment\n\n" << b.dump() << "\n";
    return file;
  }
  // The second line run alone.
  std::string single_b() const {
    const auto run = cli({"generate", "--lyrics", (dir_ / "b.lrc").string(), "--style",
                          "bright pop", "--steps", "6", "--seed", "9", "--cfg", "2", "--models",
                          DRS_TEST_DEMO_DIR, "--out", (dir_ / "single.wav").string()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return file_bytes(dir_ / "single.wav");
  }
};

TEST_F(CliBatchTest, EveryLineBecomesATakeAsIfRunAlone) {
  const auto run = cli(
      {"generate", "--batch", write_batch().string(), "--cfg", "2", "--models", DRS_TEST_DEMO_DIR});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("batch 1 of 2"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("batch 2 of 2"), std::string::npos) << run.err;
  const auto a = nlohmann::json::parse(std::ifstream(dir_ / "a.json"));
  const auto b = nlohmann::json::parse(std::ifstream(dir_ / "b.json"));
  EXPECT_EQ(a["request"]["style"], "dark synthwave");
  EXPECT_EQ(a["request"]["seed"], 5);
  EXPECT_EQ(a["request"]["sampling"]["grid_points"], 3);
  EXPECT_EQ(a["request"]["sampling"]["cfg_strength"], 2.0);  // from the command line
  EXPECT_EQ(b["request"]["style"], "bright pop");
  EXPECT_EQ(b["request"]["seed"], 9);
  EXPECT_EQ(b["request"]["lyrics"], file_bytes(dir_ / "b.lrc"));
  const auto batched = file_bytes(dir_ / "b.wav");
  ASSERT_FALSE(batched.empty());
  EXPECT_TRUE(batched == single_b()) << "the batch's take differs from the same run alone";
}

TEST_F(CliBatchTest, AKilledBatchFinishesWithResume) {
  const auto batch = write_batch().string();
  const std::vector<std::string> args{"generate", "--batch",         batch,     "--cfg", "2",
                                      "--models", DRS_TEST_DEMO_DIR, "--resume"};
  const auto killed = cli(args, "step 3/6", SIGKILL);
  ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err;
  ASSERT_TRUE(fs::exists(dir_ / "a.wav"));
  EXPECT_FALSE(fs::exists(dir_ / "b.wav"));
  const auto a_before = file_bytes(dir_ / "a.wav");

  const auto resumed = cli(args);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(
      resumed.err.find("batch 1 of 2: " + (dir_ / "a.wav").string() + " is finished, skipped"),
      std::string::npos)
      << resumed.err;
  EXPECT_NE(resumed.err.find("resuming run"), std::string::npos) << resumed.err;
  EXPECT_EQ(resumed.err.find("step 1/6"), std::string::npos) << "steps were recomputed";
  EXPECT_TRUE(file_bytes(dir_ / "a.wav") == a_before);
  EXPECT_TRUE(file_bytes(dir_ / "b.wav") == single_b())
      << "the resumed batch line differs from the uninterrupted run";
}

TEST_F(CliBatchTest, ABadLineIsNamedBeforeAnythingRuns) {
  const auto file = dir_ / "bad.jsonl";
  std::ofstream(file) << R"({"lyrics": ")" << (dir_ / "a.lrc").string() << R"(", "out": ")"
                      << (dir_ / "a.wav").string() << "\"}\n"
                      << R"({"out": ")" << (dir_ / "b.wav").string() << R"(", "steps": "many"})"
                      << "\n";
  const auto run = cli({"generate", "--batch", file.string(), "--models", DRS_TEST_DEMO_DIR});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("bad.jsonl line 2: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--steps"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(dir_ / "a.wav"));
}

}  // namespace

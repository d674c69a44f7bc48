#include <gtest/gtest.h>
#include <sndfile.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_process.h"
#include "core/kernel_choice.h"
#include "drs/blas_kernel.h"
#include "drs/cpu_features.h"
#include "drs/machine_speed.h"
#include "support/temp_dir_test.h"

namespace {

namespace fs = std::filesystem;
using drs::test::file_bytes;

using Environment = std::vector<std::pair<std::string, std::string>>;

// A cache folder of the test process's own (prompt embeddings, run journals), never the
// user's.
fs::path test_cache_dir() {
  static const drs::test::TempDir dir("cli-cache");
  return dir.path();
}

// Runs the CLI with `args` (and `env` added to its environment), never with the user's
// model store or cache; when `interrupt_on` appears on stderr, sends `signal`.
drs::test::ProcessRun run_cli(std::vector<std::string> args, const std::string& interrupt_on = {},
                              const Environment& env = {}, int signal = SIGINT) {
  drs::test::ProcessOptions options;
  options.env = {{"DRS_MODELS_DIR", "/nonexistent-store"},
                 {"XDG_CACHE_HOME", test_cache_dir().string()}};
  options.env.insert(options.env.end(), env.begin(), env.end());
  options.signal_on = interrupt_on;
  options.signal = signal;
  return drs::test::run_process(DRS_CLI, std::move(args), options);
}

// stdout of a shell command (Debian's own tools as cross-checks).
std::string run_shell(const std::string& command) {
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
      out.append(buffer, n);
    ::pclose(pipe);
  }
  return out;
}

class CliTest : public drs::test::TempDirTest {
 protected:
  void SetUp() override {
    std::ofstream(dir_ / "song.lrc")
        << "[00:01.00]Hello world\n[00:04.00]Singing in the light\n[00:08.00]\n";
  }
  void TearDown() override { fs::remove_all(test_cache_dir()); }
  [[nodiscard]] std::vector<std::string> generate_args(const fs::path& out) const {
    return {"generate",
            "--lyrics",
            (dir_ / "song.lrc").string(),
            "--style",
            "dark synthwave",
            "--steps",
            "2",
            "--cfg",
            "2",
            "--seed",
            "5",
            "--models",
            DRS_TEST_DEMO_DIR,
            "--out",
            out.string()};
  }
  [[nodiscard]] std::vector<fs::path> files_in(const fs::path& d) const {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(d)) files.push_back(e.path().filename());
    return files;
  }
};

TEST_F(CliTest, GenerateWritesAValidWavOfExactlyTheSongLength) {
  const auto out = dir_ / "take.wav";
  const auto run = run_cli(generate_args(out));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  SF_INFO info{};
  SNDFILE* f = sf_open(out.c_str(), SFM_READ, &info);
  ASSERT_NE(f, nullptr);
  sf_close(f);
  EXPECT_EQ(info.samplerate, 44100);
  EXPECT_EQ(info.channels, 2);
  EXPECT_EQ(info.frames, 2048 * 2048);
  EXPECT_EQ(info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
  // One progress line per Euler step and per decoded chunk.
  EXPECT_NE(run.err.find("sampling       step 1/2"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("sampling       step 2/2"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("chunk 21/21"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("demo"), std::string::npos);
  EXPECT_NE(run.out.find("seed 5"), std::string::npos) << run.out;
}

TEST_F(CliTest, JsonProgressLinesAreMachineReadable) {
  auto args = generate_args(dir_ / "j.flac");
  args.push_back("--json-progress");
  const auto run = run_cli(args);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find(R"("stage":"sampling")"), std::string::npos);
  EXPECT_NE(run.err.find(R"("percent":)"), std::string::npos);
  SF_INFO info{};
  SNDFILE* f = sf_open((dir_ / "j.flac").c_str(), SFM_READ, &info);
  ASSERT_NE(f, nullptr);
  sf_close(f);
  EXPECT_EQ(info.format & SF_FORMAT_TYPEMASK, SF_FORMAT_FLAC);
}

TEST_F(CliTest, CtrlCDuringSamplingExitsWith3AndLeavesNoFile) {
  const auto out = dir_ / "cancelled.wav";
  auto args = generate_args(out);
  args[6] = "20";  // more steps, so the interrupt surely lands while sampling
  const auto run = run_cli(args, "sampling");
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(files_in(dir_), std::vector<fs::path>{"song.lrc"});
}

std::vector<fs::path> journals() {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(test_cache_dir() / "diffrhythm-studio" / "runs", ec))
    if (e.path().extension() == ".drsrun") found.push_back(e.path());
  return found;
}

// A run killed outright (no chance to clean up) after its third step continues from
// its journal and writes the very bytes the uninterrupted run wrote.
TEST_F(CliTest, AKilledRunResumesToTheSameBytes) {
  for (const auto& j : journals()) fs::remove(j);
  auto args = generate_args(dir_ / "whole.wav");
  args[6] = "6";
  const auto whole = run_cli(args);
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  EXPECT_TRUE(journals().empty()) << "a finished run leaves no journal";

  args.back() = (dir_ / "resumed.wav").string();
  const auto killed = run_cli(args, "step 3/6", {}, SIGKILL);
  ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err;
  EXPECT_FALSE(fs::exists(dir_ / "resumed.wav"));
  ASSERT_EQ(journals().size(), 1u);
  const auto listed = run_cli({"resume"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::printf("resume lists: %s", listed.out.c_str());
  EXPECT_NE(listed.out.find(" of 6"), std::string::npos) << listed.out;

  args.push_back("--resume");
  const auto resumed = run_cli(args);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("resuming run"), std::string::npos) << resumed.err;
  EXPECT_EQ(resumed.err.find("step 1/6"), std::string::npos) << "steps were recomputed";
  const auto a = file_bytes(dir_ / "whole.wav"), b = file_bytes(dir_ / "resumed.wav");
  ASSERT_FALSE(a.empty());
  EXPECT_TRUE(a == b) << "the resumed take differs from the uninterrupted one";
  EXPECT_TRUE(journals().empty());
}

TEST_F(CliTest, AJournalOfAnotherModelSetIsRefusedAndKept) {
  for (const auto& j : journals()) fs::remove(j);
  auto args = generate_args(dir_ / "x.wav");
  args[6] = "6";
  const auto interrupted = run_cli(args, "step 2/6");  // Ctrl+C keeps the journal too
  ASSERT_EQ(interrupted.exit_code, 3) << interrupted.err;
  EXPECT_NE(interrupted.err.find("diffrhythm-cli resume"), std::string::npos) << interrupted.err;
  const auto kept = journals();
  ASSERT_EQ(kept.size(), 1u);

  const auto other = dir_ / "other-set";
  fs::copy(DRS_TEST_DEMO_DIR, other, fs::copy_options::recursive);
  auto manifest = nlohmann::json::parse(std::ifstream(other / "manifest.json"));
  manifest["id"] = "another-set";
  std::ofstream(other / "manifest.json") << manifest.dump();
  const auto refused = run_cli({"resume", kept[0].stem().string(), "--models", other.string(),
                                "--out", (dir_ / "x.wav").string()});
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find("model set is 'demo'"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("another-set"), std::string::npos) << refused.err;
  EXPECT_EQ(journals(), kept) << "a refused journal is left as it was";
  EXPECT_FALSE(fs::exists(dir_ / "x.wav"));
  fs::remove(kept[0]);
}

TEST_F(CliTest, UnwritableOutputExitsWith5BeforeAnyWork) {
  const auto locked = dir_ / "locked";
  fs::create_directories(locked);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
  const auto run = run_cli(generate_args(dir_ / "missing-folder" / "x.wav"));
  EXPECT_EQ(run.exit_code, 5) << run.err;
  EXPECT_NE(run.err.find("missing-folder"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("sampling"), std::string::npos);  // failed fast
  if (::geteuid() != 0) {                                  // root may write anywhere
    const auto locked_run = run_cli(generate_args(locked / "x.wav"));
    EXPECT_EQ(locked_run.exit_code, 5) << locked_run.err;
  }
  EXPECT_TRUE(fs::is_empty(locked));
}

TEST_F(CliTest, BadInputExitsWith2) {
  std::ofstream(dir_ / "bad.lrc") << "[00:01.00]fine\n[00:02.00]\xc3\x28 broken\n";
  auto args = generate_args(dir_ / "x.wav");
  args[2] = (dir_ / "bad.lrc").string();
  auto run = run_cli(args);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("line 2"), std::string::npos) << run.err;
  EXPECT_EQ(run_cli({"generate", "--preset", "nonsense", "--out", "x.wav"}).exit_code, 2);
  EXPECT_EQ(run_cli({"generate", "--steps", "abc", "--out", "x.wav"}).exit_code, 2);
  EXPECT_EQ(run_cli({"frobnicate"}).exit_code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "x.wav"));
}

TEST_F(CliTest, MissingModelsExitWith4) {
  auto args = generate_args(dir_ / "x.wav");
  args[12] = (dir_ / "no-models").string();
  const auto run = run_cli(args);
  EXPECT_EQ(run.exit_code, 4) << run.err;
}

TEST_F(CliTest, HelpDocumentsTheExitCodes) {
  const auto run = run_cli({"--help"});
  EXPECT_EQ(run.exit_code, 0);
  for (const char* code : {"0  success", "2  bad input", "3  cancelled", "4  model", "5  output"})
    EXPECT_NE(run.out.find(code), std::string::npos) << code;
  const auto presets = run_cli({"presets"});
  EXPECT_NE(presets.out.find("best"), std::string::npos);
  EXPECT_NE(presets.out.find("62"), std::string::npos);  // best: 31 steps x 2 passes
}

// The labelled cost cutters work end to end: int8 matrices and partial guidance give a
// valid take that differs from the exact one; out-of-range values are refused.
TEST_F(CliTest, Int8AndPartialGuidanceRunAndDifferFromTheExactTake) {
  const auto read = [](const fs::path& path) {
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    std::vector<short> samples(static_cast<std::size_t>(info.frames * info.channels));
    if (f) {
      sf_read_short(f, samples.data(), static_cast<sf_count_t>(samples.size()));
      sf_close(f);
    }
    return samples;
  };
  ASSERT_EQ(run_cli(generate_args(dir_ / "exact.wav")).exit_code, 0);
  auto int8 = generate_args(dir_ / "int8.wav");
  int8.insert(int8.end(), {"--precision", "int8"});
  const auto int8_run = run_cli(int8);
  ASSERT_EQ(int8_run.exit_code, 0) << int8_run.err;
  auto partial = generate_args(dir_ / "partial.wav");
  partial.insert(partial.end(), {"--guidance-until", "0.4"});
  ASSERT_EQ(run_cli(partial).exit_code, 0);
  const auto exact = read(dir_ / "exact.wav");
  ASSERT_EQ(exact.size(), 2u * 2048 * 2048);
  EXPECT_EQ(read(dir_ / "int8.wav").size(), exact.size());
  EXPECT_NE(read(dir_ / "int8.wav"), exact);
  EXPECT_NE(read(dir_ / "partial.wav"), exact);
  auto bad = generate_args(dir_ / "bad.wav");
  bad.insert(bad.end(), {"--guidance-until", "1.5"});
  EXPECT_EQ(run_cli(bad).exit_code, 2);
}

// Issue 16: editing and continuing a take from the command line.
class CliEditTest : public CliTest {
 protected:
  // A song of the demo model's length (95.1 s) and one of 40 s: stereo 16-bit sines
  // (any audio is a valid reference; no generation needed).
  void make_reference() const {
    write_sine(dir_ / "take.wav", 2048 * 2048);
    write_sine(dir_ / "head.wav", 40 * 44100);
  }
  static void write_sine(const fs::path& path, int frames) {
    SF_INFO info{};
    info.samplerate = 44100;
    info.channels = 2;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    std::vector<short> samples(static_cast<std::size_t>(frames) * 2);
    for (std::size_t i = 0; i < samples.size(); ++i) {
      const std::size_t frame = i / 2;  // both channels of a frame get the same sample
      samples[i] = static_cast<short>(8000 * std::sin(0.05 * static_cast<double>(frame)));
    }
    SNDFILE* out = sf_open(path.c_str(), SFM_WRITE, &info);
    ASSERT_NE(out, nullptr);
    sf_writef_short(out, samples.data(), frames);
    sf_close(out);
  }
  [[nodiscard]] std::vector<std::string> edit_args(const fs::path& out,
                                                   std::vector<std::string> extra) const {
    auto args = generate_args(out);
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }
};

TEST_F(CliEditTest, EditAndContinueATakeWriteFullLengthSongs) {
  make_reference();
  const auto edited = dir_ / "edited.wav";
  auto run = run_cli(edit_args(
      edited, {"--edit-from", (dir_ / "take.wav").string(), "--edit", "[[10,20],[1:00,-1]]"}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("encoding       chunk 21/21"), std::string::npos) << run.err;
  const auto continued = dir_ / "continued.wav";
  run = run_cli(edit_args(continued, {"--continue-from", (dir_ / "head.wav").string()}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const auto& path : {edited, continued}) {
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    ASSERT_NE(f, nullptr) << path;
    sf_close(f);
    EXPECT_EQ(info.frames, 2048 * 2048) << path;
  }
}

TEST_F(CliEditTest, BadSegmentsUnreadableAudioAndShortReferencesExitWith2) {
  make_reference();
  const auto take = (dir_ / "take.wav").string();
  const auto out = dir_ / "x.wav";
  const auto expect_2 = [&](std::vector<std::string> extra, const std::string& reason) {
    const auto run = run_cli(edit_args(out, std::move(extra)));
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find(reason), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("sampling"), std::string::npos) << "failed before sampling";
  };
  expect_2({"--edit-from", take, "--edit", "[[10,20]"}, "--edit: edit segments, column 9");
  expect_2({"--edit-from", take, "--edit", "[[20,10]]"}, "is empty");
  expect_2({"--edit-from", take, "--edit", "[[1:75,2:00]]"}, "seconds must be below 60");
  expect_2({"--edit-from", take, "--edit", "[[120,130]]"}, "at or after the song's end");
  expect_2({"--edit-from", take}, "--edit-from needs --edit");
  expect_2({"--edit", "[[1,2]]"}, "--edit needs --edit-from");
  expect_2({"--continue-from", take, "--edit", "[[1,2]]"}, "cannot be combined");
  expect_2({"--edit-from", (dir_ / "nothing.wav").string(), "--edit", "[[1,2]]"},
           "nothing.wav: cannot read audio");
  expect_2({"--edit-from", (dir_ / "song.lrc").string(), "--edit", "[[1,2]]"},
           "song.lrc: cannot read audio");
  expect_2({"--edit-from", (dir_ / "head.wav").string(), "--edit", "[[1,2]]"},
           "the reference song is 40.0 s long, but the song is 95.1 s");
  expect_2({"--continue-from", take}, "already 95.1 s long");
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace

// A CPU newer than the installed OpenBLAS makes it fall back to its generic Prescott
// kernels. Forced by the user, that choice is reported and kept, and a run still works.
TEST_F(CliTest, AForcedFallbackCoreIsReportedAndNotOverridden) {
  if (!drs::current_blas_kernel().is_openblas()) GTEST_SKIP() << "the BLAS is not OpenBLAS";
  const Environment prescott{{"OPENBLAS_CORETYPE", "Prescott"}};
  const auto info = run_cli({"info", "--models", DRS_TEST_DEMO_DIR}, {}, prescott);
  ASSERT_EQ(info.exit_code, 0) << info.err;
  std::printf("%s", info.out.c_str());
  EXPECT_NE(info.out.find("OpenBLAS core Prescott (set by OPENBLAS_CORETYPE; not overridden)"),
            std::string::npos)
      << info.out;
  // int8 products do not go through OpenBLAS: the fallback core does not touch them.
  EXPECT_NE(info.out.find("\nint8 maths: " + drs::int8_kernel_name() + "\n"), std::string::npos)
      << info.out;
  const auto out = dir_ / "prescott.wav";
  const auto run = run_cli(generate_args(out), {}, prescott);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::exists(out));
}

// The same fallback as OpenBLAS's own choice (reproduced with DRS_BLAS_CORE_START) is
// replaced at start-up by the best core for this CPU, after a check.
TEST_F(CliTest, AFallbackCoreIsReplacedWithoutTheUserDoingAnything) {
  if (!drs::current_blas_kernel().is_openblas()) GTEST_SKIP() << "the BLAS is not OpenBLAS";
  if (std::getenv("OPENBLAS_CORETYPE") != nullptr)
    GTEST_SKIP() << "this environment sets OPENBLAS_CORETYPE itself";
  const Environment fallback{{"DRS_BLAS_CORE_START", "Prescott"}};
  const auto info = run_cli({"info", "--models", DRS_TEST_DEMO_DIR}, {}, fallback);
  ASSERT_EQ(info.exit_code, 0) << info.err;
  std::printf("%s", info.out.c_str());
  const auto best = drs::better_openblas_core(drs::detect_cpu_features(), "Prescott");
  if (best.empty()) {
    EXPECT_NE(info.out.find("OpenBLAS core Prescott"), std::string::npos) << info.out;
    return;
  }
  const bool selected =
      info.out.find("OpenBLAS core " + best +
                    " (selected automatically: OpenBLAS chose Prescott") != std::string::npos;
  const bool rejected = info.out.find("OpenBLAS core Prescott (" + best +
                                      " was tried and rejected") != std::string::npos;
  EXPECT_TRUE(selected || rejected) << info.out;
  const auto out = dir_ / "selected.wav";
  const auto run = run_cli(generate_args(out), {}, fallback);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::exists(out));
}

// `models`: list, where, verify (digests cross-checked with Debian's sha256sum as a
// separate process), a damaged file named with exit code 4, remove.
TEST_F(CliTest, ModelsListVerifyAndRemoveAnInstalledSet) {
  const auto store = dir_ / "store";
  const auto set = store / "diffrhythm-1_2-base";
  fs::create_directories(store);
  fs::copy(DRS_TEST_DEMO_DIR, set, fs::copy_options::recursive);
  nlohmann::json files = nlohmann::json::array();
  for (const auto& entry : fs::directory_iterator(set)) {
    const auto name = entry.path().filename().string();
    if (name == "manifest.json") continue;
    const auto hashed = run_shell("sha256sum '" + entry.path().string() + "'");
    ASSERT_GE(hashed.size(), 64u) << "sha256sum failed";
    files.push_back({{"name", name},
                     {"size", fs::file_size(entry.path())},
                     {"sha256", hashed.substr(0, 64)},
                     {"sha256_verified", true}});
  }
  auto manifest = nlohmann::json::parse(std::ifstream(set / "manifest.json"));
  manifest["id"] = "diffrhythm-1_2-base";
  manifest["name"] = "Test base";
  manifest["is_demo"] = false;
  manifest["files"] = files;
  manifest["licences"] = {{{"component", "DiT"}, {"licence", "Apache-2.0"}}};
  std::ofstream(set / "manifest.json") << manifest.dump(1);
  const Environment in_store{{"DRS_MODELS_DIR", store.string()}};

  const auto where = run_cli({"models", "where"}, {}, in_store);
  EXPECT_EQ(where.exit_code, 0);
  EXPECT_EQ(where.out, store.string() + "\n");
  const auto list = run_cli({"models", "list"}, {}, in_store);
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("diffrhythm-1_2-base (default)\tTest base"), std::string::npos)
      << list.out;
  EXPECT_NE(list.out.find("licence DiT: Apache-2.0"), std::string::npos) << list.out;

  const auto good = run_cli({"models", "verify", "diffrhythm-1_2-base"}, {}, in_store);
  EXPECT_EQ(good.exit_code, 0) << good.out << good.err;
  EXPECT_EQ(good.out.find("FAILED"), std::string::npos) << good.out;
  EXPECT_NE(good.out.find(files[0]["sha256"].get<std::string>()), std::string::npos);

  {  // one byte of the VAE changed: same size, other digest
    std::fstream vae(set / "vae_model.pt", std::ios::in | std::ios::out | std::ios::binary);
    vae.seekg(100);
    const char old = static_cast<char>(vae.get());
    vae.seekp(100);
    vae.put(static_cast<char>(old ^ 0x5a));
  }
  const auto damaged = run_cli({"models", "verify"}, {}, in_store);
  EXPECT_EQ(damaged.exit_code, 4);
  EXPECT_NE(damaged.out.find("FAILED   vae_model.pt: SHA-256"), std::string::npos) << damaged.out;

  EXPECT_EQ(run_cli({"models", "remove", "demo"}, {}, in_store).exit_code, 2);
  EXPECT_EQ(run_cli({"models", "remove", "../store"}, {}, in_store).exit_code, 2);
  EXPECT_EQ(run_cli({"models", "bogus"}, {}, in_store).exit_code, 2);
  const auto removed = run_cli({"models", "remove", "diffrhythm-1_2-base"}, {}, in_store);
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_FALSE(fs::exists(set));
  EXPECT_TRUE(fs::exists(store));
}

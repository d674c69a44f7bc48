// `diffrhythm-cli models import|download` as a user runs them: a Hugging Face cache
// holding tiny models (the demo set's files under the official repository and file
// names) is imported into a store, and `generate` then writes a song from that set.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_process.h"
#include "support/temp_dir_test.h"

namespace {

namespace fs = std::filesystem;

struct Run {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// The CLI as a user with `home` as HOME and no store, cache or hub settings of their own.
Run run_cli(std::vector<std::string> args, const fs::path& home) {
  drs::test::ProcessOptions options;
  options.env = {{"HOME", home.string()}, {"XDG_CONFIG_HOME", ""}, {"XDG_DATA_HOME", ""},
                 {"DRS_MODELS_DIR", ""},  {"HF_HUB_CACHE", ""},    {"HF_HOME", ""}};
  const auto run = drs::test::run_process(DRS_CLI, std::move(args), options);
  return {run.exit_code, run.out + run.err};
}

class CliModelsTest : public drs::test::TempDirTest {
 protected:
  void SetUp() override { fs::create_directories(dir_ / "home"); }

  // ~/.cache/huggingface/hub with models--ORG--NAME/{refs/main,snapshots/<rev>/...}.
  fs::path make_hub_cache() const {
    const fs::path demo = DRS_TEST_DEMO_DIR;
    const fs::path hub = dir_ / "home" / ".cache" / "huggingface" / "hub";
    const auto put = [&](const std::string& repo, const char* from, const char* to) {
      const auto snapshot = hub / ("models--" + repo) / "snapshots" / "r1";
      fs::create_directories(snapshot);
      fs::create_directories(hub / ("models--" + repo) / "refs");
      std::ofstream(hub / ("models--" + repo) / "refs" / "main") << "r1";
      fs::copy_file(demo / from, snapshot / to, fs::copy_options::overwrite_existing);
    };
    put("ASLP-lab--DiffRhythm-1_2", "dit.safetensors", "dit.safetensors");
    put("ASLP-lab--DiffRhythm-1_2", "dit_config.json", "config.json");
    put("ASLP-lab--DiffRhythm-vae", "vae_model.pt", "vae_model.pt");
    put("OpenMuQ--MuQ-MuLan-large", "mulan.safetensors", "mulan.safetensors");
    put("OpenMuQ--MuQ-MuLan-large", "mulan_config.json", "config.json");
    if (fs::exists(demo / "muq_config.json"))  // the audio tower's, where the demo set has it
      put("OpenMuQ--MuQ-large-msd-iter", "muq_config.json", "config.json");
    put("FacebookAI--xlm-roberta-base", "xlmr_sentencepiece.bpe.model", "sentencepiece.bpe.model");
    put("FacebookAI--xlm-roberta-base", "xlmr_config.json", "config.json");
    return hub;
  }
};

TEST_F(CliModelsTest, ImportAHubCacheThenGenerateFromIt) {
  make_hub_cache();
  const fs::path home = dir_ / "home";
  const fs::path store = dir_ / "store";
  // --hf-cache without a folder: ~/.cache/huggingface/hub.
  const auto imported =
      run_cli({"models", "import", "--hf-cache", "--store", store.string()}, home);
  ASSERT_EQ(imported.exit_code, 0) << imported.out;
  EXPECT_NE(imported.out.find("installed diffrhythm-1_2-base"), std::string::npos) << imported.out;
  const auto list = run_cli({"models", "list", "--store", store.string()}, home);
  EXPECT_NE(list.out.find("diffrhythm-1_2-base"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("licence mulan: CC-BY-NC 4.0"), std::string::npos) << list.out;

  std::ofstream(dir_ / "song.lrc") << "[00:01.00]Hello world\n[00:04.00]Singing in the light\n";
  const fs::path song = dir_ / "song.wav";
  const auto generated =
      run_cli({"generate", "--lyrics", (dir_ / "song.lrc").string(), "--style", "dark synthwave",
               "--steps", "2", "--cfg", "2", "--seed", "5", "--quiet", "--models",
               (store / "diffrhythm-1_2-base").string(), "--out", song.string()},
              home);
  ASSERT_EQ(generated.exit_code, 0) << generated.out;
  EXPECT_GT(fs::file_size(song), 1'000'000u);
}

TEST_F(CliModelsTest, ClearRefusals) {
  const fs::path home = dir_ / "home";
  fs::create_directories(dir_ / "empty");
  const auto nothing = run_cli(
      {"models", "import", (dir_ / "empty").string(), "--store", (dir_ / "s").string()}, home);
  EXPECT_EQ(nothing.exit_code, 4) << nothing.out;
  EXPECT_NE(nothing.out.find("holds no complete set"), std::string::npos) << nothing.out;
  const auto unknown = run_cli({"models", "download", "no-such-set"}, home);
  EXPECT_EQ(unknown.exit_code, 2) << unknown.out;
  EXPECT_NE(unknown.out.find("chinese-lyrics"), std::string::npos) << unknown.out;  // the list
  EXPECT_EQ(run_cli({"models", "import"}, home).exit_code, 2);
}

}  // namespace

// A model set holding the official cfm_model.pt instead of our dit.safetensors generates
// the same song, bit for bit: the checkpoint is read in place (our zip reader and
// restricted unpickler), entries the model does not use are skipped and named.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "drs/engine.h"
#include "drs/model_set.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

drs::GenerationRequest request() {
  drs::GenerationRequest r;
  r.lyrics = "[00:01.00]Hello world\n[00:04.00]Singing in the light\n";
  r.style = "dark synthwave";
  r.seconds = 95;
  r.sampling = {3, 2.0f, -1.0f};
  r.seed = 11;
  return r;
}

drs::GenerationResult generate(const fs::path& set, const fs::path& cache) {
  drs::EngineOptions options{set, drs::Device::Cpu};
  options.cache_dir = cache;
  drs::Engine engine(options);
  return engine.generate(request(), {}, {});
}

// The demo set with its DiT replaced by a torch.save checkpoint written by PyTorch.
fs::path official_layout_copy(const fs::path& root, const std::string& strided) {
  const auto set = root / "set";
  fs::copy(DRS_TEST_DEMO_DIR, set, fs::copy_options::recursive);
  const auto dit = set / drs::ModelSetLayout::kDit;
  std::string command = std::string("/usr/bin/python3 ") + DRS_TEST_CHECKPOINT_SCRIPT + " '" +
                        dit.string() + "' '" +
                        (set / drs::ModelSetLayout::kDitCheckpoint).string() + "'";
  if (!strided.empty()) command += " --strided " + strided;
  if (std::system(command.c_str()) != 0) return {};
  fs::remove(dit);
  return set;
}

}  // namespace

TEST(OfficialCheckpoint, ASetWithOnlyCfmModelPtGeneratesTheSameSong) {
  if (std::system("/usr/bin/python3 -c 'import torch' 2>/dev/null") != 0)
    GTEST_SKIP() << "python3-torch is needed to write the checkpoint";
  const drs::test::TempDir temp("official-ckpt");
  const fs::path& root = temp.path();
  const auto set = official_layout_copy(root, "transformer.proj_out.weight");
  ASSERT_FALSE(set.empty()) << "writing the checkpoint failed";
  ASSERT_NO_THROW((void)drs::read_model_set(set));

  const auto ours = generate(DRS_TEST_DEMO_DIR, root / "cache-a");
  const auto official = generate(set, root / "cache-b");
  ASSERT_EQ(ours.outcome, drs::Outcome::Succeeded) << ours.error;
  ASSERT_EQ(official.outcome, drs::Outcome::Succeeded) << official.error;
  ASSERT_EQ(official.takes.size(), 1u);
  EXPECT_EQ(official.takes[0].audio, ours.takes[0].audio) << "not bit-identical";

  bool named = false;
  for (const auto& w : official.warnings) {
    std::printf("warning: %s\n", w.c_str());
    named = named || w.find("'transformer.rotary_emb.inv_freq'") != std::string::npos;
  }
  EXPECT_TRUE(named) << "the unused checkpoint entry must be named";
}

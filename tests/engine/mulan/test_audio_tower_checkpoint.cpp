// The audio tower bound from a torch.save'd state dict, as MuQ-MuLan's pytorch_model.bin
// holds it (read in place by our own checkpoint reader), under both torch-version names
// of the unused pos_conv_embed: the same embedding as from our safetensors file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "models/checkpoint_weights.h"
#include "mulan/audio_style_encoder.h"
#include "mulan/audio_tower_config.h"
#include "mulan/audio_tower_random.h"
#include "support/temp_dir.h"
#include "weights/safetensors.h"

namespace {

namespace fs = std::filesystem;

drs::AudioTowerConfig small_config() {
  drs::AudioTowerConfig c;
  c.stem_channels = 2;
  c.conformer.dim = 16;
  c.conformer.depth = 2;
  c.conformer.heads = 2;
  c.conformer.ffn_dim = 32;
  c.conformer.depthwise_kernel = 5;
  c.head = {8, 1, 2, 4, 2};
  return c;
}

TEST(AudioTowerCheckpoint, PytorchModelBinBindsUnderEitherTorchVersionsNames) {
  if (std::system("/usr/bin/python3 -c 'import torch' 2>/dev/null") != 0)
    GTEST_SKIP() << "python3-torch is needed to write the checkpoint";
  const drs::test::TempDir temp("audio-ckpt");
  const fs::path& dir = temp.path();
  const auto config = small_config();
  auto weights = drs::random_audio_tower_weights(config, 5);
  std::vector<std::pair<std::string, at::Tensor>> list(weights.all().begin(), weights.all().end());
  drs::write_safetensors(dir / "tower.safetensors", list);
  const drs::AudioStyleEncoder reference(config, weights);
  const auto wave = at::sin(at::arange(240000, at::kFloat) * 0.05) * 0.3;
  const auto want = reference.embed(wave);

  for (const std::string variant : {"", " --parametrizations"}) {
    const auto bin = dir / "pytorch_model.bin";
    const auto command = std::string("/usr/bin/python3 ") + DRS_TEST_AUDIO_CKPT_SCRIPT + " '" +
                         (dir / "tower.safetensors").string() + "' '" + bin.string() + "'" +
                         variant;
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    auto from_bin = drs::models::load_checkpoint_weights(bin, "");
    const drs::AudioStyleEncoder encoder(config, from_bin);
    EXPECT_TRUE(at::equal(encoder.embed(wave), want)) << "variant '" << variant << "'";
  }
}

}  // namespace

// MuQ-MuLan's pytorch_model.bin as the hub serves it (built by the test in the torch 2.x
// zip layout): a bare state dict (no wrapping key) of mulan.* entries - the text tower,
// audio-tower tensors the text path does not use, a BatchNorm's 0-d int64
// num_batches_tracked, XLM-R's int64 position_ids [1,514] and token_type_ids buffers.
// Its names are checked at import, before anything is copied; the conversion keeps every
// entry (the audio tower reads its own) bit for bit in dtype and shape. A file that lacks
// the text path (another model's weights) is refused naming what is missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "drs/model_install.h"
#include "drs/model_set.h"
#include "models/safetensors_header.h"
#include "support/temp_dir.h"
#include "torch_checkpoint_writer.h"

namespace {

namespace fs = std::filesystem;
using drs::test::TensorRecord;

std::vector<TensorRecord> mulan_state_dict() {
  const std::string e = "mulan.text.model.embeddings.";
  return {
      {e + "word_embeddings.weight", "FloatStorage", 4, {12, 8}},
      {e + "position_embeddings.weight", "FloatStorage", 4, {514, 8}},
      {e + "token_type_embeddings.weight", "FloatStorage", 4, {1, 8}},
      {e + "LayerNorm.weight", "FloatStorage", 4, {8}},
      {e + "LayerNorm.bias", "FloatStorage", 4, {8}},
      {e + "position_ids", "LongStorage", 8, {1, 514}},
      {e + "token_type_ids", "LongStorage", 8, {1, 514}},
      {"mulan.text.model.encoder.layer.0.attention.self.query.weight", "FloatStorage", 4, {8, 8}},
      {"mulan.text.transformer.layers.0.0.to_q.weight", "FloatStorage", 4, {8, 8}},
      {"mulan.text_to_latents.weight", "FloatStorage", 4, {4, 8}},
      {"mulan.text_to_latents.bias", "FloatStorage", 4, {4}},
      // The audio tower: unused by the text style, kept for reference songs.
      {"mulan.audio.model.model.conv.0.weight", "FloatStorage", 4, {4, 1, 3}},
      {"mulan.audio.model.model.bn.num_batches_tracked", "LongStorage", 8, {}},
      {"mulan.audio_to_latents.weight", "FloatStorage", 4, {4, 8}}};
}

drs::CatalogSet mulan_set() {
  drs::CatalogFile weights;
  weights.repo = "OpenMuQ/MuQ-MuLan-large";
  weights.revision = "main";
  weights.file = "pytorch_model.bin";
  weights.local_name = drs::ModelSetLayout::kStyleCheckpoint;
  weights.format = drs::FileFormat::TorchPickle;
  weights.converted_name = drs::ModelSetLayout::kStyleWeights;
  weights.tensor_spec = drs::TensorSpec::MulanText;
  return {"mulan-set",
          "MuLan",
          "test",
          {{"mulan", "MuQ-MuLan", {"CC-BY-NC 4.0", "", ""}, {weights}}},
          false};
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

TEST(MulanCheckpoint, BareStateDictCheckedAtImportAndConvertedWhole) {
  drs::test::TempDir dir;
  const fs::path source = dir.path() / "source";
  fs::create_directories(source);
  const auto tensors = mulan_state_dict();
  std::ofstream(source / "pytorch_model.bin", std::ios::binary)
      << drs::test::torch2_state_dict_file(tensors, "", "pytorch_model");
  const drs::CatalogSet set = mulan_set();
  const drs::ImportPlan plan = drs::plan_import(source, set);
  ASSERT_TRUE(plan.ok()) << joined(plan.errors);
  const fs::path installed = drs::execute_import(plan, set, dir.path() / "store");
  const auto header = drs::models::read_safetensors_header(installed / "mulan.safetensors");
  ASSERT_EQ(header.tensors.size(), tensors.size());
  const auto& ids = header.tensors.at("mulan.text.model.embeddings.position_ids");
  EXPECT_EQ(ids.dtype, "I64");
  EXPECT_EQ(ids.shape, (std::vector<std::int64_t>{1, 514}));
  const auto& tracked = header.tensors.at("mulan.audio.model.model.bn.num_batches_tracked");
  EXPECT_EQ(tracked.dtype, "I64");
  EXPECT_TRUE(tracked.shape.empty());  // 0-d
  EXPECT_TRUE(header.tensors.contains("mulan.text.model.embeddings.token_type_ids"));
  EXPECT_FALSE(fs::exists(installed / "mulan_model.bin"));  // replaced by its conversion
}

TEST(MulanCheckpoint, AnotherModelsWeightsRefusedBeforeCopying) {
  drs::test::TempDir dir;
  const fs::path source = dir.path() / "source";
  fs::create_directories(source);
  auto tensors = mulan_state_dict();
  std::erase_if(tensors, [](const TensorRecord& t) { return t.name.starts_with("mulan.text"); });
  std::ofstream(source / "pytorch_model.bin", std::ios::binary)
      << drs::test::torch2_state_dict_file(tensors, "", "pytorch_model");
  const drs::ImportPlan plan = drs::plan_import(source, mulan_set());
  ASSERT_FALSE(plan.ok());
  const std::string errors = joined(plan.errors);
  EXPECT_NE(errors.find("pytorch_model.bin: not MuQ-MuLan's weights"), std::string::npos) << errors;
  EXPECT_NE(errors.find("mulan.text_to_latents.weight"), std::string::npos) << errors;
  EXPECT_FALSE(fs::exists(dir.path() / "store"));
}

}  // namespace

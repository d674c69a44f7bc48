// MuQ-MuLan's pytorch_model.bin checked by shape at import (built by the test in the
// torch 2.x zip layout, beside the set's mulan_config.json and xlmr_config.json): every
// tensor of the text path must have the shape the two configs give it - the table the
// style encoder binds from (mulan/text_tower_tensors.h) - or the import is refused
// before anything is copied, naming the tensor, its shape and the expected one. The
// same check runs on an already-converted mulan.safetensors.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "drs/error.h"
#include "drs/model_install.h"
#include "drs/model_set.h"
#include "models/safetensors_header.h"
#include "models/safetensors_writer.h"
#include "mulan/style_encoder_config.h"
#include "mulan/text_tower_tensors.h"
#include "support/temp_dir.h"
#include "torch_checkpoint_writer.h"

namespace {

namespace fs = std::filesystem;
using drs::test::TensorRecord;

// A tiny but consistent text tower: XLM-R width 8 (1 layer), MuLan transformer width 8
// (no projection), style space 4.
drs::StyleEncoderConfig tiny_config() {
  drs::StyleEncoderConfig c;
  c.xlmr.vocab_size = 12;
  c.xlmr.hidden_size = 8;
  c.xlmr.num_hidden_layers = 1;
  c.xlmr.num_attention_heads = 2;
  c.xlmr.intermediate_size = 16;
  c.text = {8, 1, 2, 4, 4, false, 4};
  return c;
}

// The text path as the config describes it (audio-tower and buffer entries beside it,
// as in the official file), with `shape_of` replacing some shapes.
std::vector<TensorRecord> state_dict(const std::map<std::string, std::vector<int64_t>>& shape_of) {
  std::vector<TensorRecord> tensors;
  for (const auto& [name, shape] : drs::mulan_text_tensor_shapes(tiny_config())) {
    const auto replaced = shape_of.find(name);
    tensors.push_back(
        {name, "FloatStorage", 4, replaced == shape_of.end() ? shape : replaced->second});
  }
  tensors.push_back({"mulan.text.model.embeddings.position_ids", "LongStorage", 8, {1, 514}});
  tensors.push_back({"mulan.audio.model.model.bn.num_batches_tracked", "LongStorage", 8, {}});
  return tensors;
}

drs::CatalogFile hub_file(const std::string& repo, const std::string& file,
                          const std::string& local, drs::FileFormat format) {
  drs::CatalogFile f;
  f.repo = repo;
  f.revision = "main";
  f.file = file;
  f.local_name = local;
  f.format = format;
  return f;
}

drs::CatalogSet mulan_set() {
  drs::CatalogFile weights =
      hub_file("OpenMuQ/MuQ-MuLan-large", "pytorch_model.bin",
               drs::ModelSetLayout::kStyleCheckpoint, drs::FileFormat::TorchPickle);
  weights.converted_name = drs::ModelSetLayout::kStyleWeights;
  weights.tensor_spec = drs::TensorSpec::MulanText;
  return {"mulan-set",
          "MuLan",
          "test",
          {{"mulan",
            "MuQ-MuLan",
            {"CC-BY-NC 4.0", "", ""},
            {hub_file("OpenMuQ/MuQ-MuLan-large", "config.json", drs::ModelSetLayout::kStyleConfig,
                      drs::FileFormat::Json),
             weights,
             hub_file("FacebookAI/xlm-roberta-base", "config.json",
                      drs::ModelSetLayout::kXlmrConfig, drs::FileFormat::Json)}}},
          false};
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

class MulanShapes : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(source());
    std::ofstream(source() / drs::ModelSetLayout::kStyleConfig)
        << tiny_config().official_mulan_json().dump();
    std::ofstream(source() / drs::ModelSetLayout::kXlmrConfig)
        << tiny_config().official_xlmr_json().dump();
  }
  [[nodiscard]] fs::path source() const { return dir_.path() / "source"; }
  [[nodiscard]] fs::path store() const { return dir_.path() / "store"; }
  void write_checkpoint(const std::vector<TensorRecord>& tensors) const {
    std::ofstream(source() / "pytorch_model.bin", std::ios::binary)
        << drs::test::torch2_state_dict_file(tensors, "", "pytorch_model");
  }
  drs::test::TempDir dir_;
};

TEST_F(MulanShapes, TheConfiguredTextPathImports) {
  write_checkpoint(state_dict({}));
  const drs::CatalogSet set = mulan_set();
  const drs::ImportPlan plan = drs::plan_import(source(), set);
  ASSERT_TRUE(plan.ok()) << joined(plan.errors);
  const fs::path installed = drs::execute_import(plan, set, store());
  const auto header = drs::models::read_safetensors_header(installed / "mulan.safetensors");
  EXPECT_EQ(header.tensors.at("mulan.text.transformer.layers.0.1.1.weight").shape,
            (std::vector<std::int64_t>{42, 8}));  // GEGLU: 2 * int(8 * 4 * 2 / 3)
}

TEST_F(MulanShapes, AWrongShapeIsRefusedByNameBeforeCopying) {
  const std::string embeddings = "mulan.text.model.embeddings.word_embeddings.weight";
  const std::string up = "mulan.text.model.encoder.layer.0.intermediate.dense.weight";
  write_checkpoint(state_dict({{embeddings, {12, 6}}, {up, {8, 16}}}));  // 16 x 8 transposed
  const drs::ImportPlan plan = drs::plan_import(source(), mulan_set());
  ASSERT_EQ(plan.errors.size(), 1u) << joined(plan.errors);
  const std::string& error = plan.errors[0];
  std::printf("refused: %s\n", error.c_str());
  EXPECT_NE(error.find("pytorch_model.bin"), std::string::npos) << error;
  EXPECT_NE(error.find("tensor " + embeddings + " has shape [12, 6], expected [12, 8]"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("tensor " + up + " has shape [8, 16], expected [16, 8]"), std::string::npos)
      << error;
  EXPECT_THROW((void)drs::execute_import(plan, mulan_set(), store()), drs::Error);
  EXPECT_FALSE(fs::exists(store() / "mulan-set"));
}

TEST_F(MulanShapes, AMissingTextTensorIsNamedWithItsShape) {
  auto tensors = state_dict({});
  std::erase_if(tensors, [](const TensorRecord& t) {
    return t.name == "mulan.text.transformer.layers.0.0.q_scale";
  });
  write_checkpoint(tensors);
  const drs::ImportPlan plan = drs::plan_import(source(), mulan_set());
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(
      joined(plan.errors)
          .find("tensor mulan.text.transformer.layers.0.0.q_scale is missing (expected shape [4])"),
      std::string::npos)
      << joined(plan.errors);
}

// A mulan.safetensors converted elsewhere gets the same check.
TEST_F(MulanShapes, AConvertedFileIsCheckedToo) {
  std::vector<drs::models::SafetensorsTensorSpec> specs;
  for (const auto& [name, shape] : drs::mulan_text_tensor_shapes(tiny_config()))
    specs.push_back(
        {name, "F32", name == "mulan.text_to_latents.bias" ? std::vector<std::int64_t>{5} : shape});
  std::uint64_t bytes = 0;
  for (const auto& t : specs) bytes += drs::models::safetensors_tensor_bytes(t);
  std::ofstream(source() / drs::ModelSetLayout::kStyleWeights, std::ios::binary)
      << drs::models::safetensors_header_bytes(specs) << std::string(bytes, '\0');
  const drs::ImportPlan plan = drs::plan_import(source(), mulan_set());
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(
      joined(plan.errors)
          .find("mulan.safetensors: does not match the text tower its configuration describes "
                "(mulan_config.json, xlmr_config.json): tensor mulan.text_to_latents.bias has "
                "shape [5], expected [4]"),
      std::string::npos)
      << joined(plan.errors);
}

}  // namespace

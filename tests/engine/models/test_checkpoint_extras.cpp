// A cfm_model.pt (torch 2.x layout, written by the test) whose state dict holds entries
// the DiT has no place for - a saved rotary `inv_freq` buffer, an EMA wrapper's 0-d
// `step` and `initted` - imports like the official loader loads it
// (load_state_dict(strict=False)): the plan warns, naming each entry, before anything is
// copied; the conversion leaves them out, says so on the status line the CLI prints on
// stderr, and the installed dit.safetensors holds exactly the DiT's tensors. A file with
// only the EMA copy, or one that lacks a DiT tensor, is refused before copying.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drs/model_install.h"
#include "models/dit_tensor_spec.h"
#include "models/safetensors_header.h"
#include "temp_dir.h"
#include "torch_checkpoint_writer.h"

namespace {

namespace fs = std::filesystem;
using drs::test::TensorRecord;

const std::vector<TensorRecord> kExtras{
    {"transformer.rotary_emb.inv_freq", "FloatStorage", 4, {32}},
    {"step", "LongStorage", 8, {}},
    {"initted", "BoolStorage", 1, {}}};

// The smallest DiT the config reader accepts (dim 64 = 32 heads x 2, text_dim 512).
void write_config(const fs::path& file) {
  const nlohmann::json config{{"model_type", "diffrhythm"},
                              {"model",
                               {{"dim", 64},
                                {"depth", 2},
                                {"heads", 32},
                                {"ff_mult", 1},
                                {"mel_dim", 4},
                                {"text_num_embeds", 3},
                                {"text_dim", 512},
                                {"conv_layers", 0}}}};
  std::ofstream(file) << config.dump();
}

std::vector<TensorRecord> dit_tensors(const fs::path& config) {
  std::vector<TensorRecord> out;
  for (const auto& [name, shape] :
       drs::models::expected_dit_tensors(drs::models::read_dit_config(config, false)))
    out.push_back({name, "HalfStorage", 2, shape});
  return out;
}

void write_checkpoint(const fs::path& file, const std::vector<TensorRecord>& tensors,
                      const std::string& key = "model_state_dict") {
  std::ofstream(file, std::ios::binary) << drs::test::torch2_state_dict_file(tensors, key);
}

drs::CatalogSet dit_set() {
  drs::CatalogFile pt;
  pt.repo = "ASLP-lab/DiffRhythm-1_2";
  pt.file = "cfm_model.pt";
  pt.local_name = "cfm_model.pt";
  pt.format = drs::FileFormat::TorchPickle;
  pt.converted_name = "dit.safetensors";
  pt.checkpoint_key = "model_state_dict";
  pt.tensor_spec = drs::TensorSpec::DitBase;
  pt.config_name = "dit_config.json";
  drs::CatalogFile config;
  config.repo = pt.repo;
  config.file = "config.json";
  config.local_name = "dit_config.json";
  config.format = drs::FileFormat::Json;
  return {
      "dit-set", "DiT", "test", {{"dit-base", "DiT", {"Apache-2.0", "", ""}, {pt, config}}}, false};
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

TEST(CheckpointExtras, IgnoredWithAWarningThatNamesThem) {
  drs::test::TempDir dir;
  const fs::path source = dir.path() / "source";
  fs::create_directories(source);
  write_config(source / "config.json");
  std::vector<TensorRecord> tensors = dit_tensors(source / "config.json");
  const std::size_t dit_count = tensors.size();
  tensors.insert(tensors.begin() + 3, kExtras[0]);  // anywhere in the state dict
  tensors.push_back(kExtras[1]);
  tensors.push_back(kExtras[2]);
  write_checkpoint(source / "cfm_model.pt", tensors);

  const drs::CatalogSet set = dit_set();
  const drs::ImportPlan plan = drs::plan_import(source, set);
  ASSERT_TRUE(plan.ok()) << joined(plan.errors);
  const std::string warnings = joined(plan.warnings);
  EXPECT_NE(warnings.find("cfm_model.pt: ignored 3 entries the model does not use"),
            std::string::npos)
      << warnings;
  for (const auto& extra : kExtras)
    EXPECT_NE(warnings.find(extra.name), std::string::npos) << warnings;

  std::vector<std::string> status;
  const fs::path installed = drs::execute_import(
      plan, set, dir.path() / "store", [&](const std::string& line) { status.push_back(line); });
  const auto warning = std::find_if(status.begin(), status.end(), [](const std::string& line) {
    return line.starts_with("warning: cfm_model.pt: ignored 3 entries");
  });
  ASSERT_NE(warning, status.end()) << joined(status);
  EXPECT_NE(warning->find("transformer.rotary_emb.inv_freq, step, initted"), std::string::npos)
      << *warning;

  const auto header = drs::models::read_safetensors_header(installed / "dit.safetensors");
  EXPECT_EQ(header.tensors.size(), dit_count);
  for (const auto& extra : kExtras) EXPECT_FALSE(header.tensors.contains(extra.name));
  EXPECT_EQ(drs::models::check_dit_weights(
                installed / "dit.safetensors",
                drs::models::read_dit_config(installed / "dit_config.json", false)),
            "");
  EXPECT_FALSE(fs::exists(installed / "cfm_model.pt"));  // replaced by its conversion
}

TEST(CheckpointExtras, EmaOnlyOrMissingTensorsRefusedBeforeCopying) {
  drs::test::TempDir dir;
  const fs::path source = dir.path() / "source";
  fs::create_directories(source);
  write_config(source / "config.json");
  std::vector<TensorRecord> ema = dit_tensors(source / "config.json");
  for (auto& t : ema) t.name = "ema_model." + t.name;
  write_checkpoint(source / "cfm_model.pt", ema, "ema_model_state_dict");
  const drs::ImportPlan ema_plan = drs::plan_import(source, dit_set());
  ASSERT_FALSE(ema_plan.ok());
  EXPECT_NE(joined(ema_plan.errors).find("only \"ema_model_state_dict\""), std::string::npos)
      << joined(ema_plan.errors);

  std::vector<TensorRecord> partial = dit_tensors(source / "config.json");
  const std::string lost = partial.back().name;
  partial.pop_back();
  write_checkpoint(source / "cfm_model.pt", partial);
  const drs::ImportPlan partial_plan = drs::plan_import(source, dit_set());
  ASSERT_FALSE(partial_plan.ok());
  EXPECT_NE(joined(partial_plan.errors).find("cfm_model.pt: missing tensor \"" + lost + "\""),
            std::string::npos)
      << joined(partial_plan.errors);
  EXPECT_FALSE(fs::exists(dir.path() / "store"));  // nothing placed
}

}  // namespace

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

#include "drs/model_download.h"
#include "drs/model_install.h"
#include "drs/model_manifest.h"
#include "drs/model_set.h"
#include "models/dit_tensor_spec.h"
#include "models/safetensors_header.h"
#include "nginx_server.h"
#include "support/temp_dir.h"
#include "torch_checkpoint_writer.h"

namespace {

namespace fs = std::filesystem;
using drs::test::TensorRecord;

const std::vector<TensorRecord> kExtras{
    {"transformer.rotary_emb.inv_freq", "FloatStorage", 4, {32}},
    {"step", "LongStorage", 8, {}},
    {"initted", "BoolStorage", 1, {}}};

// The smallest DiT the config reader accepts (dim 64 = 32 heads x 2, text_dim 512).
std::string tiny_config() {
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
  return config.dump();
}

void write_config(const fs::path& file) {
  std::ofstream(file) << tiny_config();
}

std::vector<TensorRecord> dit_tensors(const fs::path& config, bool full = false) {
  std::vector<TensorRecord> out;
  for (const auto& [name, shape] :
       drs::models::expected_dit_tensors(drs::models::read_dit_config(config, full)))
    out.push_back({name, "HalfStorage", 2, shape});
  return out;
}

void write_checkpoint(const fs::path& file, const std::vector<TensorRecord>& tensors,
                      const std::string& key = "model_state_dict") {
  std::ofstream(file, std::ios::binary) << drs::test::torch2_state_dict_file(tensors, key);
}

drs::CatalogSet dit_set(bool full = false) {
  drs::CatalogFile pt;
  pt.repo = "ASLP-lab/DiffRhythm-1_2";
  pt.revision = "main";
  pt.file = "cfm_model.pt";
  pt.local_name = "cfm_model.pt";
  pt.format = drs::FileFormat::TorchPickle;
  pt.converted_name = "dit.safetensors";
  pt.checkpoint_key = "model_state_dict";
  pt.tensor_spec = full ? drs::TensorSpec::DitFull : drs::TensorSpec::DitBase;
  pt.config_name = "dit_config.json";
  drs::CatalogFile config;
  config.repo = pt.repo;
  config.revision = "main";
  config.file = "config.json";
  // As the catalogue does for the full model, whose hub repository lacks config.json.
  if (full) config.fallback_content = tiny_config();
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

// The full model's hub repository may lack config.json: the catalogue carries the official
// hyper-parameters, installed in its place by an import (with a warning) and a download
// (on the hub's 404), and the DiT's names are checked against them.
TEST(DitConfigFallback, CatalogueCarriesTheOfficialHyperParametersForTheFullModel) {
  const auto* full = drs::find_catalog_file(*drs::find_catalog_set("diffrhythm-1_2-full"),
                                            drs::ModelSetLayout::kDitConfig);
  const auto* base = drs::find_catalog_file(*drs::find_catalog_set("diffrhythm-1_2-base"),
                                            drs::ModelSetLayout::kDitConfig);
  ASSERT_TRUE(full && base);
  EXPECT_TRUE(base->fallback_content.empty());
  const auto config = drs::models::parse_dit_config(full->fallback_content, true, "built-in");
  EXPECT_EQ(config.dim, 2048);
  EXPECT_EQ(config.depth, 16);
  EXPECT_EQ(config.ff_mult, 4);
  EXPECT_EQ(config.mel_dim, 64);
  EXPECT_EQ(config.text_num_embeds, 363);
  EXPECT_EQ(config.text_dim, 512);
  EXPECT_EQ(config.conv_layers, 4);
  EXPECT_TRUE(config.has_duration_embed());
}

TEST(DitConfigFallback, ImportWithoutConfigInstallsTheBuiltInOne) {
  drs::test::TempDir dir;
  const fs::path source = dir.path() / "source";
  fs::create_directories(source);
  write_config(dir.path() / "reference.json");  // only to list the tensors; not imported
  write_checkpoint(source / "cfm_model.pt", dit_tensors(dir.path() / "reference.json", true));
  const drs::CatalogSet set = dit_set(/*full=*/true);
  const drs::ImportPlan plan = drs::plan_import(source, set);
  ASSERT_TRUE(plan.ok()) << joined(plan.errors);
  EXPECT_NE(joined(plan.warnings)
                .find("dit_config.json: config.json of ASLP-lab/DiffRhythm-1_2 "
                      "is not in " +
                      source.string() + "; the built-in copy"),
            std::string::npos)
      << joined(plan.warnings);
  const fs::path installed = drs::execute_import(plan, set, dir.path() / "store");
  std::ifstream in(installed / "dit_config.json");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), tiny_config());
  const auto manifest = drs::read_manifest(installed / "manifest.json");
  const auto it = std::find_if(manifest.files.begin(), manifest.files.end(),
                               [](const auto& f) { return f.name == "dit_config.json"; });
  ASSERT_NE(it, manifest.files.end());
  EXPECT_EQ(it->source_url, "builtin:dit_config.json");
  EXPECT_FALSE(it->sha256_verified);
  EXPECT_TRUE(fs::exists(installed / "dit.safetensors"));

  // Without the catalogue's copy the same folder is refused, naming the file.
  drs::CatalogSet bare = set;
  bare.components[0].files[1].fallback_content.clear();
  EXPECT_NE(joined(drs::plan_import(source, bare).errors).find("missing dit_config.json"),
            std::string::npos);
}

TEST(DitConfigFallback, DownloadOnTheHubs404InstallsTheBuiltInOne) {
  drs::test::TempDir dir;
  write_config(dir.path() / "reference.json");
  drs::test::NginxServer server;
  server.add_file("ASLP-lab/DiffRhythm-1_2/resolve/main/cfm_model.pt",
                  drs::test::torch2_state_dict_file(
                      dit_tensors(dir.path() / "reference.json", true), "model_state_dict"));
  ASSERT_TRUE(server.start()) << "nginx did not start (" << DRS_NGINX_PATH << ")";
  drs::DownloadOptions options;
  options.endpoint = server.base();
  options.token.clear();
  std::vector<std::string> status;
  options.status = [&](const std::string& line) { status.push_back(line); };
  const fs::path installed =
      drs::download_to_store(dit_set(/*full=*/true), dir.path() / "store", options);
  std::ifstream in(installed / "dit_config.json");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), tiny_config());
  EXPECT_NE(joined(status).find("warning: config.json is not in ASLP-lab/DiffRhythm-1_2; "
                                "installed the built-in copy"),
            std::string::npos)
      << joined(status);
  EXPECT_TRUE(fs::exists(installed / "dit.safetensors"));
  EXPECT_FALSE(fs::exists(installed / "dit_config.json.part"));
  const std::string log = server.access_log_with("config.json 404");
  EXPECT_NE(log.find("/ASLP-lab/DiffRhythm-1_2/resolve/main/config.json 404"), std::string::npos)
      << log;
}

}  // namespace

// The Qt-free model library: the catalogue's facts (names from ModelSetLayout, the
// pins), manifests written and read back (also under a comma-decimal locale), where the
// store is, the Chinese lyrics component, and an import of a Hugging Face cache holding
// tiny models in the official layout.
#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

#include "drs/error.h"
#include "drs/model_catalog.h"
#include "drs/model_install.h"
#include "drs/model_manifest.h"
#include "drs/model_set.h"
#include "drs/model_store.h"
#include "models/safetensors_header.h"
#include "models/safetensors_writer.h"
#include "models/sha256.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A safetensors file of zero-filled F32 tensors, written with the library's own layout.
void write_zero_safetensors(const fs::path& path,
                            const std::vector<drs::models::SafetensorsTensorSpec>& tensors) {
  std::uint64_t data = 0;
  for (const auto& t : tensors) data += drs::models::safetensors_tensor_bytes(t);
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << drs::models::safetensors_header_bytes(tensors);
  out << std::string(data, '\0');
}

class EnvGuard {
 public:
  EnvGuard(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value.empty())
      ::unsetenv(name);
    else
      ::setenv(name, value.c_str(), 1);
  }
  ~EnvGuard() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }
  EnvGuard(const EnvGuard&) = delete;
  EnvGuard& operator=(const EnvGuard&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(ModelCatalog, SetFileNamesComeFromTheLayoutAndThePinsAreFull) {
  const std::set<std::string> layout{
      drs::ModelSetLayout::kDit,          drs::ModelSetLayout::kDitCheckpoint,
      drs::ModelSetLayout::kDitConfig,    drs::ModelSetLayout::kVae,
      drs::ModelSetLayout::kStyleWeights, drs::ModelSetLayout::kStyleCheckpoint,
      drs::ModelSetLayout::kStyleConfig,  drs::ModelSetLayout::kXlmrConfig,
      drs::ModelSetLayout::kTokenizer,    drs::ModelSetLayout::kMuqConfig};
  int sets = 0;
  for (const auto& set : drs::model_catalog()) {
    if (set.is_component) continue;
    ++sets;
    for (const auto& f : set.files()) {
      EXPECT_TRUE(layout.count(f.local_name)) << set.id << ": " << f.local_name;
      if (!f.converted_name.empty()) {
        EXPECT_TRUE(layout.count(f.converted_name)) << f.file;
      }
      // A pin is a whole digest or none: never a prefix that could discard a good file.
      EXPECT_TRUE(f.sha256.empty() || f.sha256.size() == 64) << f.local_name;
    }
    const auto* muq = drs::find_catalog_file(set, drs::ModelSetLayout::kStyleCheckpoint);
    ASSERT_NE(muq, nullptr);
    EXPECT_EQ(muq->sha256, "d42ae3f7cb9b66759ee0089ddc70e2f28b130c2d8ba621457358272d32dd0444");
    EXPECT_EQ(muq->exact_size, 2'653'954'401);
    const auto* vae = drs::find_catalog_file(set, drs::ModelSetLayout::kVae);
    ASSERT_NE(vae, nullptr);
    EXPECT_TRUE(vae->sha256.empty());  // only 8 + 4 digits are published: the hub decides
  }
  EXPECT_EQ(sets, 2);
}

TEST(ModelCatalog, ChineseLyricsComponentInTheOfficialLayout) {
  const auto* zh = drs::find_catalog_set("chinese-lyrics");
  ASSERT_NE(zh, nullptr);
  EXPECT_TRUE(zh->is_component);
  ASSERT_EQ(zh->components.size(), 1u);
  EXPECT_NE(zh->components[0].licence.name.find("Apache-2.0"), std::string::npos);
  const auto* lexicon = drs::find_catalog_file(*zh, drs::ChineseLyricsLayout::kLexicon);
  const auto* bert = drs::find_catalog_file(*zh, drs::ChineseLyricsLayout::kPolyphoneModel);
  ASSERT_NE(lexicon, nullptr);
  ASSERT_NE(bert, nullptr);
  EXPECT_EQ(lexicon->exact_size, 14'779'443);
  EXPECT_EQ(lexicon->sha256, "a3a7685d1c3e68eb2fa304bfc63e90c90c3c1a1948839a5b1b507b2131b3e2fb");
  EXPECT_EQ(bert->exact_size, 76'583'333);
  EXPECT_EQ(bert->sha256, "8765d835ffdf9811c832d4dc7b6a552757aa8615c01d1184db716a50c20aebbc");
  EXPECT_EQ(bert->local_name, "g2p_chinese_model/poly_bert_model.onnx");
  for (const auto* f : {lexicon, bert}) {
    EXPECT_NE(f->url.find("28ad63c0f096fe2ee258bcabbcf081d5d9366afd/g2p/sources/" + f->local_name),
              std::string::npos)
        << f->url;
  }
}

drs::Manifest sample_manifest() {
  drs::Manifest m;
  m.id = "diffrhythm-1_2-full";
  m.name = "Full";
  m.max_frames = 6144;
  m.source = "import";
  m.installed = "2026-12-02T07:30:00Z";
  m.files.push_back({"dit.safetensors", 2'220'123'456, std::string(64, 'a'), false,
                     "file:///x/cfm_model.pt", "safetensors", "dit-full",
                     "cfm_model.pt (sha256 b)"});
  m.files.push_back(
      {"mulan_config.json", 1000, std::string(64, 'c'), true, "", "json", "mulan", ""});
  m.licences = drs::licences_of(*drs::find_catalog_set("diffrhythm-1_2-full"));
  return m;
}

void expect_same(const drs::Manifest& a, const drs::Manifest& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.max_frames, b.max_frames);
  EXPECT_EQ(a.installed, b.installed);
  ASSERT_EQ(a.files.size(), b.files.size());
  for (std::size_t i = 0; i < a.files.size(); ++i) {
    EXPECT_EQ(a.files[i].name, b.files[i].name);
    EXPECT_EQ(a.files[i].size, b.files[i].size);
    EXPECT_EQ(a.files[i].sha256, b.files[i].sha256);
    EXPECT_EQ(a.files[i].sha256_verified, b.files[i].sha256_verified);
    EXPECT_EQ(a.files[i].converted_from, b.files[i].converted_from);
  }
  ASSERT_EQ(a.licences.size(), b.licences.size());
  EXPECT_EQ(a.licences.back().name, b.licences.back().name);
}

TEST(ModelManifest, RoundTripAndWrongTypesNamed) {
  drs::test::TempDir dir;
  const auto path = dir.path() / "manifest.json";
  const auto m = sample_manifest();
  drs::write_manifest(path, m);
  expect_same(m, drs::read_manifest(path));
  // Sizes written by Qt's JSON as integral doubles still read.
  write_text(path, R"({"id":"x","files":[{"name":"a","size":2.22e9}]})");
  EXPECT_EQ(drs::read_manifest(path).files.at(0).size, 2'220'000'000);
  write_text(path, R"({"id":"x","max_frames":"many"})");
  try {
    (void)drs::read_manifest(path);
    FAIL() << "accepted a string max_frames";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
    EXPECT_NE(std::string(e.what()).find("max_frames"), std::string::npos) << e.what();
  }
}

// A comma-decimal locale (generated into a temporary folder with Debian's localedef,
// as de_DE.UTF-8 is not installed everywhere) must not change what is read or written.
TEST(ModelManifest, LocaleWithCommaDecimalsChangesNothing) {
  drs::test::TempDir dir;
  const auto locales = dir.path() / "locales";
  fs::create_directories(locales);
  const std::string make =
      "localedef -i de_DE -f UTF-8 '" + (locales / "de_DE.UTF-8").string() + "' >/dev/null 2>&1";
  if (std::system(make.c_str()) != 0) GTEST_SKIP() << "localedef could not make de_DE.UTF-8";
  const EnvGuard locpath("LOCPATH", locales.string());
  const std::string before = std::setlocale(LC_ALL, nullptr);
  ASSERT_NE(std::setlocale(LC_ALL, "de_DE.UTF-8"), nullptr);
  std::locale::global(std::locale("de_DE.UTF-8"));
  char probe[16];
  std::snprintf(probe, sizeof probe, "%.1f", 2.5);
  EXPECT_STREQ(probe, "2,5");  // the locale is really in effect

  const auto path = dir.path() / "manifest.json";
  const auto m = sample_manifest();
  drs::write_manifest(path, m);
  const std::string text = read_text(path);
  write_text(path, R"({"id":"x","files":[{"name":"a","size":2.5e3}],"max_frames":2048})");
  const auto fractional = drs::read_manifest(path);
  drs::write_manifest(path, m);
  const auto back = drs::read_manifest(path);
  // Headers with numbers parse the same.
  const auto st = dir.path() / "t.safetensors";
  write_zero_safetensors(st, {{"w", "F32", {3, 2}}});
  const auto header = drs::models::read_safetensors_header(st);

  std::locale::global(std::locale::classic());
  std::setlocale(LC_ALL, before.c_str());
  expect_same(m, back);
  EXPECT_EQ(fractional.files.at(0).size, 2500);
  EXPECT_EQ(text.find("2,"), std::string::npos);
  EXPECT_EQ(header.tensors.at("w").shape, (std::vector<std::int64_t>{3, 2}));
}

TEST(ModelStoreLocation, EnvironmentThenConfigFileThenDefault) {
  drs::test::TempDir dir;
  const EnvGuard config("XDG_CONFIG_HOME", (dir.path() / "config").string());
  const EnvGuard data("XDG_DATA_HOME", (dir.path() / "data").string());
  const EnvGuard store("DRS_MODELS_DIR", "");
  EXPECT_EQ(drs::default_model_store(), dir.path() / "data" / "DiffRhythm Studio" / "models");
  drs::save_model_store_dir(dir.path() / "chosen");
  EXPECT_EQ(drs::model_store_config_file(),
            dir.path() / "config" / "DiffRhythmStudio" / "models.json");
  EXPECT_EQ(drs::default_model_store(), dir.path() / "chosen");
  {
    const EnvGuard env("DRS_MODELS_DIR", (dir.path() / "env").string());
    EXPECT_EQ(drs::default_model_store(), dir.path() / "env");
  }
  drs::save_model_store_dir({});
  EXPECT_EQ(drs::default_model_store(), drs::builtin_model_store());
}

TEST(ModelStoreLocation, ModelSetOverrideAcceptsTheOldName) {
  const EnvGuard set("DRS_MODEL_SET", "");
  {
    const EnvGuard old("DRS_MODEL_DIR", "/some/set");
    EXPECT_EQ(drs::model_set_override(), fs::path("/some/set"));
  }
  const EnvGuard old("DRS_MODEL_DIR", "");
  EXPECT_FALSE(drs::model_set_override());
  const EnvGuard now("DRS_MODEL_SET", "/other/set");
  EXPECT_EQ(drs::model_set_override(), fs::path("/other/set"));
}

// A set folder that still holds MuQ-MuLan's original pytorch_model.bin (as mulan_model.bin)
// cannot run: it is not reported complete, and the error names the command that converts
// it. (The DiT's cfm_model.pt alone is complete: the engine reads it in place,
// tests/engine/pipeline/test_official_checkpoint.cpp.)
TEST(ModelSetReader, UnconvertedStyleWeightsNameTheCommandThatConvertsThem) {
  drs::test::TempDir dir;
  using L = drs::ModelSetLayout;
  drs::Manifest m;
  m.id = "diffrhythm-1_2-base";
  drs::write_manifest(dir.path() / L::kManifest, m);
  for (const char* name :
       {L::kDitCheckpoint, L::kDitConfig, L::kVae, L::kStyleConfig, L::kXlmrConfig, L::kTokenizer})
    std::ofstream(dir.path() / name) << "abc";
  EXPECT_FALSE(drs::is_complete_model_set(dir.path()));
  std::ofstream(dir.path() / L::kStyleCheckpoint) << "abc";
  EXPECT_FALSE(drs::is_complete_model_set(dir.path()));
  try {
    (void)drs::read_model_set(dir.path());
    FAIL() << "a set without mulan.safetensors was read";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelMissing);
    const std::string what = e.what();
    EXPECT_NE(what.find("mulan_model.bin has not been converted to mulan.safetensors"),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("diffrhythm-cli models import '" + dir.path().string() + "'"),
              std::string::npos)
        << what;
  }
  std::ofstream(dir.path() / L::kStyleWeights) << "abc";
  EXPECT_TRUE(drs::is_complete_model_set(dir.path()));  // cfm_model.pt is read in place
}

TEST(ChineseLyrics, FoundOnlyWhenInstalledAndComplete) {
  drs::test::TempDir store;
  EXPECT_FALSE(drs::chinese_lyrics_dir(store.path()));
  const auto dir = store.path() / drs::ChineseLyricsLayout::kFolder;
  write_text(dir / drs::ChineseLyricsLayout::kLexicon, "一\tyi1\n");
  write_text(dir / drs::ChineseLyricsLayout::kPolyphoneModel, "onnx bytes here");
  EXPECT_FALSE(drs::chinese_lyrics_dir(store.path()));  // no manifest: not installed
  drs::Manifest m;
  m.id = drs::ChineseLyricsLayout::kFolder;
  m.is_component = true;
  const auto size_of = [&](const char* name) {
    return static_cast<std::int64_t>(fs::file_size(dir / name));
  };
  m.files.push_back({drs::ChineseLyricsLayout::kLexicon,
                     size_of(drs::ChineseLyricsLayout::kLexicon), "", false, "", "text", "", ""});
  m.files.push_back({drs::ChineseLyricsLayout::kPolyphoneModel,
                     size_of(drs::ChineseLyricsLayout::kPolyphoneModel), "", false, "", "onnx", "",
                     ""});
  drs::write_manifest(dir / drs::ModelSetLayout::kManifest, m);
  EXPECT_EQ(drs::chinese_lyrics_dir(store.path()), dir);
  EXPECT_FALSE(drs::is_complete_model_set(dir));  // a component, not a model set
  write_text(dir / drs::ChineseLyricsLayout::kPolyphoneModel, "cut");
  EXPECT_FALSE(drs::chinese_lyrics_dir(store.path()));
}

// A Hugging Face cache (hub layout, refs/main, snapshots) holding the demo set's tiny
// files under the official repository and file names.
fs::path make_hub_cache(const fs::path& root, const fs::path& demo) {
  const auto snapshot = [&](const std::string& repo) {
    const auto dir = root / ("models--" + repo) / "snapshots" / "abc123";
    fs::create_directories(dir);
    write_text(root / ("models--" + repo) / "refs" / "main", "abc123\n");
    return dir;
  };
  const auto dit = snapshot("ASLP-lab--DiffRhythm-1_2");
  fs::copy_file(demo / "dit.safetensors", dit / "dit.safetensors");
  fs::copy_file(demo / "dit_config.json", dit / "config.json");
  fs::copy_file(demo / "vae_model.pt", snapshot("ASLP-lab--DiffRhythm-vae") / "vae_model.pt");
  const auto muq = snapshot("OpenMuQ--MuQ-MuLan-large");
  fs::copy_file(demo / "mulan.safetensors", muq / "mulan.safetensors");
  fs::copy_file(demo / "mulan_config.json", muq / "config.json");
  if (fs::exists(demo / "muq_config.json"))  // the audio tower's config, where the set has it
    fs::copy_file(demo / "muq_config.json",
                  snapshot("OpenMuQ--MuQ-large-msd-iter") / "config.json");
  const auto xlmr = snapshot("FacebookAI--xlm-roberta-base");
  fs::copy_file(demo / "xlmr_sentencepiece.bpe.model", xlmr / "sentencepiece.bpe.model");
  fs::copy_file(demo / "xlmr_config.json", xlmr / "config.json");
  return root;
}

TEST(ModelImport, HubCacheOfTinyModelsBecomesACompleteSet) {
  const char* override_dir = std::getenv("DRS_TEST_DEMO_DIR");
  const fs::path demo = override_dir && *override_dir ? override_dir : DRS_TEST_DEMO_DIR;
  if (!fs::exists(demo / "dit.safetensors")) GTEST_SKIP() << "demo set not built: " << demo;
  drs::test::TempDir dir;
  const auto cache = make_hub_cache(dir.path() / "hub", demo);
  const auto* base = drs::find_catalog_set("diffrhythm-1_2-base");
  ASSERT_NE(base, nullptr);
  const auto plan = drs::plan_import(cache, *base);
  std::string errors;
  for (const auto& e : plan.errors) errors += e + "\n";
  ASSERT_TRUE(plan.ok()) << errors;
  const auto installed = drs::execute_import(plan, *base, dir.path() / "store");
  const auto set = drs::read_model_set(installed);
  EXPECT_EQ(set.id, "diffrhythm-1_2-base");
  EXPECT_EQ(set.max_frames, 2048);
  const auto m = drs::read_manifest(installed / drs::ModelSetLayout::kManifest);
  EXPECT_EQ(m.source, "import");
  EXPECT_EQ(m.files.size(), base->files().size());
  for (const auto& f : m.files) {
    EXPECT_EQ(static_cast<std::int64_t>(fs::file_size(installed / f.name)), f.size) << f.name;
    EXPECT_EQ(drs::models::sha256_file(installed / f.name), f.sha256) << f.name;
  }
  EXPECT_EQ(drs::preferred_model_set(dir.path() / "store"), installed);
  EXPECT_FALSE(fs::exists(installed.string() + ".importing"));

  // The full set is not there: its DiT lacks the duration embedding, named by tensor.
  const auto full = drs::plan_import(cache, *drs::find_catalog_set("diffrhythm-1_2-full"));
  EXPECT_FALSE(full.ok());
}

}  // namespace

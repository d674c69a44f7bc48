#include "drs/model_catalog.h"

#include "drs/model_set.h"

namespace drs {
namespace {

constexpr std::int64_t kKB = 1000;
constexpr std::int64_t kMB = 1000 * kKB;
constexpr std::int64_t kDitConfigBytes = 247;

// DiffRhythm's repository at the commit whose g2p/sources/ files the Chinese front end
// was specified against (issue #15).
constexpr const char* kDiffRhythmRepo = "ASLP-lab/DiffRhythm";
constexpr const char* kDiffRhythmCommit = "28ad63c0f096fe2ee258bcabbcf081d5d9366afd";

// DiffRhythm's DiT hyper-parameters as the repository's config/diffrhythm-1b.json states
// them (the same for the base and the full model), in the hub's config.json layout.
std::string official_dit_config_json() {
  // MODEL.md §2.1, written by us in the hub's layout (not a copy of the repository's bytes).
  return R"({"model_type": "diffrhythm", "model": {"dim": 2048, "depth": 16, "heads": 32, )"
         R"("ff_mult": 4, "text_dim": 512, "conv_layers": 4, "mel_dim": 64, )"
         R"("text_num_embeds": 363}})"
         "\n";
}

Licence apache() {
  return {"Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0",
          "Permissive: songs you make may be used commercially."};
}

Licence stability_community() {
  return {"Stability AI Community License",
          "https://huggingface.co/stabilityai/stable-audio-open-1.0/blob/main/LICENSE.md",
          "Inherited from Stable Audio Open. Free for research, non-commercial use and for "
          "organisations under USD 1M annual revenue; larger commercial use needs a Stability AI "
          "licence."};
}

Licence cc_by_nc() {
  return {"CC-BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/",
          "Non-commercial. The style encoder shapes every song, so songs made with it may not be "
          "used commercially (no sale, no monetised streaming, no advertising)."};
}

Licence mit() {
  return {"MIT", "https://opensource.org/license/mit", "Permissive."};
}

Licence apache_with_amphion() {
  return {"Apache-2.0 (with Amphion's MIT notice)",
          "https://github.com/ASLP-lab/DiffRhythm/blob/main/LICENSE",
          "Permissive. The G2P data comes from Amphion (MIT); both notices apply."};
}

CatalogFile hub_file(std::string repo, std::string path, std::string local, FileFormat format,
                     std::int64_t approx) {
  CatalogFile f;
  f.repo = std::move(repo);
  f.revision = "main";
  f.file = std::move(path);
  f.local_name = std::move(local);
  f.format = format;
  f.approx_size = approx;
  return f;
}

CatalogComponent dit(bool full) {
  const std::string repo = full ? "ASLP-lab/DiffRhythm-1_2-full" : "ASLP-lab/DiffRhythm-1_2";
  CatalogFile weights = hub_file(repo, "cfm_model.pt", ModelSetLayout::kDitCheckpoint,
                                 FileFormat::TorchPickle, 2'220 * kMB);
  weights.converted_name = ModelSetLayout::kDit;
  weights.checkpoint_key = ModelSetLayout::kDitCheckpointKey;
  weights.tensor_spec = full ? TensorSpec::DitFull : TensorSpec::DitBase;
  weights.config_name = ModelSetLayout::kDitConfig;
  CatalogFile config =
      hub_file(repo, "config.json", ModelSetLayout::kDitConfig, FileFormat::Json, kDitConfigBytes);
  // The full model's hub repository has been seen without a config.json: the official
  // hyper-parameters (the repository's config/diffrhythm-1b.json, shared by both models)
  // are installed then.
  if (full) config.fallback_content = official_dit_config_json();
  return {
      full ? "dit-full" : "dit-base",
      full ? "DiffRhythm 1.2 DiT, full (96-285 s songs)" : "DiffRhythm 1.2 DiT, base (95 s songs)",
      apache(),
      {weights, config}};
}

CatalogComponent vae() {
  // MODEL.md gives only 8 + 4 hex digits of this file's digest: not a pin (a partial
  // digest must never discard a correct download); the hub's X-Linked-Etag is checked.
  return {"vae",
          "DiffRhythm VAE (audio decoder)",
          stability_community(),
          {hub_file("ASLP-lab/DiffRhythm-vae", "vae_model.pt", ModelSetLayout::kVae,
                    FileFormat::TorchScript, 625 * kMB)}};
}

CatalogComponent mulan() {
  const std::string repo = "OpenMuQ/MuQ-MuLan-large";
  CatalogFile weights = hub_file(repo, "pytorch_model.bin", ModelSetLayout::kStyleCheckpoint,
                                 FileFormat::TorchPickle, 2'654 * kMB);
  weights.exact_size = 2'653'954'401;
  weights.sha256 = "d42ae3f7cb9b66759ee0089ddc70e2f28b130c2d8ba621457358272d32dd0444";
  weights.converted_name = ModelSetLayout::kStyleWeights;
  weights.tensor_spec = TensorSpec::MulanText;
  return {
      "mulan",
      "MuQ-MuLan style encoder",
      cc_by_nc(),
      {hub_file(repo, "config.json", ModelSetLayout::kStyleConfig, FileFormat::Json, kKB), weights,
       // The audio tower's Conformer and mel statistics (reference songs as the style):
       // MuQ-MuLan's config names this backbone; its weights are in pytorch_model.bin.
       hub_file("OpenMuQ/MuQ-large-msd-iter", "config.json", ModelSetLayout::kMuqConfig,
                FileFormat::Json, 3 * kKB)}};
}

CatalogComponent xlmr() {
  const std::string repo = "FacebookAI/xlm-roberta-base";
  return {"xlmr",
          "XLM-RoBERTa tokenizer",
          mit(),
          {hub_file(repo, "sentencepiece.bpe.model", ModelSetLayout::kTokenizer,
                    FileFormat::SentencePiece, 5'070 * kKB),
           hub_file(repo, "config.json", ModelSetLayout::kXlmrConfig, FileFormat::Json, 615)}};
}

// Served as raw blobs of the DiffRhythm repository at a fixed commit: GitHub's raw host
// returns the file's bytes (both files are ordinary git blobs, under GitHub's 100 MB
// limit), so the pinned size and SHA-256 of the content apply directly.
CatalogFile github_file(const std::string& path, std::string local, FileFormat format,
                        std::int64_t size, std::string sha256, std::string blob) {
  CatalogFile f;
  f.file = path;
  f.url = std::string("https://raw.githubusercontent.com/") + kDiffRhythmRepo + "/" +
          kDiffRhythmCommit + "/" + path;
  f.revision = kDiffRhythmCommit;
  f.local_name = std::move(local);
  f.format = format;
  f.approx_size = size;
  f.exact_size = size;
  f.sha256 = std::move(sha256);
  f.git_blob_sha1 = std::move(blob);
  return f;
}

CatalogComponent chinese_lyrics() {
  return {"chinese-lyrics",
          "Chinese lyrics (pronunciation lexicon and polyphone model)",
          apache_with_amphion(),
          {github_file(std::string("g2p/sources/") + ChineseLyricsLayout::kLexicon,
                       ChineseLyricsLayout::kLexicon, FileFormat::Text, 14'779'443,
                       "a3a7685d1c3e68eb2fa304bfc63e90c90c3c1a1948839a5b1b507b2131b3e2fb",
                       "7dc9e466816b0d4474c785b8326c3f5d1ae0d555"),
           github_file(std::string("g2p/sources/") + ChineseLyricsLayout::kPolyphoneModel,
                       ChineseLyricsLayout::kPolyphoneModel, FileFormat::Onnx, 76'583'333,
                       "8765d835ffdf9811c832d4dc7b6a552757aa8615c01d1184db716a50c20aebbc",
                       "80c1cb3be59fea9723fc186ad6eea74194a93275")}};
}

std::vector<CatalogSet> build_catalog() {
  std::vector<CatalogSet> sets{
      {"diffrhythm-1_2-base",
       "DiffRhythm 1.2 base",
       "Songs of 95 seconds. The smaller and faster choice.",
       {dit(false), vae(), mulan(), xlmr()},
       false},
      {"diffrhythm-1_2-full",
       "DiffRhythm 1.2 full",
       "Songs from 96 to 285 seconds.",
       {dit(true), vae(), mulan(), xlmr()},
       false},
  };
  CatalogComponent zh = chinese_lyrics();
  sets.push_back({ChineseLyricsLayout::kFolder,
                  zh.title,
                  "Needed to sing Chinese lyrics, with any model set.",
                  {zh},
                  true});
  return sets;
}

}  // namespace

const char* format_name(FileFormat format) {
  switch (format) {
    case FileFormat::Json: return "json";
    case FileFormat::TorchPickle: return "torch-pickle";
    case FileFormat::TorchScript: return "torchscript";
    case FileFormat::Safetensors: return "safetensors";
    case FileFormat::SentencePiece: return "sentencepiece";
    case FileFormat::Text: return "text";
    case FileFormat::Onnx: return "onnx";
  }
  return "";
}

std::int64_t CatalogSet::approx_bytes() const {
  std::int64_t total = 0;
  for (const CatalogFile& f : files()) total += f.exact_size > 0 ? f.exact_size : f.approx_size;
  return total;
}

std::vector<CatalogFile> CatalogSet::files() const {
  std::vector<CatalogFile> all;
  for (const CatalogComponent& c : components)
    all.insert(all.end(), c.files.begin(), c.files.end());
  return all;
}

bool CatalogSet::non_commercial() const {
  for (const CatalogComponent& c : components)
    if (c.licence.name.find("NC") != std::string::npos) return true;
  return false;
}

const std::vector<CatalogSet>& model_catalog() {
  static const std::vector<CatalogSet> catalog = build_catalog();
  return catalog;
}

const CatalogSet* find_catalog_set(const std::string& id) {
  for (const CatalogSet& set : model_catalog())
    if (set.id == id) return &set;
  return nullptr;
}

const CatalogFile* find_catalog_file(const CatalogSet& set, const std::string& local_name) {
  for (const CatalogComponent& c : set.components)
    for (const CatalogFile& f : c.files)
      if (f.local_name == local_name || f.converted_name == local_name) return &f;
  return nullptr;
}

}  // namespace drs

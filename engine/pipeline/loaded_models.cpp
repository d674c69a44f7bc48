#include "pipeline/loaded_models.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "audio/reference_clip.h"
#include "drs/error.h"
#include "models/checkpoint_weights.h"
#include "models/sha256.h"
#include "weights/weight_map.h"

namespace drs {
namespace {

// "'a', 'b' and 3 more"
std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < 8; ++i) out += (i ? ", '" : "'") + names[i] + "'";
  if (names.size() > 8) out += " and " + std::to_string(names.size() - 8) + " more";
  return out;
}

DitConfig read_dit_config(const ModelSet& set) {
  const auto path = set.file(ModelSetLayout::kDitConfig);
  std::ifstream in(path);
  auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object())
    throw Error(ErrorKind::ModelCorrupt, path.string() + ": not a JSON object");
  // The official file wraps the hyper-parameters in "model".
  return DitConfig::from_json(json.contains("model") ? json["model"] : json, set.max_frames);
}

StyleEncoderFiles style_files(const ModelSet& set) {
  return {set.file(ModelSetLayout::kStyleConfig), set.file(ModelSetLayout::kXlmrConfig),
          set.file(ModelSetLayout::kStyleWeights), set.file(ModelSetLayout::kTokenizer)};
}

// Names the encoder in cache keys: the set id plus size and modification time of every
// file an embedding depends on. Replacing the weights (or a rebuilt demo set) thus
// invalidates old entries, without hashing a gigabyte of weights at every start.
std::string style_model_id(const ModelSet& set) {
  const auto files = style_files(set);
  std::string id = set.id;
  for (const auto& path : {files.config, files.xlmr_config, files.weights, files.tokenizer}) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    const auto stamp = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
    id += "|" + path.filename().string() + ":" + std::to_string(size) + ":" + std::to_string(stamp);
  }
  return id;
}

AudioStyleEncoderFiles audio_style_files(const ModelSet& set) {
  return {set.file(ModelSetLayout::kStyleConfig), set.file(ModelSetLayout::kMuqConfig),
          set.file(ModelSetLayout::kStyleWeights)};
}

// As style_model_id(), for the audio tower's files.
std::string audio_style_model_id(const ModelSet& set) {
  const auto files = audio_style_files(set);
  std::string id = set.id + "|audio";
  for (const auto& path : {files.mulan_config, files.muq_config, files.weights}) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    const auto stamp = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
    id += "|" + path.filename().string() + ":" + std::to_string(size) + ":" + std::to_string(stamp);
  }
  return id;
}

// The cache key of a reference clip: the file's content (not its name) and the clip.
std::string reference_key(const ReferenceStyle& reference) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(reference.file, ec))
    throw Error(ErrorKind::BadInput,
                reference.file.string() + ": cannot read audio (no such file)");
  std::string key = "sha256:" + models::sha256_file(reference.file) + "|clip:";
  if (!reference.clip_start) return key + "middle";
  char start[32];
  std::snprintf(start, sizeof start, "%.6f", *reference.clip_start);
  return key + start;
}

// The prompt cache's folder if it can be created and written (a read-only home or a
// sandbox must not fail a run: the cache then lives in memory only).
std::optional<std::filesystem::path> writable_folder(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir, ec) || ::access(dir.c_str(), W_OK) != 0)
    return std::nullopt;
  return dir;
}

}  // namespace

LoadedModels::LoadedModels(ModelSet set, const LoadSettings& settings)
    : set_(std::move(set)),
      options_(settings.options),
      release_style_encoder_(settings.release_style_encoder),
      dit_residency_(settings.dit_residency),
      vae_dtype_(settings.vae_dtype),
      style_cache_folder_(settings.style_cache_dir ? writable_folder(*settings.style_cache_dir)
                                                   : std::nullopt),
      style_cache_(style_model_id(set_), style_cache_folder_),
      audio_style_cache_(audio_style_model_id(set_), style_cache_folder_) {}

const DiT& LoadedModels::dit() {
  if (!dit_) {
    const auto config = read_dit_config(set_);
    const auto converted = set_.file(ModelSetLayout::kDit);
    std::error_code ec;
    if (std::filesystem::is_regular_file(converted, ec)) {
      auto weights = load_weight_map(converted);
      dit_ = std::make_unique<DiT>(config, weights, options_, dit_residency_);
      weights.finish();  // strict: every tensor of our own file must belong to the model
    } else {
      // The official checkpoint, read in place. Like the official loader (non-strict),
      // entries the model has no place for are skipped, and named.
      auto weights = models::load_checkpoint_weights(set_.file(ModelSetLayout::kDitCheckpoint),
                                                     ModelSetLayout::kDitCheckpointKey);
      dit_ = std::make_unique<DiT>(config, weights, options_, dit_residency_);
      if (const auto unused = weights.unused(); !unused.empty())
        load_warnings_.push_back(std::string(ModelSetLayout::kDitCheckpoint) + ": ignored " +
                                 std::to_string(unused.size()) + " entr" +
                                 (unused.size() == 1 ? "y" : "ies") +
                                 " the model does not use: " + name_list(unused));
    }
    ++loads_;
  }
  return *dit_;
}

const Vae& LoadedModels::vae() {
  if (!vae_) {
    vae_ = std::make_unique<Vae>(set_.file(ModelSetLayout::kVae), options_.device(), vae_dtype_);
    ++loads_;
  }
  return *vae_;
}

std::vector<float> LoadedModels::style_embedding(const std::string& text, std::string* warning) {
  auto entry =
      style_cache_.get(text, [this](std::string_view prompt) { return encode_style(prompt); });
  if (warning) *warning = entry.warning;
  return std::move(entry.values);
}

// Only reached on a cache miss: the encoder is loaded here, never for a cached prompt.
StyleEmbedding LoadedModels::encode_style(std::string_view text) {
  if (!style_) {
    style_ = std::make_unique<StyleEncoder>(style_files(set_));
    ++loads_;
    ++style_loads_;
  }
  StyleEmbedding entry;
  const auto embedding = style_->embed(text, &entry.warning).to(at::kCPU, at::kFloat).contiguous();
  entry.values.assign(embedding.data_ptr<float>(), embedding.data_ptr<float>() + embedding.numel());
  if (release_style_encoder_) style_.reset();  // the DiT needs the memory more
  return entry;
}

std::vector<float> LoadedModels::reference_style_embedding(const ReferenceStyle& reference) {
  const auto key = reference_key(reference);
  auto entry = audio_style_cache_.get(key, [&](std::string_view) {
    const auto clip = load_reference_clip(reference.file, reference.clip_start);
    if (!audio_style_) {
      if (!std::filesystem::exists(set_.file(ModelSetLayout::kMuqConfig)))
        throw Error(ErrorKind::ModelMissing,
                    set_.dir.string() + ": this model set has no " + ModelSetLayout::kMuqConfig +
                        " (the MuQ audio tower's configuration), so it cannot use a reference "
                        "song as the style; reinstall the set to add it");
      audio_style_ = std::make_unique<AudioStyleEncoder>(audio_style_files(set_));
      ++loads_;
      ++style_loads_;
    }
    StyleEmbedding computed;
    const auto embedding = audio_style_->embed(at::tensor(clip.samples, at::kFloat))
                               .to(at::kCPU, at::kFloat)
                               .contiguous();
    computed.values.assign(embedding.data_ptr<float>(),
                           embedding.data_ptr<float>() + embedding.numel());
    if (release_style_encoder_) audio_style_.reset();
    return computed;
  });
  return std::move(entry.values);
}

}  // namespace drs

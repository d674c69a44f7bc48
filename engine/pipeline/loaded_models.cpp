#include "pipeline/loaded_models.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "weights/weight_map.h"

namespace drs {
namespace {

DitConfig read_dit_config(const ModelSet& set) {
  const auto path = set.file(ModelSetLayout::kDitConfig);
  std::ifstream in(path);
  auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object())
    throw Error(ErrorKind::ModelCorrupt, path.string() + ": not a JSON object");
  // The official file wraps the hyper-parameters in "model".
  return DitConfig::from_json(json.contains("model") ? json["model"] : json, set.max_frames);
}

}  // namespace

LoadedModels::LoadedModels(ModelSet set, at::TensorOptions options, bool release_style_encoder)
    : set_(std::move(set)), options_(options), release_style_encoder_(release_style_encoder) {}

const DiT& LoadedModels::dit() {
  if (!dit_) {
    const auto config = read_dit_config(set_);
    auto weights = load_weight_map(set_.file(ModelSetLayout::kDit));
    dit_ = std::make_unique<DiT>(config, weights, options_);
    weights.finish();  // strict: every tensor of the file must belong to the model
    ++loads_;
  }
  return *dit_;
}

const Vae& LoadedModels::vae() {
  if (!vae_) {
    vae_ = std::make_unique<Vae>(set_.file(ModelSetLayout::kVae), options_.device());
    ++loads_;
  }
  return *vae_;
}

std::vector<float> LoadedModels::style_embedding(const std::string& text, std::string* warning) {
  if (const auto it = style_cache_.find(text); it != style_cache_.end()) return it->second;
  if (!style_) {
    style_ = std::make_unique<StyleEncoder>(StyleEncoderFiles{
        set_.file(ModelSetLayout::kStyleConfig), set_.file(ModelSetLayout::kXlmrConfig),
        set_.file(ModelSetLayout::kStyleWeights), set_.file(ModelSetLayout::kTokenizer)});
    ++loads_;
  }
  const auto embedding = style_->embed(text, warning).to(at::kCPU, at::kFloat).contiguous();
  std::vector<float> values(embedding.data_ptr<float>(),
                            embedding.data_ptr<float>() + embedding.numel());
  style_cache_.emplace(text, values);
  if (release_style_encoder_) style_.reset();  // the DiT needs the memory more
  return values;
}

}  // namespace drs

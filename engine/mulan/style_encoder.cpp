#include "mulan/style_encoder.h"

#include <ATen/ATen.h>

#include <optional>

#include "drs/error.h"
#include "mulan/mulan_text_head.h"
#include "mulan/style_encoder_config.h"
#include "mulan/text_tower_tensors.h"
#include "mulan/xlmr_encoder.h"
#include "mulan/xlmr_tokenizer.h"

namespace drs {

struct StyleEncoder::Impl {
  StyleEncoderConfig config;
  XlmrTokenizer tokenizer;
  std::optional<XlmrEncoder> xlmr;
  std::optional<MulanTextHead> head;
};

namespace {

// The official checkpoint also holds the audio tower and XLM-R's unused pooler: those
// are ignored, but any other text-tower tensor we did not bind is an error.
void check_text_tower_consumed(const WeightMap& weights) {
  for (const auto& [name, tensor] : weights.all()) {
    const bool text =
        name.rfind("mulan.text.", 0) == 0 || name.rfind("mulan.text_to_latents.", 0) == 0;
    const bool unused = name.find(".pooler.") != std::string::npos ||
                        name.find("position_ids") != std::string::npos;
    if (text && !unused && !weights.was_taken(name))
      throw Error(ErrorKind::ModelCorrupt, weights.source() + ": unexpected tensor '" + name + "'");
  }
}

}  // namespace

StyleEncoder::StyleEncoder(const StyleEncoderFiles& files)
    : impl_(std::make_unique<Impl>(
          Impl{StyleEncoderConfig::from_official_files(files.config, files.xlmr_config),
               XlmrTokenizer::load(files.tokenizer),
               {},
               {}})) {
  auto weights = load_weight_map(files.weights);
  impl_->xlmr.emplace(impl_->config.xlmr, weights, kMulanTextModelPrefix);
  impl_->head.emplace(impl_->config, weights);
  check_text_tower_consumed(weights);
}

StyleEncoder::StyleEncoder(const StyleEncoderConfig& config, WeightMap& weights,
                           const std::filesystem::path& tokenizer)
    : impl_(std::make_unique<Impl>(Impl{config, XlmrTokenizer::load(tokenizer), {}, {}})) {
  impl_->xlmr.emplace(config.xlmr, weights, kMulanTextModelPrefix);
  impl_->head.emplace(config, weights);
}

StyleEncoder::~StyleEncoder() = default;
StyleEncoder::StyleEncoder(StyleEncoder&&) noexcept = default;
StyleEncoder& StyleEncoder::operator=(StyleEncoder&&) noexcept = default;

std::vector<int64_t> StyleEncoder::tokenize(std::string_view text, bool* truncated) const {
  // Positions run from padding_idx + 1, so the table holds max_position - pad - 1 tokens.
  const auto& x = impl_->config.xlmr;
  const auto max_tokens = static_cast<std::size_t>(x.max_position_embeddings - x.pad_token_id - 1);
  return impl_->tokenizer.encode(text, max_tokens, truncated);
}

at::Tensor StyleEncoder::embed(std::string_view text, std::string* warning) const {
  bool truncated = false;
  const auto ids = tokenize(text, &truncated);
  if (truncated && warning)
    *warning = "style prompt is longer than " + std::to_string(ids.size()) +
               " tokens; the rest was ignored";
  c10::InferenceMode guard;
  const auto input = at::tensor(ids, at::kLong).reshape({1, static_cast<int64_t>(ids.size())});
  return impl_->head->forward(impl_->xlmr->forward(input));
}

}  // namespace drs

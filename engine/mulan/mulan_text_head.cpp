#include "mulan/mulan_text_head.h"

#include <string>

#include "drs/error.h"
#include "mulan/text_tower_tensors.h"

namespace drs {
namespace {

// The config rule behind the decision, for the messages below.
std::string projection_rule(const StyleEncoderConfig& c) {
  const auto dim = " text_transformer.dim " + std::to_string(c.text.dim);
  if (c.text.has_projection)
    return "text_model.model_dim " + std::to_string(c.xlmr.hidden_size) + " differs from" + dim;
  return "text_model.model_dim unset or equal to" + dim;
}

// MuQ builds the projection from the config, not from the checkpoint: a file that
// disagrees with its config was made for another model, so it is refused by name rather
// than silently run with (or without) a Linear the config does not describe.
void check_projection_matches(const StyleEncoderConfig& c, const WeightMap& w) {
  const bool in_file = w.has("mulan.text.proj.weight") || w.has("mulan.text.proj.bias");
  if (c.text.has_projection && !in_file)
    throw Error(ErrorKind::ModelCorrupt,
                w.source() +
                    ": missing projection 'mulan.text.proj.weight': the config needs one (" +
                    projection_rule(c) + ")");
  if (!c.text.has_projection && in_file)
    throw Error(ErrorKind::ModelCorrupt,
                w.source() +
                    ": unexpected projection 'mulan.text.proj.weight': the config has none (" +
                    projection_rule(c) + ")");
}

}  // namespace

MulanTextHead::MulanTextHead(const StyleEncoderConfig& config, WeightMap& w)
    : config_(config.text) {
  const TensorShapes shapes = mulan_text_head_tensor_shapes(config);
  const auto take = [&](const std::string& name) {
    return w.take(name, shapes.at(name), at::TensorOptions().dtype(at::kFloat));
  };
  check_projection_matches(config, w);
  if (config_.has_projection) {
    proj_w_ = take("mulan.text.proj.weight");
    proj_b_ = take("mulan.text.proj.bias");
  }
  transformer_ = MulanTransformer(
      {config_.dim, config_.tf_depth, config_.heads, config_.dim_head, config_.ff_mult}, w,
      kMulanTextTransformerPrefix);
  latent_w_ = take("mulan.text_to_latents.weight");
  latent_b_ = take("mulan.text_to_latents.bias");
}

at::Tensor MulanTextHead::forward(const at::Tensor& hidden) const {
  auto x = hidden.squeeze(0);  // [T, width]
  if (proj_w_.defined()) x = at::linear(x, proj_w_, proj_b_);
  x = transformer_.forward(x);
  const auto pooled = x.mean(0, /*keepdim=*/true);  // every token, <s> and </s> included
  const auto latent = at::linear(pooled, latent_w_, latent_b_);
  return latent / latent.norm(2, -1, true).clamp_min(1e-12);
}

}  // namespace drs

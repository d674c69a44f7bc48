#include "dit/random_weights.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <map>
#include <string>

namespace drs {

WeightMap random_dit_weights(const DitConfig& c, std::uint64_t seed) {
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  std::map<std::string, at::Tensor> w;
  // Linear weights scaled like a default init (1/sqrt(fan_in)) so activations stay O(1).
  const auto linear = [&](const std::string& name, int64_t out, int64_t in, bool bias) {
    w[name + ".weight"] =
        at::randn({out, in}, gen, at::kFloat) / std::sqrt(static_cast<double>(in));
    if (bias) w[name + ".bias"] = at::randn({out}, gen, at::kFloat) * 0.02;
  };
  const auto vec = [&](const std::string& name, at::IntArrayRef shape, double mean, double scale) {
    w[name] = at::randn(shape, gen, at::kFloat) * scale + mean;
  };
  const std::string t = "transformer.";
  std::vector<std::string> embeds{"time_embed", "start_time_embed"};
  if (c.has_duration_embed()) embeds.emplace_back("duration_time_embed");
  for (const auto& e : embeds) {
    linear(t + e + ".time_mlp.0", 512, 256, true);
    linear(t + e + ".time_mlp.2", 512, 512, true);
  }
  vec(t + "text_embed.text_embed.weight", {c.text_num_embeds + 1, 512}, 0, 1);
  for (int64_t k = 0; k < c.conv_layers; ++k) {
    const auto p = t + "text_embed.text_blocks." + std::to_string(k) + ".";
    vec(p + "dwconv.weight", {512, 1, 7}, 0, 0.3);
    vec(p + "dwconv.bias", {512}, 0, 0.02);
    vec(p + "norm.weight", {512}, 1, 0.02);
    vec(p + "norm.bias", {512}, 0, 0.02);
    linear(p + "pwconv1", 1024, 512, true);
    vec(p + "grn.gamma", {1, 1, 1024}, 0, 0.1);
    vec(p + "grn.beta", {1, 1, 1024}, 0, 0.1);
    linear(p + "pwconv2", 512, 1024, true);
  }
  linear(t + "input_embed.proj", c.dim, 2 * c.mel_dim + 3 * 512, true);
  for (const char* conv : {"0", "2"}) {
    vec(t + "input_embed.conv_pos_embed.conv1d." + conv + ".weight", {c.dim, c.dim / 16, 31}, 0,
        1.0 / std::sqrt(31.0 * static_cast<double>(c.dim / 16)));
    vec(t + "input_embed.conv_pos_embed.conv1d." + conv + ".bias", {c.dim}, 0, 0.02);
  }
  const int64_t ff = c.dim * c.ff_mult;
  for (int64_t i = 0; i < c.depth; ++i) {
    const auto p = t + "transformer_blocks." + std::to_string(i) + ".";
    for (const char* proj : {"q_proj", "k_proj", "v_proj", "o_proj"})
      linear(p + "self_attn." + proj, c.dim, c.dim, false);
    linear(p + "mlp.gate_proj", ff, c.dim, false);
    linear(p + "mlp.up_proj", ff, c.dim, false);
    linear(p + "mlp.down_proj", c.dim, ff, false);
    vec(p + "input_layernorm.weight", {c.dim}, 1, 0.02);
    vec(p + "post_attention_layernorm.weight", {c.dim}, 1, 0.02);
  }
  for (int64_t j = 0; j < c.depth / 2; ++j)
    linear(t + "text_fusion_linears." + std::to_string(j) + ".0", c.dim, 512, true);
  linear(t + "norm_out.linear", 2 * c.dim, 512, true);
  linear(t + "proj_out", c.mel_dim, c.dim, true);
  return WeightMap(std::move(w), "random DiT weights");
}

}  // namespace drs

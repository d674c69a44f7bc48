#include "mulan/audio_tower_random.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <map>
#include <string>

namespace drs {

WeightMap random_audio_tower_weights(const AudioTowerConfig& c, std::uint64_t seed) {
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  std::map<std::string, at::Tensor> w;
  // Weights ~ N(0, 1/fan_in) keep each projection's output at its input's scale.
  const auto randn = [&](at::IntArrayRef shape, int64_t fan_in) {
    return at::randn(shape, gen, at::kFloat) / std::sqrt(static_cast<double>(fan_in));
  };
  const auto small = [&](int64_t n) { return at::randn({n}, gen, at::kFloat) * 0.01; };
  const auto ones = [](int64_t n) { return at::ones({n}, at::kFloat); };
  const auto norm = [&](const std::string& p, int64_t n) {
    w[p + ".weight"] = ones(n);
    w[p + ".bias"] = small(n);
  };
  const auto batch_norm = [&](const std::string& p, int64_t n) {
    norm(p, n);
    w[p + ".running_mean"] = small(n);
    w[p + ".running_var"] = ones(n) + small(n).abs();
    w[p + ".num_batches_tracked"] = at::zeros({}, at::kLong);
  };
  const auto linear = [&](const std::string& p, int64_t out, int64_t in) {
    w[p + ".weight"] = randn({out, in}, in);
    w[p + ".bias"] = small(out);
  };
  const std::string muq = "mulan.audio.model.model.";
  const int64_t ch = c.stem_channels, d = c.conformer.dim, ffn = c.conformer.ffn_dim;
  for (int b = 0; b < 2; ++b) {
    const auto p = muq + "conv.conv." + std::to_string(b) + ".";
    const int64_t in = b == 0 ? 1 : ch;
    for (const auto& [conv, from] : {std::pair{"1", in}, std::pair{"2", ch}, std::pair{"3", in}}) {
      w[p + "conv" + conv + ".weight"] = randn({ch, from, 3, 3}, from * 9);
      w[p + "conv" + conv + ".bias"] = small(ch);
      batch_norm(p + "bn" + conv, ch);
    }
  }
  linear(muq + "conv.linear", d, ch * (c.mel.n_mels / 4));
  const auto e = muq + "conformer.";
  const auto hd = c.conformer.head_size();
  w[e + "embed_positions.inv_freq"] =
      1.0 / at::pow(c.conformer.rotary_base,
                    at::arange(0, hd, 2, at::TensorOptions().dtype(at::kLong)).to(at::kFloat) / hd);
  for (int64_t i = 0; i < c.conformer.depth; ++i) {
    const auto p = e + "layers." + std::to_string(i) + ".";
    for (const std::string f : {"ffn1", "ffn2"}) {
      norm(p + f + "_layer_norm", d);
      linear(p + f + ".intermediate_dense", ffn, d);
      linear(p + f + ".output_dense", d, ffn);
    }
    norm(p + "self_attn_layer_norm", d);
    for (const char* m : {"linear_q", "linear_k", "linear_v", "linear_out"})
      linear(p + "self_attn." + m, d, d);
    norm(p + "conv_module.layer_norm", d);
    w[p + "conv_module.pointwise_conv1.weight"] = randn({2 * d, d, 1}, d);
    w[p + "conv_module.depthwise_conv.weight"] =
        randn({d, 1, c.conformer.depthwise_kernel}, c.conformer.depthwise_kernel);
    batch_norm(p + "conv_module.batch_norm", d);
    w[p + "conv_module.pointwise_conv2.weight"] = randn({d, d, 1}, d);
    norm(p + "final_layer_norm", d);
  }
  norm(e + "layer_norm", d);
  // Present in the official checkpoint, never applied (torch < 2.1 names).
  const int64_t groups = 16, kernel = 128;
  w[e + "pos_conv_embed.conv.weight_g"] = ones(kernel).reshape({1, 1, kernel});
  w[e + "pos_conv_embed.conv.weight_v"] = randn({d, d / groups, kernel}, d);
  w[e + "pos_conv_embed.conv.bias"] = small(d);
  const int64_t dim = c.head.dim, inner = c.head.heads * c.head.dim_head, ff = c.head.ff_hidden();
  linear("mulan.audio.proj", dim, d);
  for (int64_t i = 0; i < c.head.depth; ++i) {
    const auto p = "mulan.audio.transformer.layers." + std::to_string(i) + ".";
    w[p + "0.norm.learned_gamma"] = ones(dim);
    w[p + "0.to_q.weight"] = randn({inner, dim}, dim);
    w[p + "0.to_kv.weight"] = randn({2 * inner, dim}, dim);
    w[p + "0.q_scale"] = ones(c.head.dim_head);
    w[p + "0.k_scale"] = ones(c.head.dim_head);
    w[p + "0.to_out.0.weight"] = randn({dim, inner}, inner);
    w[p + "1.0.learned_gamma"] = ones(dim);
    w[p + "1.1.weight"] = randn({2 * ff, dim}, dim);
    w[p + "1.4.weight"] = randn({dim, ff}, ff);
  }
  linear("mulan.audio_to_latents", c.dim_latent, dim);
  return WeightMap(std::move(w), "random audio tower weights");
}

}  // namespace drs

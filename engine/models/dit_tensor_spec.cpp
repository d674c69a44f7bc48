#include "models/dit_tensor_spec.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "models/safetensors_header.h"

namespace drs::models {
namespace {

constexpr std::int64_t kCondWidth = 512;      // C, hard-coded in the model
constexpr std::int64_t kSinusoidWidth = 256;  // timestep features
constexpr std::int64_t kConvPosGroups = 16;
constexpr std::int64_t kConvPosKernel = 31;
constexpr std::int64_t kDwKernel = 7;
constexpr std::size_t kMaxListed = 5;  // problems named in one message

using TensorMap = std::map<std::string, std::vector<std::int64_t>>;

void add_timestep_embedding(TensorMap& t, const std::string& name) {
  const std::string p = "transformer." + name + ".time_mlp.";
  t[p + "0.weight"] = {kCondWidth, kSinusoidWidth};
  t[p + "0.bias"] = {kCondWidth};
  t[p + "2.weight"] = {kCondWidth, kCondWidth};
  t[p + "2.bias"] = {kCondWidth};
}

void add_text_embedding(TensorMap& t, const DitConfig& c) {
  const std::string text = "transformer.text_embed.";
  t[text + "text_embed.weight"] = {c.text_num_embeds + 1, c.text_dim};
  const std::int64_t inner = 2 * c.text_dim;
  for (std::int64_t k = 0; k < c.conv_layers; ++k) {
    const std::string b = text + "text_blocks." + std::to_string(k) + ".";
    t[b + "dwconv.weight"] = {c.text_dim, 1, kDwKernel};
    t[b + "dwconv.bias"] = {c.text_dim};
    t[b + "norm.weight"] = {c.text_dim};
    t[b + "norm.bias"] = {c.text_dim};
    t[b + "pwconv1.weight"] = {inner, c.text_dim};
    t[b + "pwconv1.bias"] = {inner};
    t[b + "grn.gamma"] = {1, 1, inner};
    t[b + "grn.beta"] = {1, 1, inner};
    t[b + "pwconv2.weight"] = {c.text_dim, inner};
    t[b + "pwconv2.bias"] = {c.text_dim};
  }
}

void add_blocks(TensorMap& t, const DitConfig& c) {
  const std::int64_t hidden = c.dim * c.ff_mult;
  for (std::int64_t i = 0; i < c.depth; ++i) {
    const std::string b = "transformer.transformer_blocks." + std::to_string(i) + ".";
    for (const char* proj : {"q_proj", "k_proj", "v_proj", "o_proj"})
      t[b + "self_attn." + proj + ".weight"] = {c.dim, c.dim};
    t[b + "mlp.gate_proj.weight"] = {hidden, c.dim};
    t[b + "mlp.up_proj.weight"] = {hidden, c.dim};
    t[b + "mlp.down_proj.weight"] = {c.dim, hidden};
    t[b + "input_layernorm.weight"] = {c.dim};
    t[b + "post_attention_layernorm.weight"] = {c.dim};
  }
  // Text fusion after the first half of the layers.
  for (std::int64_t j = 0; j < c.depth / 2; ++j) {
    const std::string f = "transformer.text_fusion_linears." + std::to_string(j) + ".0.";
    t[f + "weight"] = {c.dim, c.text_dim};
    t[f + "bias"] = {c.dim};
  }
}

}  // namespace

DitConfig read_dit_config(const std::filesystem::path& config, bool full) {
  // A folder would open as an empty stream: say what it is.
  std::error_code ec;
  if (std::filesystem::is_directory(config, ec))
    throw Error(ErrorKind::ModelCorrupt, config.string() + ": a folder, not a file");
  std::ifstream in(config);
  if (!in) throw Error(ErrorKind::ModelMissing, config.string() + ": not found");
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  return parse_dit_config(text, full, config.filename().string());
}

DitConfig parse_dit_config(const std::string& text, bool full, const std::string& origin) {
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object())
    throw Error(ErrorKind::ModelCorrupt, origin + ": not a JSON object");
  if (json.contains("model") && json["model"].is_object()) json = json["model"];
  if (json.contains("config") && json["config"].is_object()) json = json["config"];
  try {
    return DitConfig::from_json(json, full ? 6144 : 2048);
  } catch (const Error& e) {
    throw Error(e.kind(), origin + ": " + e.what());
  }
}

std::map<std::string, std::vector<std::int64_t>> expected_dit_tensors(const DitConfig& c) {
  TensorMap t;
  add_timestep_embedding(t, "time_embed");
  add_timestep_embedding(t, "start_time_embed");
  if (c.has_duration_embed()) add_timestep_embedding(t, "duration_time_embed");
  add_text_embedding(t, c);
  // Input: noisy latent + cond latent + text embedding + style + time condition.
  const std::string in = "transformer.input_embed.";
  t[in + "proj.weight"] = {c.dim, 2 * c.mel_dim + c.text_dim + 2 * kCondWidth};
  t[in + "proj.bias"] = {c.dim};
  for (const char* conv : {"0", "2"}) {
    const std::string p = in + "conv_pos_embed.conv1d." + conv + ".";
    t[p + "weight"] = {c.dim, c.dim / kConvPosGroups, kConvPosKernel};
    t[p + "bias"] = {c.dim};
  }
  add_blocks(t, c);
  t["transformer.norm_out.linear.weight"] = {2 * c.dim, kCondWidth};
  t["transformer.norm_out.linear.bias"] = {2 * c.dim};
  t["transformer.proj_out.weight"] = {c.mel_dim, c.dim};
  t["transformer.proj_out.bias"] = {c.mel_dim};
  return t;
}

std::string check_dit_weights(const std::filesystem::path& path, const DitConfig& config) {
  SafetensorsHeader header;
  try {
    header = read_safetensors_header(path);
  } catch (const Error& e) {
    return e.what();
  }
  TensorMap expected = expected_dit_tensors(config);
  std::vector<std::string> problems;
  for (const auto& [name, entry] : header.tensors) {
    const auto it = expected.find(name);
    if (it == expected.end())
      problems.push_back("unexpected tensor \"" + name + "\"");
    else if (it->second != entry.shape)
      problems.push_back("tensor \"" + name + "\" has shape " + shape_string(entry.shape) +
                         ", expected " + shape_string(it->second));
    if (it != expected.end()) expected.erase(it);
  }
  for (const auto& [name, shape] : expected)
    problems.push_back("missing tensor \"" + name + "\" " + shape_string(shape));
  if (problems.empty()) return {};
  const std::size_t total = problems.size();
  std::string message = path.filename().string() + ": ";
  for (std::size_t i = 0; i < std::min(total, kMaxListed); ++i)
    message += (i ? "; " : "") + problems[i];
  if (total > kMaxListed) message += "; … " + std::to_string(total) + " problems in all";
  return message;
}

}  // namespace drs::models

#include "vae/oobleck_config.h"

#include <sstream>

#include "drs/error.h"

namespace drs {
namespace {

[[noreturn]] void corrupt(const WeightMap& w, const std::string& what) {
  throw Error(ErrorKind::ModelCorrupt, w.source() + ": not an Oobleck VAE: " + what);
}

// A convolution's weight shape, stored plainly ("weight") or weight-normalised
// ("weight_v" holds the shape); nullopt when the layer has neither.
std::optional<std::vector<int64_t>> conv_shape(const WeightMap& w, const std::string& layer) {
  for (const char* suffix : {".weight", ".weight_v"}) {
    const auto it = w.all().find(layer + suffix);
    if (it == w.all().end()) continue;
    if (it->second.dim() != 3)
      corrupt(w, "tensor '" + it->first + "' is " + std::to_string(it->second.dim()) +
                     "-d, expected a 1-d convolution's [*, *, kernel]");
    return std::vector<int64_t>(it->second.sizes().begin(), it->second.sizes().end());
  }
  return std::nullopt;
}

std::vector<int64_t> required_conv_shape(const WeightMap& w, const std::string& layer) {
  auto shape = conv_shape(w, layer);
  if (!shape) corrupt(w, "missing tensor '" + layer + ".weight' (or its weight_g/weight_v pair)");
  return *shape;
}

// Strided convolutions have kernel 2 * stride.
int64_t stride_of(const WeightMap& w, const std::string& layer, int64_t kernel) {
  if (kernel < 2 || kernel % 2 != 0)
    corrupt(
        w, "'" + layer + "' has kernel " + std::to_string(kernel) + ", expected 2 * stride (even)");
  return kernel / 2;
}

// Widths must be whole multiples of the base width (c_mults are integers).
int64_t multiple_of(const WeightMap& w, const std::string& layer, int64_t width, int64_t base) {
  if (base <= 0 || width % base != 0)
    corrupt(w, "'" + layer + "' has width " + std::to_string(width) +
                   ", not a multiple of the base width " + std::to_string(base));
  return width / base;
}

std::string layer(const std::string& prefix, const char* part, std::size_t index) {
  return prefix + part + ".layers." + std::to_string(index);
}

}  // namespace

int64_t OobleckConfig::hop() const {
  int64_t hop = 1;
  for (const auto s : strides) hop *= s;
  return hop;
}

int64_t OobleckConfig::width(std::size_t level) const {
  return level == 0 ? channels : channels * c_mults.at(level - 1);
}

std::string OobleckConfig::describe() const {
  std::ostringstream out;
  out << "channels " << channels << ", c_mults [";
  for (std::size_t i = 0; i < c_mults.size(); ++i) out << (i ? "," : "") << c_mults[i];
  out << "], strides [";
  for (std::size_t i = 0; i < strides.size(); ++i) out << (i ? "," : "") << strides[i];
  out << "], latent " << latent_channels << ", audio " << audio_channels;
  return out.str();
}

std::optional<std::string> find_oobleck_prefix(const WeightMap& weights) {
  for (const char* anchor : {"decoder.layers.0.weight", "decoder.layers.0.weight_v"}) {
    const std::string suffix = anchor;
    for (const auto& [name, tensor] : weights.all()) {
      if (name.size() < suffix.size() ||
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        continue;
      const auto prefix = name.substr(0, name.size() - suffix.size());
      // A snake-activated first block tells Oobleck from any other "decoder".
      if (weights.has(prefix + "decoder.layers.1.layers.0.alpha")) return prefix;
    }
  }
  return std::nullopt;
}

bool has_oobleck_encoder(const WeightMap& weights, const std::string& prefix) {
  return conv_shape(weights, layer(prefix, "encoder", 0)).has_value();
}

// decoder.layers: 0 conv in, 1..n DecoderBlocks (their .layers.1 is the transposed
// convolution [in, out, 2s]), n+1 snake, n+2 conv out.
OobleckConfig derive_decoder_config(const WeightMap& w, const std::string& prefix) {
  const auto first = required_conv_shape(w, layer(prefix, "decoder", 0));
  std::vector<std::vector<int64_t>> ups;  // decoder order
  while (auto s = conv_shape(w, layer(prefix, "decoder", ups.size() + 1) + ".layers.1"))
    ups.push_back(*s);
  if (ups.empty()) corrupt(w, "no decoder blocks under '" + prefix + "decoder.layers.'");
  const auto n = ups.size();
  const auto last_name = layer(prefix, "decoder", n + 2);
  const auto last = required_conv_shape(w, last_name);
  OobleckConfig c;
  c.channels = ups.back()[1];
  c.latent_channels = first[1];
  c.audio_channels = last[0];
  c.bias = w.has(layer(prefix, "decoder", 0) + ".bias");
  c.final_bias = w.has(last_name + ".bias");
  for (std::size_t j = 0; j < n; ++j) {  // encoder order: decoder block n - j
    const auto block = layer(prefix, "decoder", n - j) + ".layers.1";
    const auto& shape = ups[n - 1 - j];
    c.strides.push_back(stride_of(w, block, shape[2]));
    c.c_mults.push_back(multiple_of(w, block, shape[0], c.channels));
  }
  return c;
}

// encoder.layers: 0 conv in, 1..n EncoderBlocks (their .layers.4 is the strided
// convolution [out, in, 2s]), n+1 snake, n+2 conv out.
OobleckConfig derive_encoder_config(const WeightMap& w, const std::string& prefix) {
  const auto first = required_conv_shape(w, layer(prefix, "encoder", 0));
  std::vector<std::vector<int64_t>> downs;
  while (auto s = conv_shape(w, layer(prefix, "encoder", downs.size() + 1) + ".layers.4"))
    downs.push_back(*s);
  if (downs.empty()) corrupt(w, "no encoder blocks under '" + prefix + "encoder.layers.'");
  const auto n = downs.size();
  const auto last_name = layer(prefix, "encoder", n + 2);
  const auto last = required_conv_shape(w, last_name);
  OobleckConfig c;
  c.channels = first[0];
  c.audio_channels = first[1];
  c.latent_channels = last[0];
  c.bias = w.has(layer(prefix, "encoder", 0) + ".bias");
  c.final_bias = w.has(last_name + ".bias");
  for (std::size_t j = 0; j < n; ++j) {
    const auto block = layer(prefix, "encoder", j + 1) + ".layers.4";
    c.strides.push_back(stride_of(w, block, downs[j][2]));
    c.c_mults.push_back(multiple_of(w, block, downs[j][0], c.channels));
  }
  return c;
}

}  // namespace drs

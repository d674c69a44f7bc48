#include "dit/dit_config.h"

#include <string>

#include <nlohmann/json.hpp>

#include "drs/error.h"

namespace drs {
namespace {

int64_t positive(const nlohmann::json& j, const char* key, int64_t fallback) {
  if (!j.contains(key)) return fallback;
  if (!j[key].is_number_integer() || j[key].get<int64_t>() <= 0)
    throw Error(ErrorKind::ModelCorrupt,
                std::string("DiT config: '") + key + "' must be a positive integer");
  return j[key].get<int64_t>();
}

// config.json is downloaded and its numbers size loops and tensor shapes: a depth of 10^9
// would hang an import's shape check, a dim near 2^62 overflow dim * ff_mult. The limits
// are far above any released or test model.
int64_t bounded(const nlohmann::json& j, const char* key, int64_t fallback, int64_t max) {
  const int64_t value = positive(j, key, fallback);
  if (value > max)
    throw Error(ErrorKind::ModelCorrupt, std::string("DiT config: '") + key + "' is " +
                                             std::to_string(value) + ", more than " +
                                             std::to_string(max));
  return value;
}

constexpr int64_t kMaxWidth = 1 << 16;
constexpr int64_t kMaxDepth = 1024;
constexpr int64_t kMaxFfMult = 64;
constexpr int64_t kMaxTextEmbeds = 1 << 20;
constexpr int64_t kMaxConvLayers = 64;

}  // namespace

DitConfig DitConfig::from_json(const nlohmann::json& j, int64_t max_frames) {
  if (!j.is_object()) throw Error(ErrorKind::ModelCorrupt, "DiT config is not a JSON object");
  DitConfig c;
  c.dim = bounded(j, "dim", c.dim, kMaxWidth);
  c.depth = bounded(j, "depth", c.depth, kMaxDepth);
  c.ff_mult = bounded(j, "ff_mult", c.ff_mult, kMaxFfMult);
  c.mel_dim = bounded(j, "mel_dim", c.mel_dim, kMaxWidth);
  c.text_num_embeds = bounded(j, "text_num_embeds", c.text_num_embeds, kMaxTextEmbeds);
  c.text_dim = bounded(j, "text_dim", c.text_dim, kMaxWidth);
  c.conv_layers = j.contains("conv_layers") && j["conv_layers"].is_number_integer()
                      ? j["conv_layers"].get<int64_t>()
                      : c.conv_layers;
  if (c.conv_layers < 0 || c.conv_layers > kMaxConvLayers)
    throw Error(ErrorKind::ModelCorrupt,
                "DiT config: 'conv_layers' must be 0 to " + std::to_string(kMaxConvLayers));
  c.heads = 32;  // the official Llama config is built without a head count: its default 32 applies
  c.max_frames = max_frames;
  if (c.text_dim != 512)
    throw Error(ErrorKind::ModelCorrupt,
                "DiT config: text_dim must be 512 (the text fusion layers take 512 inputs)");
  if (c.dim % (2 * c.heads) != 0)
    throw Error(ErrorKind::ModelCorrupt,
                "DiT config: dim must be a multiple of 64 (32 heads, even head size)");
  if (c.dim % 16 != 0)
    throw Error(ErrorKind::ModelCorrupt, "DiT config: dim must be a multiple of 16 (grouped conv)");
  if (max_frames != 2048 && max_frames != 6144)
    throw Error(ErrorKind::ModelCorrupt, "DiT max_frames must be 2048 (base) or 6144 (full)");
  return c;
}

}  // namespace drs

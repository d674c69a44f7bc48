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

}  // namespace

DitConfig DitConfig::from_json(const nlohmann::json& j, int64_t max_frames) {
  if (!j.is_object()) throw Error(ErrorKind::ModelCorrupt, "DiT config is not a JSON object");
  DitConfig c;
  c.dim = positive(j, "dim", c.dim);
  c.depth = positive(j, "depth", c.depth);
  c.ff_mult = positive(j, "ff_mult", c.ff_mult);
  c.mel_dim = positive(j, "mel_dim", c.mel_dim);
  c.text_num_embeds = positive(j, "text_num_embeds", c.text_num_embeds);
  c.text_dim = positive(j, "text_dim", c.text_dim);
  c.conv_layers = j.contains("conv_layers") && j["conv_layers"].is_number_integer()
                      ? j["conv_layers"].get<int64_t>()
                      : c.conv_layers;
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

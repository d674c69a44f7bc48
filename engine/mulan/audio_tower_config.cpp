#include "mulan/audio_tower_config.h"

#include <string>

#include "drs/error.h"
#include "mulan/config_fields.h"

namespace drs {
namespace {

[[noreturn]] void corrupt(const std::string& where, const std::string& why) {
  throw Error(ErrorKind::ModelCorrupt, where + ": " + why);
}

// A string field this encoder supports only with one value (absent: MuQ's default, the
// same value); anything else would load and silently compute something else.
void require_value(const nlohmann::json& j, const char* key, const std::string& expected,
                   const std::string& where) {
  if (!j.contains(key) || j[key].is_null()) return;
  if (const auto value = config_field<std::string>(j, key, where); value != expected)
    corrupt(where, std::string(key) + " '" + value + "' is not supported (this encoder computes '" +
                       expected + "')");
}

// A downloaded number that is counted up to or multiplied (encoder_depth + 1 hidden
// states, clip_secs * sr): limited far above any released model, so neither overflows.
constexpr int64_t kMaxDepth = 1024;
constexpr int64_t kMaxClipSeconds = 3600;

int64_t bounded_field(const nlohmann::json& j, const char* key, const std::string& where,
                      int64_t max) {
  const auto value = config_field<int64_t>(j, key, where);
  if (value > max)
    corrupt(where, std::string("field '") + key + "' is " + std::to_string(value) + ", more than " +
                       std::to_string(max));
  return value;
}

// tf_depth may be 0 (the released audio tower has no MuLan transformer).
int64_t depth_field(const nlohmann::json& j, const std::string& where) {
  const auto it = j.find("tf_depth");
  if (it == j.end() || !it->is_number_integer() || it->get<int64_t>() < 0 ||
      it->get<int64_t>() > kMaxDepth)
    corrupt(where, "field 'tf_depth' must be an integer from 0 to " + std::to_string(kMaxDepth));
  return it->get<int64_t>();
}

void read_mulan_blocks(AudioTowerConfig& c, const nlohmann::json& mulan, const std::string& where) {
  const auto& model = config_block(mulan, "audio_model", where);
  const auto model_dim = config_field<int64_t>(model, "model_dim", where + " audio_model");
  if (model_dim != c.conformer.dim)
    corrupt(where, "audio_model.model_dim " + std::to_string(model_dim) +
                       " differs from the MuQ encoder_dim " + std::to_string(c.conformer.dim));
  if (model.contains("use_layer_idx")) {
    if (!model["use_layer_idx"].is_number_integer())
      corrupt(where, "audio_model.use_layer_idx must be an integer");
    c.use_layer_idx = model["use_layer_idx"].get<int64_t>();
  }
  const auto hidden_states = c.conformer.depth + 1;
  if (c.use_layer_idx >= hidden_states || c.use_layer_idx < -hidden_states)
    corrupt(where, "audio_model.use_layer_idx " + std::to_string(c.use_layer_idx) +
                       " is outside the encoder's " + std::to_string(hidden_states) +
                       " hidden states");
  const auto& t = config_block(mulan, "audio_transformer", where);
  const auto tw = where + " audio_transformer";
  c.head = {config_field<int64_t>(t, "dim", tw), depth_field(t, tw),
            config_field<int64_t>(t, "heads", tw), config_field<int64_t>(t, "dim_head", tw),
            config_field<int64_t>(t, "ff_mult", tw)};
  const auto& m = config_block(mulan, "mulan", where);
  c.dim_latent = config_field<int64_t>(m, "dim_latent", where + " mulan");
  const auto sr = config_field<int64_t>(m, "sr", where + " mulan");
  if (sr != c.mel.sample_rate)
    corrupt(where, "mulan.sr " + std::to_string(sr) + " differs from MuQ's 24000 Hz");
  c.clip_samples = bounded_field(m, "clip_secs", where + " mulan", kMaxClipSeconds) * sr;
}

void read_w2v2(AudioTowerConfig& c, const nlohmann::json& w, const std::string& where) {
  require_value(w, "position_embeddings_type", "rotary", where);
  require_value(w, "hidden_act", "swish", where);
  auto& e = c.conformer;
  e.heads = config_field<int64_t>(w, "num_attention_heads", where);
  e.ffn_dim = config_field<int64_t>(w, "intermediate_size", where);
  e.depthwise_kernel = config_field<int64_t>(w, "conv_depthwise_kernel_size", where);
  e.final_layer_norm_eps = config_field<double>(w, "layer_norm_eps", where);
  e.rotary_base = w.contains("rotary_embedding_base")
                      ? config_field<double>(w, "rotary_embedding_base", where)
                      : 10000.0;
  if (e.dim % e.heads != 0 || e.head_size() % 2 != 0)
    corrupt(where, "encoder_dim " + std::to_string(e.dim) + " does not split into " +
                       std::to_string(e.heads) + " heads of an even size");
  if (e.depthwise_kernel % 2 == 0)
    corrupt(where, "conv_depthwise_kernel_size must be odd ('same' padding)");
}

void read_muq(AudioTowerConfig& c, const nlohmann::json& muq, const std::string& where) {
  if (muq.contains("features") && muq["features"] != nlohmann::json::array({"melspec_2048"}))
    corrupt(where, "features " + muq["features"].dump() +
                       " is not supported (this encoder computes [\"melspec_2048\"])");
  c.stem_channels = config_field<int64_t>(muq, "conv_dim", where);
  c.conformer.dim = config_field<int64_t>(muq, "encoder_dim", where);
  c.conformer.depth = bounded_field(muq, "encoder_depth", where, kMaxDepth);
  c.mel.n_mels = config_field<int64_t>(muq, "n_mels", where);
  c.mel.hop_length = config_field<int64_t>(muq, "hop_length", where);
  if (c.mel.n_mels % 4 != 0) corrupt(where, "n_mels must be a multiple of 4 (two stride-2 convs)");
  const auto& stat = config_block(muq, "stat", where);
  c.mel.mean = config_field<double>(stat, "melspec_2048_mean", where + " stat");
  c.mel.std = config_field<double>(stat, "melspec_2048_std", where + " stat");
  if (!(c.mel.std > 0)) corrupt(where, "stat.melspec_2048_std must be positive");
  read_w2v2(c, config_block(muq, "w2v2_config", where), where + " w2v2_config");
}

}  // namespace

AudioTowerConfig AudioTowerConfig::from_official_json(const nlohmann::json& mulan_config,
                                                      const nlohmann::json& muq_config,
                                                      const std::string& where_mulan,
                                                      const std::string& where_muq) {
  AudioTowerConfig c;
  read_muq(c, muq_config, where_muq);
  read_mulan_blocks(c, mulan_config, where_mulan);
  return c;
}

AudioTowerConfig AudioTowerConfig::from_official_files(const std::filesystem::path& mulan_config,
                                                       const std::filesystem::path& muq_config) {
  return from_official_json(read_config_json(mulan_config), read_config_json(muq_config),
                            mulan_config.string(), muq_config.string());
}

nlohmann::json AudioTowerConfig::official_mulan_audio_json() const {
  return {{"audio_model",
           {{"name", "OpenMuQ/MuQ-large-msd-iter"},
            {"model_dim", conformer.dim},
            {"use_layer_idx", use_layer_idx}}},
          {"audio_transformer",
           {{"dim", head.dim},
            {"tf_depth", head.depth},
            {"heads", head.heads},
            {"dim_head", head.dim_head},
            {"ff_mult", head.ff_mult}}},
          {"mulan",
           {{"sr", mel.sample_rate},
            {"clip_secs", clip_samples / mel.sample_rate},
            {"dim_latent", dim_latent}}}};
}

nlohmann::json AudioTowerConfig::official_muq_json() const {
  return {{"features", {"melspec_2048"}},
          {"hop_length", mel.hop_length},
          {"n_mels", mel.n_mels},
          {"conv_dim", stem_channels},
          {"encoder_dim", conformer.dim},
          {"encoder_depth", conformer.depth},
          {"stat", {{"melspec_2048_mean", mel.mean}, {"melspec_2048_std", mel.std}}},
          {"w2v2_config",
           {{"num_attention_heads", conformer.heads},
            {"intermediate_size", conformer.ffn_dim},
            {"conv_depthwise_kernel_size", conformer.depthwise_kernel},
            {"layer_norm_eps", conformer.final_layer_norm_eps},
            {"rotary_embedding_base", conformer.rotary_base},
            {"position_embeddings_type", "rotary"},
            {"hidden_act", "swish"}}}};
}

}  // namespace drs

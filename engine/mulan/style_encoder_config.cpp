#include "mulan/style_encoder_config.h"

#include <string>

#include "drs/error.h"
#include "mulan/config_fields.h"

namespace drs {
namespace {

// Our XLM-R layers compute the exact (erf) GELU, which is what Hugging Face's "gelu"
// means; its tanh variants ("gelu_new", "gelu_pytorch_tanh") or another activation would
// load fine and silently give other embeddings, so they are refused by name. Absent means
// "gelu", XLMRobertaConfig's default.
void check_activation(const nlohmann::json& j, const std::string& where) {
  const auto it = j.find("hidden_act");
  if (it == j.end() || it->is_null()) return;
  if (!it->is_string())
    throw Error(ErrorKind::ModelCorrupt, where + ": field 'hidden_act' must be a string");
  if (const auto act = it->get<std::string>(); act != "gelu")
    throw Error(ErrorKind::ModelCorrupt, where + ": hidden_act '" + act +
                                             "' is not supported (XLM-R uses 'gelu', the exact "
                                             "erf form, which is what this encoder computes)");
}

XlmrConfig xlmr_from_json(const nlohmann::json& j, const std::string& where) {
  check_activation(j, where);
  XlmrConfig c;
  c.vocab_size = config_field<int64_t>(j, "vocab_size", where);
  c.hidden_size = config_field<int64_t>(j, "hidden_size", where);
  c.num_hidden_layers = config_field<int64_t>(j, "num_hidden_layers", where);
  c.num_attention_heads = config_field<int64_t>(j, "num_attention_heads", where);
  c.intermediate_size = config_field<int64_t>(j, "intermediate_size", where);
  c.max_position_embeddings = config_field<int64_t>(j, "max_position_embeddings", where);
  c.type_vocab_size = j.value("type_vocab_size", int64_t{1});
  c.pad_token_id = j.value("pad_token_id", int64_t{1});
  c.layer_norm_eps = config_field<double>(j, "layer_norm_eps", where);
  if (c.hidden_size % c.num_attention_heads != 0)
    throw Error(ErrorKind::ModelCorrupt,
                where + ": hidden_size is not a multiple of num_attention_heads");
  return c;
}

}  // namespace

StyleEncoderConfig StyleEncoderConfig::from_fixture_json(const nlohmann::json& fixture) {
  StyleEncoderConfig c;
  c.xlmr = xlmr_from_json(fixture.at("xlmr_config"), "fixture xlmr_config");
  const auto& t = fixture.at("mulan_text");
  c.text.dim = config_field<int64_t>(t, "dim", "fixture mulan_text");
  c.text.tf_depth = config_field<int64_t>(t, "tf_depth", "fixture mulan_text");
  c.text.heads = config_field<int64_t>(t, "heads", "fixture mulan_text");
  c.text.dim_head = config_field<int64_t>(t, "dim_head", "fixture mulan_text");
  c.text.ff_mult = config_field<int64_t>(t, "ff_mult", "fixture mulan_text");
  // "proj": "Linear" or the identity (null, "Identity", absent): an XLM-R width that
  // differs from the tower's can only be bridged by a Linear, whatever the field says.
  const auto proj = t.contains("proj") ? t.at("proj") : nlohmann::json(nullptr);
  c.text.has_projection =
      (proj.is_string() && proj.get<std::string>() == "Linear") || c.text.dim != c.xlmr.hidden_size;
  return c;
}

StyleEncoderConfig StyleEncoderConfig::from_official_files(
    const std::filesystem::path& mulan_config, const std::filesystem::path& xlmr_config) {
  StyleEncoderConfig c;
  c.xlmr = xlmr_from_json(read_config_json(xlmr_config), xlmr_config.string());
  const auto mulan = read_config_json(mulan_config);
  const std::string where = mulan_config.string();
  if (!mulan.contains("text_transformer"))
    throw Error(ErrorKind::ModelCorrupt, where + ": no 'text_transformer' block");
  const auto& t = mulan["text_transformer"];
  c.text.dim = config_field<int64_t>(t, "dim", where + " text_transformer");
  c.text.tf_depth = config_field<int64_t>(t, "tf_depth", where + " text_transformer");
  c.text.heads = config_field<int64_t>(t, "heads", where + " text_transformer");
  c.text.dim_head = config_field<int64_t>(t, "dim_head", where + " text_transformer");
  c.text.ff_mult = config_field<int64_t>(t, "ff_mult", where + " text_transformer");
  // text_model.model_dim is the XLM-R width; MuQ adds Linear(model_dim -> dim) only when
  // it is set and differs from the tower width (null, the official value: identity).
  const auto model = mulan.value("text_model", nlohmann::json::object());
  if (model.contains("model_dim") && !model["model_dim"].is_null()) {
    const auto model_dim = config_field<int64_t>(model, "model_dim", where + " text_model");
    if (model_dim != c.xlmr.hidden_size)
      throw Error(ErrorKind::ModelCorrupt,
                  where + ": text_model.model_dim " + std::to_string(model_dim) +
                      " differs from the XLM-R hidden_size " + std::to_string(c.xlmr.hidden_size));
    c.text.has_projection = model_dim != c.text.dim;
  }
  if (mulan.contains("mulan") && mulan["mulan"].contains("dim_latent"))
    c.text.dim_latent = config_field<int64_t>(mulan["mulan"], "dim_latent", where + " mulan");
  if (!c.text.has_projection && c.text.dim != c.xlmr.hidden_size)
    throw Error(ErrorKind::ModelCorrupt,
                where + ": text_transformer.dim differs from the XLM-R width but no projection");
  return c;
}

nlohmann::json StyleEncoderConfig::official_mulan_json() const {
  return {{"mulan", {{"sr", 24000}, {"clip_secs", 10}, {"dim_latent", text.dim_latent}}},
          {"text_model",
           {{"name", "xlm-roberta-base"},
            {"model_dim",
             text.has_projection ? nlohmann::json(xlmr.hidden_size) : nlohmann::json(nullptr)},
            {"use_layer_idx", -1}}},
          {"text_transformer",
           {{"dim", text.dim},
            {"tf_depth", text.tf_depth},
            {"max_seq_len", 1024},
            {"heads", text.heads},
            {"dim_head", text.dim_head},
            {"ff_mult", text.ff_mult}}}};
}

nlohmann::json StyleEncoderConfig::official_xlmr_json() const {
  return {{"model_type", "xlm-roberta"},
          {"vocab_size", xlmr.vocab_size},
          {"hidden_size", xlmr.hidden_size},
          {"num_hidden_layers", xlmr.num_hidden_layers},
          {"num_attention_heads", xlmr.num_attention_heads},
          {"intermediate_size", xlmr.intermediate_size},
          {"hidden_act", "gelu"},
          {"max_position_embeddings", xlmr.max_position_embeddings},
          {"type_vocab_size", xlmr.type_vocab_size},
          {"layer_norm_eps", xlmr.layer_norm_eps},
          {"pad_token_id", xlmr.pad_token_id},
          {"bos_token_id", 0},
          {"eos_token_id", 2}};
}

}  // namespace drs

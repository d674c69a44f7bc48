#include "pipeline/demo_models.h"

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "dit/dit_config.h"
#include "dit/random_weights.h"
#include "drs/model_set.h"
#include "mulan/audio_tower_config.h"
#include "mulan/audio_tower_random.h"
#include "mulan/demo_support.h"
#include "mulan/style_encoder_config.h"
#include "pipeline/demo_vae.h"
#include "weights/safetensors.h"

namespace drs {
namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kSeed = 20261124;

void write_text(const fs::path& path, const std::string& text) {
  AtomicFile file(path);
  file.write(text.data(), text.size());
  file.commit();
}

void write_json(const fs::path& path, const nlohmann::json& json) {
  write_text(path, json.dump(2) + "\n");
}

std::vector<std::pair<std::string, at::Tensor>> as_list(const WeightMap& weights) {
  std::vector<std::pair<std::string, at::Tensor>> list;
  for (const auto& [name, tensor] : weights.all()) list.emplace_back(name, tensor);
  return list;
}

// Small but complete: every block of the real DiT exists (incl. 8 fusion layers need
// depth >= 8 to be exercised; the demo keeps depth 2 to stay fast on any CPU).
DitConfig demo_dit_config() {
  DitConfig c;
  c.dim = 64;
  c.depth = 2;
  c.ff_mult = 2;
  c.conv_layers = 1;
  c.max_frames = 2048;
  return c;
}

StyleEncoderConfig demo_style_config() {
  StyleEncoderConfig c;
  c.xlmr.hidden_size = 32;
  c.xlmr.num_hidden_layers = 1;
  c.xlmr.num_attention_heads = 2;
  c.xlmr.intermediate_size = 64;
  c.text.dim = 32;
  c.text.tf_depth = 1;
  c.text.heads = 2;
  c.text.dim_head = 16;
  c.text.ff_mult = 2;
  return c;
}

// A small audio tower (reference songs as the style); both demo sizes use it (the
// released size is timed by drs-bench-mulan-audio instead).
AudioTowerConfig demo_audio_config() {
  AudioTowerConfig c;
  c.stem_channels = 4;
  c.conformer.dim = 32;
  c.conformer.depth = 1;
  c.conformer.heads = 2;
  c.conformer.ffn_dim = 64;
  c.conformer.depthwise_kernel = 15;
  c.head = {32, 1, 2, 16, 2};
  return c;
}

}  // namespace

// fp16 on disk, as the official checkpoint stores the released DiT.
std::vector<std::pair<std::string, at::Tensor>> as_half_list(const WeightMap& weights) {
  auto list = as_list(weights);
  for (auto& entry : list) entry.second = entry.second.to(at::kHalf);
  return list;
}

void write_demo_model_set(const fs::path& dir, DemoDit size, DemoStyle style_size) {
  fs::create_directories(dir);
  const bool real_size = size != DemoDit::Tiny;
  auto dit = real_size ? DitConfig{} : demo_dit_config();
  if (size == DemoDit::RealSizeFull) dit.max_frames = 6144;
  write_json(dir / ModelSetLayout::kDitConfig, {{"model_type", "diffrhythm"},
                                                {"model",
                                                 {{"dim", dit.dim},
                                                  {"depth", dit.depth},
                                                  {"heads", dit.heads},
                                                  {"ff_mult", dit.ff_mult},
                                                  {"text_dim", dit.text_dim},
                                                  {"conv_layers", dit.conv_layers}}}});
  {
    const auto weights = random_dit_weights(dit, kSeed);
    write_safetensors(dir / ModelSetLayout::kDit,
                      real_size ? as_half_list(weights) : as_list(weights),
                      {{"format", "pt"}, {"producer", "DiffRhythm Studio demo (random weights)"}});
  }
  write_demo_vae(dir / ModelSetLayout::kVae, kSeed);

  // The tokenizer vocabulary decides the XLM-R embedding table size.
  const auto pieces = demo_tokenizer_pieces();
  auto style = style_size == DemoStyle::RealSize ? StyleEncoderConfig{} : demo_style_config();
  if (style_size == DemoStyle::Tiny) style.xlmr.vocab_size = xlmr_vocab_size_for(pieces.size());
  write_sentencepiece_model(dir / ModelSetLayout::kTokenizer, pieces);
  // One MuQ-MuLan config and one state dict hold both towers, as the official files do.
  const auto audio = demo_audio_config();
  auto mulan_json = style.official_mulan_json();
  mulan_json.update(audio.official_mulan_audio_json());
  write_json(dir / ModelSetLayout::kStyleConfig, mulan_json);
  write_json(dir / ModelSetLayout::kXlmrConfig, style.official_xlmr_json());
  write_json(dir / ModelSetLayout::kMuqConfig, audio.official_muq_json());
  auto mulan_weights = as_list(random_style_encoder_weights(style, kSeed));
  for (auto& entry : as_list(random_audio_tower_weights(audio, kSeed + 1)))
    mulan_weights.push_back(std::move(entry));
  write_safetensors(dir / ModelSetLayout::kStyleWeights, mulan_weights);

  write_json(dir / ModelSetLayout::kManifest,
             {{"format", "drs-model-set"},
              {"version", 1},
              {"id", "demo"},
              {"name", style_size == DemoStyle::RealSize
                           ? "Demo model, real-size networks — produces noise"
                       : real_size ? "Demo model, real-size DiT — produces noise"
                                   : "Demo model — produces noise"},
              {"description", std::string(real_size ? "Random" : "Tiny random") +
                                  " networks in the official formats, generated by DiffRhythm "
                                  "Studio. Install the DiffRhythm weights for music."},
              {"is_demo", true},
              {"max_frames", dit.max_frames},
              {"source", "generated"}});
}

}  // namespace drs

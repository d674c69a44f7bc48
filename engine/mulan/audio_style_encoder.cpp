#include "mulan/audio_style_encoder.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "drs/error.h"
#include "mulan/conformer_encoder.h"
#include "mulan/mel_frontend.h"
#include "mulan/mel_stem.h"
#include "mulan/mulan_audio_head.h"

namespace drs {
namespace {

constexpr std::string_view kMuq = "mulan.audio.model.model.";

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Only entries under the audio tower's names are checked: the same file holds the text
// tower, which its own encoder binds.
bool in_audio_tower(std::string_view name) {
  return starts_with(name, "mulan.audio.") || starts_with(name, "mulan.audio_to_latents.");
}

void check_audio_tower_consumed(const WeightMap& weights) {
  for (const auto& [name, tensor] : weights.all()) {
    if (in_audio_tower(name) && !weights.was_taken(name) && !is_unused_audio_tower_tensor(name))
      throw Error(ErrorKind::ModelCorrupt,
                  weights.source() + ": unexpected audio-tower tensor '" + name + "'");
  }
}

}  // namespace

bool is_unused_audio_tower_tensor(const std::string& name) {
  if (ends_with(name, ".num_batches_tracked")) return true;
  if (starts_with(name, "mulan.audio.aggregator.")) return true;
  const std::string muq(kMuq);
  if (name == muq + "cls_token" || starts_with(name, muq + "linear.") ||
      starts_with(name, muq + "quantizer_"))
    return true;
  // torch < 2.1 saves weight_norm as weight_g/weight_v, later versions as parametrizations.
  static const std::array<std::string_view, 5> kPosConv = {"bias", "weight_g", "weight_v",
                                                           "parametrizations.weight.original0",
                                                           "parametrizations.weight.original1"};
  const auto pos_conv = muq + "conformer.pos_conv_embed.conv.";
  if (starts_with(name, pos_conv))
    return std::find(kPosConv.begin(), kPosConv.end(),
                     std::string_view(name).substr(pos_conv.size())) != kPosConv.end();
  return false;
}

struct AudioStyleEncoder::Impl {
  AudioTowerConfig config;
  MelFrontEnd mel;
  MelStem stem;
  ConformerEncoder encoder;
  MulanAudioHead head;

  Impl(const AudioTowerConfig& c, WeightMap& w)
      : config(c),
        mel(c.mel),
        stem(c, w, std::string(kMuq) + "conv."),
        encoder(c.conformer, w, std::string(kMuq) + "conformer."),
        head(c, w) {
    check_audio_tower_consumed(w);
  }
};

AudioStyleEncoder::AudioStyleEncoder(const AudioStyleEncoderFiles& files) {
  const auto config = AudioTowerConfig::from_official_files(files.mulan_config, files.muq_config);
  auto weights = load_weight_map(files.weights);
  impl_ = std::make_unique<Impl>(config, weights);
}

AudioStyleEncoder::AudioStyleEncoder(const AudioTowerConfig& config, WeightMap& weights)
    : impl_(std::make_unique<Impl>(config, weights)) {}

AudioStyleEncoder::~AudioStyleEncoder() = default;
AudioStyleEncoder::AudioStyleEncoder(AudioStyleEncoder&&) noexcept = default;
AudioStyleEncoder& AudioStyleEncoder::operator=(AudioStyleEncoder&&) noexcept = default;

const AudioTowerConfig& AudioStyleEncoder::config() const {
  return impl_->config;
}

std::vector<AudioClipSpan> AudioStyleEncoder::clips(int64_t samples) const {
  const int64_t n = impl_->config.clip_samples;
  std::vector<AudioClipSpan> spans;
  for (int64_t start = 0; start + n <= samples; start += n) spans.push_back({start, n});
  // The remainder r is completed with the first n - r samples, which a waveform shorter
  // than n - r cannot give in full: then the clip is the waveform twice.
  if (const int64_t r = samples % n; r > 0)
    spans.push_back({samples - r, r + std::min(n - r, samples)});
  return spans;
}

at::Tensor AudioStyleEncoder::embed_clip(const at::Tensor& clip, AudioClipTrace* trace) const {
  c10::InferenceMode guard;
  const auto mel = impl_->mel.forward(clip);
  const auto stem = impl_->stem.forward(mel);
  at::Tensor layer0;
  const auto hidden =
      impl_->encoder.forward(stem, impl_->config.use_layer_idx, trace ? &layer0 : nullptr);
  const auto pooled = impl_->head.pool(hidden);
  const auto latent = impl_->head.to_latent(pooled);
  if (trace) *trace = {mel, stem, layer0, hidden, pooled, latent};
  return latent;
}

at::Tensor AudioStyleEncoder::embed(const at::Tensor& wave) const {
  c10::InferenceMode guard;
  const auto x = wave.reshape({-1}).to(at::kFloat);
  const auto spans = clips(x.size(0));
  if (spans.empty()) throw Error(ErrorKind::BadInput, "empty reference audio");
  std::vector<at::Tensor> latents;
  for (const auto& span : spans) {
    const int64_t own = std::min(span.length, x.size(0) - span.start);
    auto clip = x.slice(0, span.start, span.start + own);
    if (own < span.length) clip = at::cat({clip, x.slice(0, 0, span.length - own)});
    latents.push_back(embed_clip(clip));
  }
  return at::cat(latents).mean(0, /*keepdim=*/true);
}

}  // namespace drs

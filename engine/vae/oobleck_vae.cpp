#include "vae/oobleck_vae.h"

#include "drs/error.h"

namespace drs {
namespace {

std::string prefix_of(const WeightMap& weights) {
  if (auto prefix = find_oobleck_prefix(weights)) return *prefix;
  throw Error(ErrorKind::ModelCorrupt,
              weights.source() +
                  ": not an Oobleck VAE (no tensor 'decoder.layers.0.weight' or "
                  "'decoder.layers.0.weight_v' next to a snake "
                  "'decoder.layers.1.layers.0.alpha')");
}

}  // namespace

OobleckVae::OobleckVae(WeightMap& weights, const at::TensorOptions& options)
    : OobleckVae(weights, prefix_of(weights), options) {}

OobleckVae::OobleckVae(WeightMap& w, const std::string& prefix, const at::TensorOptions& options)
    : dtype_(c10::typeMetaToScalarType(options.dtype())),
      source_(w.source()),
      decoder_(w, prefix, derive_decoder_config(w, prefix), options) {
  if (has_oobleck_encoder(w, prefix))
    encoder_.emplace(w, prefix, derive_encoder_config(w, prefix), options);
  w.finish();  // strict: a stray tensor means a graph we do not understand
}

at::Tensor OobleckVae::decode(const at::Tensor& latents) const {
  c10::InferenceMode guard;
  return decoder_.forward(latents.to(dtype_)).to(at::kFloat);
}

at::Tensor OobleckVae::encode(const at::Tensor& audio) const {
  if (!encoder_) throw Error(ErrorKind::ModelCorrupt, source_ + ": the VAE has no encoder weights");
  c10::InferenceMode guard;
  return encoder_->forward(audio.to(dtype_)).to(at::kFloat);
}

// The compute dtype is part of the name: a reduced-precision decode is a cost cutter the
// run's description must show.
std::string OobleckVae::backend_name() const {
  if (dtype_ == at::kFloat) return "native Oobleck";
  return std::string("native Oobleck, ") + c10::toString(dtype_);
}

VaeShape OobleckVae::shape() const {
  const auto& d = decoder_.config();
  return {d.latent_channels, d.audio_channels,
          encoder_ ? encoder_->config().latent_channels : 2 * d.latent_channels, d.hop()};
}

}  // namespace drs

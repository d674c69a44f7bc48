#include "mulan/mel_frontend.h"

#include <cmath>

#include "drs/error.h"

namespace drs {
namespace {

double hz_to_mel(double hz) {
  return 2595.0 * std::log10(1.0 + hz / 700.0);
}

}  // namespace

at::Tensor htk_mel_filterbank(int64_t bins, int64_t n_mels, double sample_rate) {
  // float32 throughout, like torchaudio: the mel points are spaced evenly on the mel
  // scale and mapped back to Hz; each filter rises from point m to m+1, falls to m+2.
  const auto f32 = at::TensorOptions().dtype(at::kFloat);
  const auto freqs = at::linspace(0.0, std::floor(sample_rate / 2), bins, f32);
  const auto mels = at::linspace(hz_to_mel(0.0), hz_to_mel(sample_rate / 2), n_mels + 2, f32);
  const auto points = (at::pow(10.0, mels / 2595.0) - 1.0) * 700.0;
  const auto widths = points.slice(0, 1) - points.slice(0, 0, -1);  // [n_mels + 1]
  const auto slopes = points.unsqueeze(0) - freqs.unsqueeze(1);     // [bins, n_mels + 2]
  const auto down = (-1.0 * slopes.slice(1, 0, -2)) / widths.slice(0, 0, -1);
  const auto up = slopes.slice(1, 2) / widths.slice(0, 1);
  return at::clamp_min(at::minimum(down, up), 0.0);
}

MelFrontEnd::MelFrontEnd(const MelConfig& config)
    : config_(config),
      window_(at::hann_window(config.n_fft, /*periodic=*/true, at::kFloat)),
      filterbank_(htk_mel_filterbank(config.n_fft / 2 + 1, config.n_mels,
                                     static_cast<double>(config.sample_rate))) {}

at::Tensor MelFrontEnd::forward(const at::Tensor& wave) const {
  if (wave.dim() != 1 || wave.size(0) < min_samples())
    throw Error(ErrorKind::BadInput, "audio clip of " + std::to_string(wave.numel()) +
                                         " samples is too short for the mel front end (" +
                                         std::to_string(min_samples()) + " needed)");
  const auto spectrum = at::stft(wave.to(at::kFloat), config_.n_fft, config_.hop_length,
                                 config_.n_fft, window_, /*center=*/true, "reflect",
                                 /*normalized=*/false, /*onesided=*/true,
                                 /*return_complex=*/true);  // [bins, frames]
  const auto power = spectrum.abs().pow(2.0);
  const auto mel = at::matmul(power.transpose(0, 1), filterbank_).transpose(0, 1);
  const auto db = 10.0 * at::log10(at::clamp_min(mel, 1e-10));
  return (db.slice(1, 0, -1) - config_.mean) / config_.std;  // MuQ drops the last frame
}

}  // namespace drs

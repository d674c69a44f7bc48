// MuQ's input features: a 24 kHz waveform -> normalised log-mel spectrogram, as torchaudio
// computes it in float32 (periodic Hann window, centred frames with reflect padding,
// power spectrum, HTK mel filters without normalisation, 10·log10 with a 1e-10 floor),
// minus the last frame, then standardised with MuQ's statistics.
#pragma once

#include <ATen/ATen.h>

#include "mulan/audio_tower_config.h"

namespace drs {

class MelFrontEnd {
 public:
  explicit MelFrontEnd(const MelConfig& config);
  // wave [L] float32 (L > n_fft / 2, for the reflect padding) -> [n_mels, L / hop].
  [[nodiscard]] at::Tensor forward(const at::Tensor& wave) const;
  // The shortest waveform the reflect padding accepts.
  [[nodiscard]] int64_t min_samples() const { return config_.n_fft / 2 + 1; }

 private:
  MelConfig config_;
  at::Tensor window_;      // [n_fft]
  at::Tensor filterbank_;  // [n_fft / 2 + 1, n_mels]
};

// torchaudio's HTK triangular filters over `bins` linear bins from 0 to sample_rate / 2,
// f_min 0 and f_max sample_rate / 2, in float32 as torchaudio builds them.
at::Tensor htk_mel_filterbank(int64_t bins, int64_t n_mels, double sample_rate);

}  // namespace drs

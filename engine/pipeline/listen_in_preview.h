// Decoding a listen-in window (drs/listen_in.h): a few seconds of the sampler's estimate
// of the clean latent, through the same VAE and chunking as the finished take.
#pragma once

#include <ATen/ATen.h>

#include <mutex>
#include <optional>
#include <stop_token>

#include "drs/listen_in.h"
#include "vae/vae.h"

namespace drs {

namespace detail {
// The engine's side of ListenIn, kept out of the public class so that front ends only
// request and cancel.
struct ListenInAccess {
  // The request to serve now, if any (the slot is emptied).
  [[nodiscard]] static std::optional<PreviewWindow> take(ListenIn& listen_in) {
    const std::lock_guard lock(listen_in.mutex_);
    auto window = listen_in.pending_;
    listen_in.pending_.reset();
    return window;
  }
};
}  // namespace detail

// The latent frames [first, first + count) of a song of `frames` frames that a window
// covers: centred where asked, kept inside the song, at least one frame.
struct PreviewFrames {
  int64_t first = 0;
  int64_t count = 0;
};
PreviewFrames preview_frames(const PreviewWindow& window, int64_t frames, int64_t hop,
                             int sample_rate);

// estimate [K,N,64]: the sampler's clean-latent estimate after `step` of `steps`.
// Cancellable between VAE chunks (throws drs::Error(Cancelled)).
PreviewAudio decode_preview(const Vae& vae, const at::Tensor& estimate, const PreviewWindow& window,
                            int step, int steps, const std::stop_token& stop);

}  // namespace drs

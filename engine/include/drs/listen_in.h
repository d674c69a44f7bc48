// Listen-in: while a run samples, the caller may ask to hear what the model currently
// expects the finished song to sound like around a point of the song. After the next
// completed sampler step the engine takes the flow's estimate of the clean latent
// (x + (1 - t) * v), decodes a short window of it through the VAE and reports it as a
// Progress event carrying `preview`. It is a preview, not the take: early steps sound
// like washed-out noise, later ones converge on the final audio.
//
// The decode runs on the engine's thread between two steps, so a preview delays the run
// by exactly its own decode time (reported, so that a front end can show the cost) and
// never changes the result: the sampler's state is not touched.
//
// Thread safety: request() and cancel() may be called from any thread while generate()
// runs on another; the engine alone takes a request out of the slot.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

namespace drs {

namespace detail {
struct ListenInAccess;  // the engine's side of the mailbox (engine/pipeline)
}  // namespace detail

// What the caller asks to hear.
struct PreviewWindow {
  double centre_seconds = 0;   // clamped into the song
  double window_seconds = 10;  // clamped to [1 s, the song's length]
  int take = 0;                // which take of a batch (clamped)
};

// The decoded estimate of one window.
struct PreviewAudio {
  int step = 0;   // sampler steps completed when it was estimated
  int steps = 0;  // the run's total steps
  int take = 0;
  double start_seconds = 0;  // where the window starts in the song
  int channels = 2;
  int sample_rate = 44100;
  std::vector<float> samples;  // interleaved, peak-normalised to +-1 over the window
  double decode_seconds = 0;   // wall time the preview cost the run

  [[nodiscard]] std::int64_t frames() const {
    return channels > 0 ? static_cast<std::int64_t>(samples.size()) / channels : 0;
  }
};

// A one-slot mailbox between the caller and a running generation: a newer request
// replaces one the engine has not picked up yet.
class ListenIn {
 public:
  void request(const PreviewWindow& window) {
    const std::lock_guard lock(mutex_);
    pending_ = window;
  }
  void cancel() {
    const std::lock_guard lock(mutex_);
    pending_.reset();
  }
  [[nodiscard]] bool pending() const {
    const std::lock_guard lock(mutex_);
    return pending_.has_value();
  }

 private:
  // Emptying the slot is the engine's alone: a front end that took a request would
  // silently swallow it.
  friend struct detail::ListenInAccess;
  mutable std::mutex mutex_;
  std::optional<PreviewWindow> pending_;
};

}  // namespace drs

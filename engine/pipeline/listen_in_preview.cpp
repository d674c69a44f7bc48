#include "pipeline/listen_in_preview.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "audio/postprocess.h"

namespace drs {

PreviewFrames preview_frames(const PreviewWindow& window, int64_t frames, int64_t hop,
                             int sample_rate) {
  const double frames_per_second = static_cast<double>(sample_rate) / static_cast<double>(hop);
  const auto to_frames = [&](double seconds) {
    return std::isfinite(seconds) ? seconds * frames_per_second : 0.0;
  };
  const int64_t count =
      std::clamp<int64_t>(std::llround(std::max(to_frames(window.window_seconds), 1.0)), 1,
                          std::max<int64_t>(frames, 1));
  const double centre =
      std::clamp(to_frames(window.centre_seconds), 0.0, static_cast<double>(frames));
  const int64_t first =
      std::clamp<int64_t>(std::llround(centre - static_cast<double>(count) / 2), 0, frames - count);
  return {first, count};
}

PreviewAudio decode_preview(const Vae& vae, const at::Tensor& estimate, const PreviewWindow& window,
                            int step, int steps, const std::stop_token& stop) {
  const auto started = std::chrono::steady_clock::now();
  const int64_t hop = vae.shape().hop;
  PreviewAudio preview;
  preview.step = step;
  preview.steps = steps;
  preview.take = std::clamp<int>(window.take, 0, static_cast<int>(estimate.size(0)) - 1);
  const auto span = preview_frames(window, estimate.size(1), hop, preview.sample_rate);
  preview.start_seconds =
      static_cast<double>(span.first * hop) / static_cast<double>(preview.sample_rate);
  const auto latent = estimate.narrow(0, preview.take, 1)
                          .narrow(1, span.first, span.count)
                          .to(at::kFloat)
                          .transpose(1, 2);  // [1,64,count]
  const auto audio = vae.decode_chunked(latent, ChunkParams{}, {}, stop);
  preview.channels = static_cast<int>(audio.size(1));
  preview.samples = postprocess_official(audio);
  preview.decode_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return preview;
}

}  // namespace drs

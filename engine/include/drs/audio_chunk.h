// A stretch of a take's audio, delivered while the VAE decodes the rest, so that
// playback (or a file being written) can start long before the song is finished.
#pragma once

#include <cstdint>
#include <vector>

namespace drs {

struct AudioChunk {
  int take = 0;                   // index within the request's takes
  std::int64_t first_frame = 0;   // position of samples[0] in the take, in frames
  std::int64_t total_frames = 0;  // length the finished take will have
  int channels = 2;
  int sample_rate = 44100;
  // The decoder's raw output, interleaved. The official peak normalisation needs the
  // whole song, so these are not normalised: scale by 1 / `peak` (the take's peak so
  // far) for listening; the finished Take is the reference and may be a little quieter
  // where a louder passage comes later.
  std::vector<float> samples;
  float peak = 0;  // max |sample| of the take up to the end of this chunk

  [[nodiscard]] std::int64_t frames() const {
    return channels > 0 ? static_cast<std::int64_t>(samples.size()) / channels : 0;
  }
  [[nodiscard]] bool completes_take() const { return first_frame + frames() >= total_frames; }
};

// The gain to listen to chunks with as they arrive: 1 / the peak so far, only ever
// lowered (a louder passage later turns the rest down a little instead of clipping,
// and the level never jumps up). `previous` is 0 before the first audible chunk.
[[nodiscard]] inline float listening_gain(float previous, const AudioChunk& chunk) {
  if (chunk.peak <= 0) return previous;
  const float gain = 1.0f / chunk.peak;
  return previous > 0 && previous < gain ? previous : gain;
}

}  // namespace drs

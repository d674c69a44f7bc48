// Reading songs (reference audio for editing and style) through libsndfile: WAV,
// FLAC, Ogg/Vorbis/Opus and, where Debian's libsndfile has it, MP3.
#pragma once

#include <filesystem>
#include <vector>

namespace drs {

struct DecodedAudio {
  std::vector<float> samples;  // interleaved, as stored (libsndfile's float scale, +-1)
  int channels = 0;
  int sample_rate = 0;
  [[nodiscard]] std::size_t frames() const {
    return channels > 0 ? samples.size() / static_cast<std::size_t>(channels) : 0;
  }
  [[nodiscard]] double seconds() const {
    return sample_rate > 0 ? static_cast<double>(frames()) / sample_rate : 0.0;
  }
};

// Throws drs::Error(BadInput) naming the file and libsndfile's reason when it cannot
// be opened or decoded, or holds no samples.
DecodedAudio read_audio_file(const std::filesystem::path& path);

}  // namespace drs

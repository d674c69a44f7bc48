// Reading a song file through libsndfile (WAV, FLAC, Ogg/Vorbis/Opus and, where
// Debian's libsndfile has it, MP3): the reference song of an edit or of a style, and
// the official rule for the 10 s clip MuQ-MuLan embeds as a style. Torch-free, so the
// window can draw a reference's waveform and place its clip.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
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

// The same for a file already in memory (read during the call only); `name` stands for
// the file in errors.
DecodedAudio decode_audio(std::span<const std::byte> bytes, const std::string& name);

// Length of the clip a reference-song style is computed from.
inline constexpr double kReferenceClipSeconds = 10.0;

// The official default clip start for a file of `seconds`: floor(seconds / 2) - 5.
double default_reference_start(double seconds);

}  // namespace drs

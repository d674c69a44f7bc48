// The reference-song clip MuQ-MuLan embeds for a style, as DiffRhythm's official path
// picks it: 10 s starting 5 s before the middle (the middle floored to whole seconds),
// or from a chosen start; mixed to mono; resampled to 24 kHz with libsoxr's HQ recipe
// and then padded or cut to librosa's length rule.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "drs/reference_audio.h"  // kReferenceClipSeconds, default_reference_start

namespace drs {

struct ReferenceClip {
  std::vector<float> samples;  // mono, 24 kHz
  double start_seconds = 0;    // where the clip begins in the file
  double file_seconds = 0;     // the whole file's duration
  int file_sample_rate = 0;
  int file_channels = 0;
  bool resampled = false;
};

inline constexpr int kReferenceSampleRate = 24000;

// Throws drs::Error(BadInput) naming the file for unreadable audio, a file shorter than
// 10 s, or a `start_seconds` that is negative or leaves less than 10 s.
ReferenceClip load_reference_clip(const std::filesystem::path& path,
                                  std::optional<double> start_seconds = std::nullopt);

// The same rule on audio already decoded; `name` stands for the file in errors.
ReferenceClip reference_clip(const DecodedAudio& audio, const std::string& name,
                             std::optional<double> start_seconds = std::nullopt);

// librosa's resampled length: ceil(frames * (to / from)), the ratio taken first in double
// (44.1 kHz -> 24 kHz thus gives one sample more than the exact 24000 per second).
std::size_t librosa_resampled_length(std::size_t frames, int from_rate, int to_rate);

// Mono mixdown as numpy's float32 mean over channels.
std::vector<float> mix_to_mono(std::span<const float> interleaved, int channels);

}  // namespace drs

#include "audio/reference_clip.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "audio/resample.h"
#include "drs/error.h"
#include "drs/reference_audio.h"

namespace drs {
namespace {

std::string seconds_text(double s) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", s);
  return text;
}

}  // namespace

double default_reference_start(double seconds) {
  return std::floor(seconds / 2) - kReferenceClipSeconds / 2;
}

std::size_t librosa_resampled_length(std::size_t frames, int from_rate, int to_rate) {
  const double ratio = static_cast<double>(to_rate) / from_rate;
  return static_cast<std::size_t>(std::ceil(static_cast<double>(frames) * ratio));
}

std::vector<float> mix_to_mono(std::span<const float> interleaved, int channels) {
  const auto c = static_cast<std::size_t>(channels);
  std::vector<float> mono(interleaved.size() / c);
  for (std::size_t i = 0; i < mono.size(); ++i) {
    float sum = 0;
    for (std::size_t k = 0; k < c; ++k) sum += interleaved[i * c + k];
    mono[i] = sum / static_cast<float>(channels);
  }
  return mono;
}

ReferenceClip load_reference_clip(const std::filesystem::path& path,
                                  std::optional<double> start_seconds) {
  return reference_clip(read_audio_file(path), path.string(), start_seconds);
}

ReferenceClip reference_clip(const DecodedAudio& audio, const std::string& name,
                             std::optional<double> start_seconds) {
  ReferenceClip clip;
  clip.file_seconds = audio.seconds();
  clip.file_sample_rate = audio.sample_rate;
  clip.file_channels = audio.channels;
  if (clip.file_seconds < kReferenceClipSeconds)
    throw Error(ErrorKind::BadInput, name + ": the reference is too short (" +
                                         seconds_text(clip.file_seconds) +
                                         " s); a reference song needs at least 10 seconds");
  clip.start_seconds = start_seconds.value_or(default_reference_start(clip.file_seconds));
  if (!std::isfinite(clip.start_seconds) || clip.start_seconds < 0 ||
      clip.start_seconds + kReferenceClipSeconds > clip.file_seconds)
    throw Error(ErrorKind::BadInput, name + ": clip start " + seconds_text(clip.start_seconds) +
                                         " s leaves no 10 s clip in a " +
                                         seconds_text(clip.file_seconds) + " s file");
  const int sr = audio.sample_rate;
  // Sample positions are truncated, as librosa's offset and duration are.
  const auto seek = static_cast<std::size_t>(clip.start_seconds * sr);
  const auto count =
      std::min(static_cast<std::size_t>(kReferenceClipSeconds * sr), audio.frames() - seek);
  const auto c = static_cast<std::size_t>(audio.channels);
  auto mono = mix_to_mono(std::span(audio.samples).subspan(seek * c, count * c), audio.channels);
  if (sr == kReferenceSampleRate) {
    clip.samples = std::move(mono);
    return clip;
  }
  clip.resampled = true;
  clip.samples = resample(mono, 1, sr, kReferenceSampleRate);
  clip.samples.resize(librosa_resampled_length(count, sr, kReferenceSampleRate), 0.0f);
  return clip;
}

}  // namespace drs

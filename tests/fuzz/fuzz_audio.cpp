// Fuzz target: a reference song's bytes (WAV, FLAC, Ogg, ... whatever libsndfile opens)
// through drs::decode_audio, then the 10 s clip rule and libsoxr's resampling to 24 kHz
// (drs::reference_clip) at the official start or at one picked by the last byte.
// Every refusal must be a BadInput drs::Error that names the file; decoded audio must
// be whole frames; a clip must be 10 s inside the file, at 24 kHz librosa's length.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <span>
#include <string>

#include "audio/reference_clip.h"
#include "drs/error.h"
#include "drs/reference_audio.h"

namespace {

constexpr const char* kName = "fuzz.wav";

void expect_refusal(const drs::Error& e) {
  if (e.kind() != drs::ErrorKind::BadInput || std::string(e.what()).find(kName) != 0) std::abort();
}

void clip(const drs::DecodedAudio& audio, std::optional<double> start) {
  drs::ReferenceClip c;
  try {
    c = drs::reference_clip(audio, kName, start);
  } catch (const drs::Error& e) {
    expect_refusal(e);
    return;
  }
  if (c.start_seconds < 0 || c.start_seconds + drs::kReferenceClipSeconds > c.file_seconds)
    std::abort();
  const auto rate = audio.sample_rate;
  const auto frames = static_cast<std::size_t>(drs::kReferenceClipSeconds * rate);
  const auto expected =
      rate == drs::kReferenceSampleRate
          ? frames
          : drs::librosa_resampled_length(frames, rate, drs::kReferenceSampleRate);
  if (c.samples.size() != expected) std::abort();  // a clip is always the whole 10 s
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  drs::DecodedAudio audio;
  try {
    audio = drs::decode_audio(std::span(reinterpret_cast<const std::byte*>(data), size), kName);
  } catch (const drs::Error& e) {
    expect_refusal(e);
    return 0;
  }
  if (audio.channels < 1 || audio.sample_rate < 1 || audio.samples.empty() ||
      audio.samples.size() % static_cast<std::size_t>(audio.channels) != 0)
    std::abort();
  // One clip per input (resampling is slow under ASan: libsoxr's buffer grows by
  // realloc): the last byte picks the official start or one anywhere from 1 s before
  // the file to its end (the window's spin box).
  const int pick = size > 0 ? data[size - 1] : 0;
  clip(audio,
       pick < 64 ? std::nullopt : std::optional((audio.seconds() + 1) * (pick - 64) / 191.0 - 1));
  return 0;
}

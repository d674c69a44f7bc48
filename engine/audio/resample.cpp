#include "audio/resample.h"

#include <soxr.h>

#include <cmath>
#include <string>

#include "drs/error.h"

namespace drs {

std::vector<float> resample(std::span<const float> interleaved, int channels, int from_rate,
                            int to_rate) {
  if (channels < 1 || from_rate < 1 || to_rate < 1 ||
      interleaved.size() % static_cast<std::size_t>(channels) != 0)
    throw Error(ErrorKind::Internal, "resample: inconsistent audio buffer");
  if (from_rate == to_rate) return {interleaved.begin(), interleaved.end()};
  const std::size_t frames = interleaved.size() / static_cast<std::size_t>(channels);
  const auto out_frames = static_cast<std::size_t>(
      std::llround(static_cast<double>(frames) * to_rate / static_cast<double>(from_rate)));
  std::vector<float> out(out_frames * static_cast<std::size_t>(channels));
  const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
  const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
  std::size_t written = 0;
  // One-shot conversion: soxr flushes its filter tail, so the whole signal comes out.
  const soxr_error_t error =
      soxr_oneshot(from_rate, to_rate, static_cast<unsigned>(channels), interleaved.data(), frames,
                   nullptr, out.data(), out_frames, &written, &io, &quality, nullptr);
  if (error) throw Error(ErrorKind::Internal, std::string("resample (libsoxr): ") + error);
  out.resize(written * static_cast<std::size_t>(channels));
  return out;
}

}  // namespace drs

#include "pipeline/reference_song.h"

#include <cmath>

#include "audio/resample.h"
#include "drs/error.h"
#include "drs/reference_audio.h"

namespace drs {
namespace {

constexpr int kVaeRate = 44100;

}  // namespace

at::Tensor load_reference_song(const std::filesystem::path& path) {
  const auto decoded = read_audio_file(path);
  const auto samples = resample(decoded.samples, decoded.channels, decoded.sample_rate, kVaeRate);
  const int64_t channels = decoded.channels;
  const int64_t frames = static_cast<int64_t>(samples.size()) / channels;
  // [frames, channels] -> [1, channels, frames], then exactly two channels.
  auto audio = at::from_blob(const_cast<float*>(samples.data()), {frames, channels}, at::kFloat)
                   .t()
                   .unsqueeze(0);
  audio = channels == 1 ? audio.repeat({1, 2, 1}) : audio.narrow(1, 0, 2);
  audio = audio.contiguous().clone();
  const double peak = audio.abs().max().item<double>();
  if (!(peak > 0))
    throw Error(ErrorKind::BadInput,
                path.string() + ": the reference song is silent (nothing to edit or continue)");
  // -6 dBFS peak as the official normalize_audio(y, -6).
  return audio * (std::pow(10.0, -6.0 / 20.0) / peak);
}

}  // namespace drs

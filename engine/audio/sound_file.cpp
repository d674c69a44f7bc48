#include "audio/sound_file.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "drs/error.h"

namespace drs {
namespace {

int sndfile_format(AudioFormat format) {
  switch (format) {
    case AudioFormat::Wav16: return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    case AudioFormat::Wav24: return SF_FORMAT_WAV | SF_FORMAT_PCM_24;
    case AudioFormat::WavFloat: return SF_FORMAT_WAV | SF_FORMAT_FLOAT;
    case AudioFormat::Flac16: return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    case AudioFormat::Flac24: return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
  }
  return 0;
}

// Integer samples are made here, not by libsndfile, so 16-bit output reproduces the
// official conversion exactly: x * 32767 truncated toward zero.
template <typename Int>
std::vector<Int> to_integer(std::span<const float> samples, double scale, int shift) {
  std::vector<Int> out(samples.size());
  std::transform(samples.begin(), samples.end(), out.begin(), [&](float x) {
    const double clamped = std::clamp(static_cast<double>(x), -1.0, 1.0);
    return static_cast<Int>(static_cast<Int>(std::trunc(clamped * scale)) * (Int{1} << shift));
  });
  return out;
}

}  // namespace

SoundFileWriter::SoundFileWriter(const std::filesystem::path& path, int fd, int channels,
                                 int sample_rate, AudioFormat format)
    : path_(path), format_(format), channels_(channels) {
  if (channels <= 0 || sample_rate <= 0)
    throw Error(ErrorKind::Internal, "audio output: bad channel count or sample rate");
  SF_INFO info{};
  info.samplerate = sample_rate;
  info.channels = channels;
  info.format = sndfile_format(format);
  if (!sf_format_check(&info))
    throw Error(ErrorKind::Internal, "libsndfile rejects the output format");
  file_ = sf_open_fd(fd, SFM_WRITE, &info, /*close_desc=*/SF_FALSE);
  if (!file_) throw Error(ErrorKind::Output, path.string() + ": " + sf_strerror(nullptr));
}

SoundFileWriter::~SoundFileWriter() {
  if (file_) sf_close(file_);
}

void SoundFileWriter::write(std::span<const float> interleaved) {
  if (interleaved.size() % static_cast<std::size_t>(channels_) != 0)
    throw Error(ErrorKind::Internal, "audio output: samples are not whole frames");
  const auto frames =
      static_cast<sf_count_t>(interleaved.size() / static_cast<std::size_t>(channels_));
  sf_count_t written = 0;
  switch (format_) {
    case AudioFormat::Wav16:
    case AudioFormat::Flac16:
      written = sf_writef_short(file_, to_integer<int16_t>(interleaved, 32767.0, 0).data(), frames);
      break;
    case AudioFormat::Wav24:
    case AudioFormat::Flac24:
      // libsndfile's int path is 32-bit: a 24-bit value in the top bits.
      written = sf_writef_int(file_, to_integer<int32_t>(interleaved, 8388607.0, 8).data(), frames);
      break;
    case AudioFormat::WavFloat: written = sf_writef_float(file_, interleaved.data(), frames); break;
  }
  if (written != frames) fail();
}

void SoundFileWriter::update_header_after_each_write() {
  sf_command(file_, SFC_SET_UPDATE_HEADER_AUTO, nullptr, SF_TRUE);
}

void SoundFileWriter::close() {
  const int err = sf_close(file_);
  file_ = nullptr;
  if (err != 0) throw Error(ErrorKind::Output, path_.string() + ": " + sf_error_number(err));
}

void SoundFileWriter::fail() {
  throw Error(ErrorKind::Output, path_.string() + ": cannot write audio (" + sf_strerror(file_) +
                                     "); is the disk full?");
}

}  // namespace drs

#include "drs/audio_file.h"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/atomic_file.h"
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

class SoundFile {
 public:
  SoundFile(const std::filesystem::path& path, int fd, SF_INFO& info) : path_(path) {
    file_ = sf_open_fd(fd, SFM_WRITE, &info, /*close_desc=*/SF_FALSE);
    if (!file_) throw Error(ErrorKind::Output, path.string() + ": " + sf_strerror(nullptr));
  }
  ~SoundFile() {
    if (file_) sf_close(file_);
  }
  SoundFile(const SoundFile&) = delete;
  SoundFile& operator=(const SoundFile&) = delete;

  template <typename Sample, typename Writer>
  void write(const std::vector<Sample>& samples, sf_count_t frames, Writer writer) {
    if (writer(file_, samples.data(), frames) != frames) fail();
  }
  void write_float(std::span<const float> samples, sf_count_t frames) {
    if (sf_writef_float(file_, samples.data(), frames) != frames) fail();
  }
  void close() {
    const int err = sf_close(file_);
    file_ = nullptr;
    if (err != 0) throw Error(ErrorKind::Output, path_.string() + ": " + sf_error_number(err));
  }

 private:
  [[noreturn]] void fail() {
    throw Error(ErrorKind::Output, path_.string() + ": cannot write audio (" + sf_strerror(file_) +
                                       "); is the disk full?");
  }
  std::filesystem::path path_;
  SNDFILE* file_ = nullptr;
};

}  // namespace

AudioFormat audio_format_for(const std::filesystem::path& path) {
  auto ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".wav") return AudioFormat::Wav16;
  if (ext == ".flac") return AudioFormat::Flac16;
  throw Error(ErrorKind::BadInput,
              path.string() + ": unsupported audio file type '" + ext + "' (use .wav or .flac)");
}

void write_audio_file(const std::filesystem::path& path, std::span<const float> interleaved,
                      int channels, int sample_rate, AudioFormat format) {
  if (channels <= 0 || sample_rate <= 0 ||
      interleaved.size() % static_cast<std::size_t>(channels) != 0)
    throw Error(ErrorKind::Internal, "write_audio_file: inconsistent audio buffer");
  const auto frames =
      static_cast<sf_count_t>(interleaved.size() / static_cast<std::size_t>(channels));
  SF_INFO info{};
  info.samplerate = sample_rate;
  info.channels = channels;
  info.format = sndfile_format(format);
  if (!sf_format_check(&info))
    throw Error(ErrorKind::Internal, "libsndfile rejects the output format");

  AtomicFile file(path);  // removed again unless commit() is reached
  {
    SoundFile sound(path, file.descriptor(), info);
    switch (format) {
      case AudioFormat::Wav16:
      case AudioFormat::Flac16:
        sound.write(to_integer<int16_t>(interleaved, 32767.0, 0), frames, sf_writef_short);
        break;
      case AudioFormat::Wav24:
      case AudioFormat::Flac24:
        // libsndfile's int path is 32-bit: a 24-bit value in the top bits.
        sound.write(to_integer<int32_t>(interleaved, 8388607.0, 8), frames, sf_writef_int);
        break;
      case AudioFormat::WavFloat: sound.write_float(interleaved, frames); break;
    }
    sound.close();
  }
  file.commit();
}

}  // namespace drs

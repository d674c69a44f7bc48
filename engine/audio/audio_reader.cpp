#include "drs/reference_audio.h"

#include <sndfile.h>

#include <string>

#include "drs/error.h"

namespace drs {
namespace {

[[noreturn]] void unreadable(const std::filesystem::path& path, const std::string& why) {
  throw Error(ErrorKind::BadInput, path.string() + ": cannot read audio (" + why + ")");
}

// Owns the SNDFILE handle.
class OpenSound {
 public:
  OpenSound(const std::filesystem::path& path, SF_INFO& info) {
    file_ = sf_open(path.c_str(), SFM_READ, &info);
    if (!file_) unreadable(path, sf_strerror(nullptr));
  }
  ~OpenSound() { sf_close(file_); }
  OpenSound(const OpenSound&) = delete;
  OpenSound& operator=(const OpenSound&) = delete;
  [[nodiscard]] SNDFILE* get() const { return file_; }

 private:
  SNDFILE* file_ = nullptr;
};

}  // namespace

DecodedAudio read_audio_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) unreadable(path, "no such file");
  SF_INFO info{};
  OpenSound sound(path, info);
  if (info.channels < 1 || info.samplerate < 1) unreadable(path, "no audio channels");
  DecodedAudio audio;
  audio.channels = info.channels;
  audio.sample_rate = info.samplerate;
  // Read in blocks: compressed formats may report an inexact frame count.
  constexpr sf_count_t kBlock = 1 << 16;
  std::vector<float> block(static_cast<std::size_t>(kBlock * info.channels));
  for (;;) {
    const sf_count_t got = sf_readf_float(sound.get(), block.data(), kBlock);
    if (got <= 0) break;
    audio.samples.insert(audio.samples.end(), block.begin(),
                         block.begin() + static_cast<std::ptrdiff_t>(got * info.channels));
  }
  if (sf_error(sound.get()) != SF_ERR_NO_ERROR) unreadable(path, sf_strerror(sound.get()));
  if (audio.samples.empty()) unreadable(path, "the file holds no samples");
  return audio;
}

}  // namespace drs

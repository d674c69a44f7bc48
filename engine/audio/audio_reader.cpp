#include "drs/reference_audio.h"

#include <sndfile.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "drs/error.h"

namespace drs {
namespace {

[[noreturn]] void unreadable(const std::string& name, const std::string& why) {
  throw Error(ErrorKind::BadInput, name + ": cannot read audio (" + why + ")");
}

// libsndfile's virtual I/O over a read-only memory buffer.
struct MemoryInput {
  std::span<const std::byte> bytes;
  sf_count_t position = 0;
};

sf_count_t memory_length(void* user) {
  return static_cast<sf_count_t>(static_cast<MemoryInput*>(user)->bytes.size());
}

sf_count_t memory_seek(sf_count_t offset, int whence, void* user) {
  auto& in = *static_cast<MemoryInput*>(user);
  const auto size = static_cast<sf_count_t>(in.bytes.size());
  const sf_count_t base = whence == SEEK_CUR ? in.position : whence == SEEK_END ? size : 0;
  // Out-of-range requests are clamped: libsndfile then reads nothing there, as at a
  // file's end.
  in.position = std::clamp<sf_count_t>(base + offset, 0, size);
  return in.position;
}

sf_count_t memory_read(void* out, sf_count_t count, void* user) {
  auto& in = *static_cast<MemoryInput*>(user);
  const auto left = static_cast<sf_count_t>(in.bytes.size()) - in.position;
  const sf_count_t n = std::clamp<sf_count_t>(count, 0, left);
  if (n > 0) std::memcpy(out, in.bytes.data() + in.position, static_cast<std::size_t>(n));
  in.position += n;
  return n;
}

sf_count_t memory_write(const void*, sf_count_t, void*) {
  return 0;
}

sf_count_t memory_tell(void* user) {
  return static_cast<MemoryInput*>(user)->position;
}

// Owns the SNDFILE handle.
class OpenSound {
 public:
  OpenSound(SNDFILE* file, const std::string& name) : file_(file) {
    if (!file_) unreadable(name, sf_strerror(nullptr));
  }
  ~OpenSound() { sf_close(file_); }
  OpenSound(const OpenSound&) = delete;
  OpenSound& operator=(const OpenSound&) = delete;
  [[nodiscard]] SNDFILE* get() const { return file_; }

 private:
  SNDFILE* file_ = nullptr;
};

DecodedAudio decode(const OpenSound& sound, const SF_INFO& info, const std::string& name) {
  if (info.channels < 1 || info.samplerate < 1) unreadable(name, "no audio channels");
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
  if (sf_error(sound.get()) != SF_ERR_NO_ERROR) unreadable(name, sf_strerror(sound.get()));
  if (audio.samples.empty()) unreadable(name, "the file holds no samples");
  return audio;
}

}  // namespace

DecodedAudio read_audio_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) unreadable(path.string(), "no such file");
  SF_INFO info{};
  const OpenSound sound(sf_open(path.c_str(), SFM_READ, &info), path.string());
  return decode(sound, info, path.string());
}

DecodedAudio decode_audio(std::span<const std::byte> bytes, const std::string& name) {
  SF_VIRTUAL_IO io{memory_length, memory_seek, memory_read, memory_write, memory_tell};
  MemoryInput input{bytes, 0};
  SF_INFO info{};
  const OpenSound sound(sf_open_virtual(&io, SFM_READ, &info, &input), name);
  return decode(sound, info, name);
}

}  // namespace drs

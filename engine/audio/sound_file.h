// libsndfile output shared by the one-shot writer (drs/audio_file.h) and the streaming
// one (drs/audio_stream_file.h): both must produce the very same bytes for the same
// samples, so both encode through this.
#pragma once

#include <sndfile.h>

#include <filesystem>
#include <span>

#include "drs/audio_file.h"

namespace drs {

// A libsndfile writer on an open descriptor (which it does not close). Throws
// drs::Error(Output) naming `path` when libsndfile refuses the format or a write fails.
class SoundFileWriter {
 public:
  SoundFileWriter(const std::filesystem::path& path, int fd, int channels, int sample_rate,
                  AudioFormat format);
  ~SoundFileWriter();
  SoundFileWriter(const SoundFileWriter&) = delete;
  SoundFileWriter& operator=(const SoundFileWriter&) = delete;

  // Interleaved float samples in [-1, 1] (clamped), in the file's sample format: 16-bit
  // output is x * 32767 truncated toward zero, as the official script converts.
  void write(std::span<const float> interleaved);
  // Keeps the header's sizes current after every write, so that the file is a valid
  // (shorter) song at any moment while it grows.
  void update_header_after_each_write();
  // Writes the final header; throws when libsndfile reports an error.
  void close();

 private:
  [[noreturn]] void fail();
  std::filesystem::path path_;
  AudioFormat format_;
  int channels_;
  SNDFILE* file_ = nullptr;
};

}  // namespace drs

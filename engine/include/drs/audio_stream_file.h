// A song file written while the VAE is still decoding it: each decoded stretch
// (drs::AudioChunk) is appended to a temporary file in the target's folder as it
// arrives, so the audio is on disk long before the song is finished. The finished take
// (peak-normalised over the whole song, which the chunks cannot be) then replaces the
// streamed samples and the file is renamed into place: the same bytes as
// write_audio_file() and the same atomicity (an error, a cancel or a destroyed object
// leaves neither the target nor the temporary file). A cancelled run's prefix can be
// kept instead, under another name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "drs/audio_file.h"

namespace drs {

class StreamingAudioFile {
 public:
  // Creates the temporary file. Throws drs::Error(Output) naming the target.
  StreamingAudioFile(std::filesystem::path target, int channels, int sample_rate,
                     AudioFormat format);
  ~StreamingAudioFile();
  StreamingAudioFile(const StreamingAudioFile&) = delete;
  StreamingAudioFile& operator=(const StreamingAudioFile&) = delete;

  // Appends interleaved samples scaled by `gain` (the chunks' drs::listening_gain, so
  // the streamed file sounds as the app plays it). The header is kept current, so the
  // temporary file is a valid, shorter song at any moment. Throws drs::Error(Output)
  // (e.g. disk full).
  void append(std::span<const float> interleaved, float gain);
  [[nodiscard]] std::int64_t frames() const;
  [[nodiscard]] const std::filesystem::path& temp_path() const;

  // Replaces the streamed samples with the finished take and renames the file to the
  // target. Throws drs::Error(Output); the temporary file is then removed.
  void commit(std::span<const float> finished);
  // Closes what was streamed so far (a decoded prefix) and renames it to `path`, in the
  // target's folder. Throws drs::Error(Output).
  void keep_as(const std::filesystem::path& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace drs

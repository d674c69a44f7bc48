#include "drs/audio_stream_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "audio/sound_file.h"
#include "core/atomic_file.h"
#include "drs/error.h"

namespace drs {

struct StreamingAudioFile::Impl {
  Impl(std::filesystem::path target_path, int channel_count, int rate, AudioFormat audio_format)
      : target(std::move(target_path)),
        channels(channel_count),
        sample_rate(rate),
        format(audio_format),
        file(target) {
    writer.emplace(target, file.descriptor(), channels, sample_rate, format);
    writer->update_header_after_each_write();
  }

  // The encoder starts over on an empty file, exactly as write_audio_file() starts.
  void rewind() {
    writer.reset();
    if (::ftruncate(file.descriptor(), 0) != 0 || ::lseek(file.descriptor(), 0, SEEK_SET) != 0)
      throw Error(ErrorKind::Output,
                  target.string() + ": cannot rewrite the file (" + std::strerror(errno) + ")");
    writer.emplace(target, file.descriptor(), channels, sample_rate, format);
  }

  std::filesystem::path target;
  int channels;
  int sample_rate;
  AudioFormat format;
  AtomicFile file;
  std::optional<SoundFileWriter> writer;
  std::int64_t frames = 0;
  std::vector<float> scaled;  // reused between chunks
};

StreamingAudioFile::StreamingAudioFile(std::filesystem::path target, int channels, int sample_rate,
                                       AudioFormat format)
    : impl_(std::make_unique<Impl>(std::move(target), channels, sample_rate, format)) {}

StreamingAudioFile::~StreamingAudioFile() = default;

void StreamingAudioFile::append(std::span<const float> interleaved, float gain) {
  auto& scaled = impl_->scaled;
  scaled.resize(interleaved.size());
  for (std::size_t i = 0; i < interleaved.size(); ++i) scaled[i] = interleaved[i] * gain;
  impl_->writer->write(scaled);
  impl_->frames += static_cast<std::int64_t>(interleaved.size()) / impl_->channels;
}

std::int64_t StreamingAudioFile::frames() const {
  return impl_->frames;
}

const std::filesystem::path& StreamingAudioFile::temp_path() const {
  return impl_->file.temp_path();
}

void StreamingAudioFile::commit(std::span<const float> finished) {
  impl_->rewind();
  impl_->writer->write(finished);
  impl_->writer->close();
  impl_->writer.reset();
  impl_->file.commit();
}

void StreamingAudioFile::keep_as(const std::filesystem::path& path) {
  impl_->writer->close();
  impl_->writer.reset();
  impl_->file.commit_as(path);
}

}  // namespace drs

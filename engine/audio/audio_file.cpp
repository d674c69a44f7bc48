#include "drs/audio_file.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "audio/sound_file.h"
#include "core/atomic_file.h"
#include "drs/error.h"

namespace drs {

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
  AtomicFile file(path);  // removed again unless commit() is reached
  {
    SoundFileWriter sound(path, file.descriptor(), channels, sample_rate, format);
    sound.write(interleaved);
    sound.close();
  }
  file.commit();
}

}  // namespace drs

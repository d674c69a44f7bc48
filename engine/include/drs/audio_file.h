// Writing songs to disk through libsndfile, atomically (temporary file in the
// target folder, then rename): a full disk, a cancel or a crash never leaves a
// truncated file under the user's name.
#pragma once

#include <filesystem>
#include <span>

namespace drs {

enum class AudioFormat { Wav16, Wav24, WavFloat, Flac16, Flac24 };

// `interleaved` stereo (or `channels`) float samples in [-1, 1].
// Throws drs::Error(Output) with the path and reason (unwritable, disk full ...).
void write_audio_file(const std::filesystem::path& path, std::span<const float> interleaved,
                      int channels, int sample_rate, AudioFormat format);

// Format from the extension (.wav -> Wav16, .flac -> Flac16); throws BadInput otherwise.
AudioFormat audio_format_for(const std::filesystem::path& path);

}  // namespace drs

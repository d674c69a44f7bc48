// 16-bit PCM WAV for the player's preview files (export goes through the engine's
// drs::write_audio_file; previews only need something GStreamer can stream).
#pragma once

#include <QString>

#include <span>

namespace drs::ui {

// Returns false (and leaves no file) when the file cannot be written.
bool write_preview_wav(const QString& path, std::span<const float> interleaved, int channels,
                       int sample_rate);

}  // namespace drs::ui

#include "ui/wav_preview.h"

#include <QSaveFile>

#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace drs::ui {
namespace {

template <typename T>
void put(std::vector<char>& out, T value) {
  const T little = qToLittleEndian(value);
  const auto* bytes = reinterpret_cast<const char*>(&little);
  out.insert(out.end(), bytes, bytes + sizeof(T));
}

void put_tag(std::vector<char>& out, const char (&tag)[5]) {
  out.insert(out.end(), tag, tag + 4);
}

}  // namespace

bool write_preview_wav(const QString& path, std::span<const float> interleaved, int channels,
                       int sample_rate) {
  if (channels <= 0 || sample_rate <= 0) return false;
  const auto data_bytes = static_cast<std::uint32_t>(interleaved.size() * 2);
  std::vector<char> out;
  out.reserve(44 + data_bytes);
  put_tag(out, "RIFF");
  put<std::uint32_t>(out, 36 + data_bytes);
  put_tag(out, "WAVE");
  put_tag(out, "fmt ");
  put<std::uint32_t>(out, 16);
  put<std::uint16_t>(out, 1);  // PCM
  put<std::uint16_t>(out, static_cast<std::uint16_t>(channels));
  put<std::uint32_t>(out, static_cast<std::uint32_t>(sample_rate));
  put<std::uint32_t>(out, static_cast<std::uint32_t>(sample_rate * channels * 2));
  put<std::uint16_t>(out, static_cast<std::uint16_t>(channels * 2));
  put<std::uint16_t>(out, 16);
  put_tag(out, "data");
  put<std::uint32_t>(out, data_bytes);
  for (const float sample : interleaved) {
    const float clamped = std::isfinite(sample) ? std::clamp(sample, -1.0f, 1.0f) : 0.0f;
    put<std::int16_t>(out, static_cast<std::int16_t>(clamped * 32767.0f));
  }
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return false;
  if (file.write(out.data(), static_cast<qint64>(out.size())) != static_cast<qint64>(out.size()))
    return false;
  return file.commit();
}

}  // namespace drs::ui

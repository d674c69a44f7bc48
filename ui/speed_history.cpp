#include "ui/speed_history.h"

#include <QSettings>

#include "drs/machine_speed.h"

namespace drs::ui {
namespace {

// Measured anchor for the real model (MODEL.md §8.3): a 2-thread x86 CPU needs about
// 30 s per forward at 2048 frames in float32. Demo sets are tiny random networks.
constexpr double kRealSecondsPerForward2048 = 30.0;
constexpr double kDemoSecondsPerForward = 0.5;
constexpr double kRealDecodeSeconds2048 = 240.0;
constexpr double kDemoDecodeSeconds = 5.0;
constexpr double kSmoothing = 0.5;  // weight of the newest run
const QString kCpuMatmulKey = QStringLiteral("speed/machine/cpu_matmul_gflops");
const QString kCpuBf16Key = QStringLiteral("speed/machine/cpu_bf16_speedup");
const QString kCpuInt8Key = QStringLiteral("speed/machine/cpu_int8_speedup");
// Share of a forward's FLOPs in attention at 2048 frames (drs-bench): int8 speeds up
// only the rest.
constexpr double kAttentionShare = 0.11;

QString sanitize(QString text) {
  for (auto& c : text)
    if (!c.isLetterOrNumber()) c = u'_';
  return text;
}

}  // namespace

SpeedHistory::SpeedHistory(const ModelInfo& info, int frames)
    : model_key_(
          sanitize(QString::fromStdString(info.name + "_" + info.device + "_" + info.precision))),
      frames_(frames > 0 ? frames : 2048),
      is_demo_(info.is_demo),
      on_cpu_(info.device.rfind("cpu", 0) == 0),
      bf16_(info.precision == "BFloat16"),
      int8_(info.precision.rfind("int8", 0) == 0) {}

void SpeedHistory::record_cpu_matmul_speed(double gflops, double bf16_speedup,
                                           double int8_speedup) {
  if (gflops > 0) QSettings().setValue(kCpuMatmulKey, gflops);
  if (bf16_speedup > 0) QSettings().setValue(kCpuBf16Key, bf16_speedup);
  if (int8_speedup > 0) QSettings().setValue(kCpuInt8Key, int8_speedup);
}

std::optional<double> SpeedHistory::calibrated_seconds_per_forward() const {
  if (is_demo_ || !on_cpu_) return std::nullopt;
  double gflops = QSettings().value(kCpuMatmulKey).toDouble();
  if (gflops <= 0) return std::nullopt;
  if (bf16_) {
    const double speedup = QSettings().value(kCpuBf16Key).toDouble();
    if (speedup <= 0) return std::nullopt;
    gflops *= speedup;
  }
  if (int8_) {
    const double speedup = QSettings().value(kCpuInt8Key).toDouble();
    if (speedup <= 0) return std::nullopt;
    gflops /= (1 - kAttentionShare) / speedup + kAttentionShare;  // Amdahl
  }
  return forward_cost(frames_) / (gflops * 1e9 * kCpuDitEfficiency);
}

double SpeedHistory::forward_cost(int frames) {
  const double n = frames;
  return 2.2123e9 * n + 1.31072e5 * n * n;
}

QString SpeedHistory::key(const char* what) const {
  return QStringLiteral("speed/%1/%2").arg(model_key_, QLatin1String(what));
}

// Stored values are normalised to 2048 frames and rescaled to this song's length.
std::optional<double> SpeedHistory::seconds_per_forward() const {
  const QVariant value = QSettings().value(key("seconds_per_forward_2048"));
  if (!value.isValid() || value.toDouble() <= 0) return std::nullopt;
  return value.toDouble() * forward_cost(frames_) / forward_cost(2048);
}

std::optional<double> SpeedHistory::decode_seconds() const {
  const QVariant value = QSettings().value(key("decode_seconds_2048"));
  if (!value.isValid() || value.toDouble() <= 0) return std::nullopt;
  return value.toDouble() * frames_ / 2048.0;
}

double SpeedHistory::seconds_per_forward_or_default() const {
  if (auto measured = seconds_per_forward()) return *measured;
  if (auto calibrated = calibrated_seconds_per_forward()) return *calibrated;
  const double base = is_demo_ ? kDemoSecondsPerForward : kRealSecondsPerForward2048;
  return base * forward_cost(frames_) / forward_cost(2048);
}

double SpeedHistory::decode_seconds_or_default() const {
  if (auto measured = decode_seconds()) return *measured;
  return (is_demo_ ? kDemoDecodeSeconds : kRealDecodeSeconds2048) * frames_ / 2048.0;
}

double SpeedHistory::estimate_seconds(const SamplingSettings& sampling) const {
  return seconds_per_forward_or_default() * sampling.forward_passes() + decode_seconds_or_default();
}

void SpeedHistory::record(double seconds_per_forward, std::optional<double> decode) const {
  QSettings settings;
  auto fold = [&](const QString& name, double value) {
    if (value <= 0) return;
    const QVariant old = settings.value(name);
    const double merged = old.isValid() && old.toDouble() > 0
                              ? kSmoothing * value + (1 - kSmoothing) * old.toDouble()
                              : value;
    settings.setValue(name, merged);
  };
  fold(key("seconds_per_forward_2048"),
       seconds_per_forward * forward_cost(2048) / forward_cost(frames_));
  if (decode) fold(key("decode_seconds_2048"), *decode * 2048.0 / frames_);
}

}  // namespace drs::ui

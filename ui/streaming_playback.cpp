#include "ui/streaming_playback.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace drs::ui {

namespace {
// How often queued audio is pushed into the device buffer: well inside the buffer's
// length, so the device never runs dry while decoded audio is waiting.
constexpr int kPumpMs = 20;

std::int16_t to_pcm16(float sample, float gain) {
  const float scaled = std::clamp(sample * gain, -1.0f, 1.0f);
  return static_cast<std::int16_t>(std::lround(scaled * 32767.0f));
}
}  // namespace

StreamingPlayback::StreamingPlayback(QObject* parent) : QObject(parent) {
  pump_.setInterval(kPumpMs);
  connect(&pump_, &QTimer::timeout, this, &StreamingPlayback::feed);
}

StreamingPlayback::~StreamingPlayback() {
  stop();
}

bool StreamingPlayback::open(const AudioChunk& first) {
  const auto device = QMediaDevices::defaultAudioOutput();
  if (device.isNull()) {
    Q_EMIT failed(tr("No audio output device to play on while decoding."));
    return false;
  }
  QAudioFormat format;
  format.setSampleRate(first.sample_rate);
  format.setChannelCount(first.channels);
  format.setSampleFormat(QAudioFormat::Int16);
  sink_ = std::make_unique<QAudioSink>(device, format);
  device_ = sink_->start();
  if (!device_ || sink_->error() != QAudio::NoError) {
    sink_.reset();
    device_ = nullptr;
    Q_EMIT failed(tr("The audio device %1 could not be opened.").arg(device.description()));
    return false;
  }
  channels_ = first.channels;
  rate_ = first.sample_rate;
  total_frames_ = first.total_frames;
  pcm_.clear();
  pcm_.reserve(static_cast<qsizetype>(total_frames_ * channels_) * 2);
  written_ = 0;
  frames_ = 0;
  gain_ = 0;
  pump_.start();
  return true;
}

bool StreamingPlayback::append(const AudioChunk& chunk) {
  if (chunk.first_frame == 0 && !open(chunk)) return false;
  if (!sink_) return false;
  if (chunk.first_frame != frames_ || chunk.channels != channels_) {
    stop();
    Q_EMIT failed(tr("Decoded audio arrived out of order; playback while decoding stopped."));
    return false;
  }
  gain_ = listening_gain(gain_, chunk);
  const auto old = pcm_.size();
  pcm_.resize(old + static_cast<qsizetype>(chunk.samples.size() * sizeof(std::int16_t)));
  auto* out = reinterpret_cast<std::int16_t*>(pcm_.data() + old);
  for (const float sample : chunk.samples) *out++ = to_pcm16(sample, gain_);
  frames_ += chunk.frames();
  feed();
  return true;
}

void StreamingPlayback::feed() {
  if (!sink_ || !device_) return;
  const qsizetype room = std::min<qsizetype>(sink_->bytesFree(), pcm_.size() - written_);
  if (room > 0) {
    const auto sent = device_->write(pcm_.constData() + written_, room);
    if (sent > 0) written_ += sent;
  }
  Q_EMIT positionChanged(positionSeconds());
}

void StreamingPlayback::stop() {
  pump_.stop();
  if (sink_) sink_->stop();
  sink_.reset();
  device_ = nullptr;
}

double StreamingPlayback::positionSeconds() const {
  if (!sink_) return 0.0;
  const double heard = static_cast<double>(sink_->processedUSecs()) / 1e6;
  return std::min(heard, receivedSeconds());
}

double StreamingPlayback::receivedSeconds() const {
  return rate_ > 0 ? static_cast<double>(frames_) / rate_ : 0.0;
}

double StreamingPlayback::totalSeconds() const {
  return rate_ > 0 ? static_cast<double>(total_frames_) / rate_ : 0.0;
}

bool StreamingPlayback::waitingForAudio() const {
  return sink_ && written_ == pcm_.size() && frames_ < total_frames_;
}

}  // namespace drs::ui

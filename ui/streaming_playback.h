// Plays a take while the VAE is still decoding it: decoded stretches arrive in order
// (drs::AudioChunk) and are pushed to a QAudioSink as the device asks for them. When
// playback catches up with decoding it waits silently and goes on as audio arrives.
// The chunks are the decoder's raw output: they play at drs::listening_gain.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <memory>

#include "drs/audio_chunk.h"

class QAudioSink;
class QIODevice;

namespace drs::ui {

class StreamingPlayback : public QObject {
  Q_OBJECT
 public:
  explicit StreamingPlayback(QObject* parent = nullptr);
  ~StreamingPlayback() override;
  StreamingPlayback(const StreamingPlayback&) = delete;
  StreamingPlayback& operator=(const StreamingPlayback&) = delete;

  // The first chunk of a take opens the audio device; later ones must continue it.
  // Returns false (and emits failed) when there is no audio device or the chunk does
  // not follow on from the audio received so far.
  bool append(const AudioChunk& chunk);
  void stop();

  [[nodiscard]] bool active() const { return sink_ != nullptr; }
  [[nodiscard]] double positionSeconds() const;  // what the listener has heard
  [[nodiscard]] double receivedSeconds() const;  // what has been decoded so far
  [[nodiscard]] double totalSeconds() const;     // length of the finished take
  [[nodiscard]] bool waitingForAudio() const;    // playback has caught up with decoding

 Q_SIGNALS:
  void positionChanged(double seconds);
  void failed(const QString& reason);

 private:
  bool open(const AudioChunk& first);
  void feed();

  std::unique_ptr<QAudioSink> sink_;
  QIODevice* device_ = nullptr;  // owned by sink_
  QTimer pump_;
  QByteArray pcm_;           // 16-bit interleaved, everything received
  qsizetype written_ = 0;    // bytes of pcm_ handed to the device
  std::int64_t frames_ = 0;  // frames received
  std::int64_t total_frames_ = 0;
  int channels_ = 2;
  int rate_ = 44100;
  float gain_ = 0;  // 0 until the first non-silent chunk
};

}  // namespace drs::ui

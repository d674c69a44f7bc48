// Playback of the selected take: play/pause, a seek slider, position/duration and a
// waveform, on Qt Multimedia (QMediaPlayer + QAudioOutput).
#pragma once

#include <QWidget>

#include <span>

class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QPushButton;
class QSlider;

namespace drs::ui {

class WaveformView;

class PlayerPanel : public QWidget {
  Q_OBJECT
 public:
  explicit PlayerPanel(QWidget* parent = nullptr);

  // Loads a preview file and draws the samples' waveform; stops what was playing.
  void load(const QString& path, std::span<const float> interleaved, int channels);
  void unload();
  [[nodiscard]] bool hasMedia() const;
  [[nodiscard]] bool isPlaying() const;
  [[nodiscard]] double positionSeconds() const;
  [[nodiscard]] QMediaPlayer* player() const { return player_; }

 public Q_SLOTS:
  void togglePlay();
  void seekSeconds(double seconds);
  // Starts the loaded take at `seconds` as soon as the player has read it (used to carry
  // on where playback while decoding had got to).
  void playFrom(double seconds);
  // While a take is still decoding and plays from memory: where playback is, how much
  // is decoded and how long the take will be.
  void showStreaming(double position, double decoded, double total);

 Q_SIGNALS:
  void positionChanged(double seconds);
  void playbackError(const QString& message);

 private:
  void updatePosition(qint64 ms);
  void updateDuration(qint64 ms);

  QMediaPlayer* player_;
  QAudioOutput* output_;
  QPushButton* play_;
  QSlider* seek_;
  QLabel* time_;
  WaveformView* waveform_;
  bool dragging_ = false;
};

// "m:ss" for the player and the takes list.
QString format_clock(double seconds);

}  // namespace drs::ui

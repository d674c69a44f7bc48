// Where a song's style comes from: the text prompt, or a reference song whose 10 s clip
// MuQ-MuLan embeds (the official --ref-audio-path). The reference's waveform shows the
// clip (by default the official one, from 5 s before the middle); a click on the
// waveform moves the clip there, and the clip can be heard before generating.
#pragma once

#include <QTimer>
#include <QWidget>

#include <optional>

#include "drs/engine.h"

class QAudioOutput;
class QDoubleSpinBox;
class QLabel;
class QMediaPlayer;
class QPushButton;
class QRadioButton;

namespace drs::ui {

class WaveformView;

class StyleSourcePanel : public QWidget {
  Q_OBJECT
 public:
  explicit StyleSourcePanel(QWidget* parent = nullptr);

  [[nodiscard]] bool usesReference() const;
  void setUsesReference(bool reference);
  // The request's reference style: the chosen file and clip; none while no readable
  // song of at least 10 s is loaded.
  [[nodiscard]] std::optional<ReferenceStyle> referenceStyle() const;
  // Reads the song (for its waveform and length); false with a reason when it cannot
  // be used. The clip goes to the official default start.
  bool loadReference(const QString& path, QString* error = nullptr);
  [[nodiscard]] QString referencePath() const { return path_; }
  [[nodiscard]] double referenceSeconds() const { return seconds_; }
  [[nodiscard]] double clipStart() const;
  void setClipStart(double seconds);  // clamped so the clip lies within the song
  [[nodiscard]] bool isPlayingClip() const;

 public Q_SLOTS:
  void chooseReference();
  void playClip();

 Q_SIGNALS:
  void sourceChanged(bool reference);
  void referenceChanged();

 private:
  void updateEnabled();
  void showClip();

  QRadioButton* text_;
  QRadioButton* song_;
  QPushButton* choose_;
  QLabel* file_;
  WaveformView* waveform_;
  QDoubleSpinBox* start_;
  QPushButton* play_;
  QMediaPlayer* player_;
  QAudioOutput* output_;
  QString path_;
  double seconds_ = 0;
};

}  // namespace drs::ui

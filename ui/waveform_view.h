// A min/max waveform overview of a take with the playhead; clicking seeks.
#pragma once

#include <QWidget>

#include <span>
#include <vector>

namespace drs::ui {

class WaveformView : public QWidget {
  Q_OBJECT
 public:
  explicit WaveformView(QWidget* parent = nullptr);

  // Interleaved samples; reduced to a fixed number of min/max columns once.
  void setAudio(std::span<const float> interleaved, int channels);
  void clear();
  void setPlayhead(double fraction);  // 0..1
  [[nodiscard]] QSize sizeHint() const override { return {400, 72}; }

 Q_SIGNALS:
  void seekRequested(double fraction);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  std::vector<float> minima_;
  std::vector<float> maxima_;
  double playhead_ = 0;
};

}  // namespace drs::ui

// A take's waveform in Edit mode: drag to select spans to regenerate (several allowed;
// Shift-free, each drag adds one), right-click a span to remove it.
#pragma once

#include <vector>

#include "drs/song_edit.h"
#include "ui/waveform_view.h"

namespace drs::ui {

class SpanSelector : public WaveformView {
  Q_OBJECT
 public:
  explicit SpanSelector(QWidget* parent = nullptr);

  void setSongSeconds(double seconds);
  [[nodiscard]] double songSeconds() const { return seconds_; }
  [[nodiscard]] const std::vector<TimeSpan>& spans() const { return spans_; }
  void setSpans(std::vector<TimeSpan> spans);  // normalised (sorted, merged, clamped)
  void clearSpans();

 Q_SIGNALS:
  void spansChanged();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  [[nodiscard]] double secondsAt(double x) const;
  [[nodiscard]] double xAt(double seconds) const;

  double seconds_ = 0;
  std::vector<TimeSpan> spans_;
  bool dragging_ = false;
  double drag_from_ = 0;
  double drag_to_ = 0;
};

}  // namespace drs::ui

#include "ui/waveform_view.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace drs::ui {
namespace {
constexpr std::size_t kColumns = 1200;
}

WaveformView::WaveformView(QWidget* parent) : QWidget(parent) {
  setMinimumHeight(48);
  setCursor(Qt::PointingHandCursor);
  setToolTip(tr("Click to seek"));
}

void WaveformView::setAudio(std::span<const float> interleaved, int channels) {
  minima_.assign(kColumns, 0.0f);
  maxima_.assign(kColumns, 0.0f);
  const std::size_t frames =
      channels > 0 ? interleaved.size() / static_cast<std::size_t>(channels) : 0;
  if (frames == 0) return clear();
  for (std::size_t frame = 0; frame < frames; ++frame) {
    const std::size_t column = frame * kColumns / frames;
    for (int c = 0; c < channels; ++c) {
      const float v =
          interleaved[frame * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)];
      minima_[column] = std::min(minima_[column], v);
      maxima_[column] = std::max(maxima_[column], v);
    }
  }
  playhead_ = 0;
  update();
}

void WaveformView::clear() {
  minima_.clear();
  maxima_.clear();
  playhead_ = 0;
  update();
}

void WaveformView::setPlayhead(double fraction) {
  playhead_ = std::clamp(fraction, 0.0, 1.0);
  update();
}

void WaveformView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().color(QPalette::Base));
  const int mid = height() / 2;
  if (maxima_.empty()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect(), Qt::AlignCenter, tr("No take yet"));
    return;
  }
  const int played = static_cast<int>(playhead_ * width());
  for (int x = 0; x < width(); ++x) {
    const std::size_t column =
        static_cast<std::size_t>(x) * maxima_.size() / static_cast<std::size_t>(width());
    painter.setPen(x < played ? palette().color(QPalette::Highlight)
                              : palette().color(QPalette::Mid));
    painter.drawLine(x, mid - static_cast<int>(maxima_[column] * (mid - 2)), x,
                     mid - static_cast<int>(minima_[column] * (mid - 2)));
  }
  painter.setPen(QPen(palette().color(QPalette::Text), 1));
  painter.drawLine(played, 0, played, height());
}

void WaveformView::mousePressEvent(QMouseEvent* event) {
  if (width() > 0 && !maxima_.empty())
    Q_EMIT seekRequested(std::clamp(event->position().x() / width(), 0.0, 1.0));
}

}  // namespace drs::ui

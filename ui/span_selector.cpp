#include "ui/span_selector.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

#include "ui/edit_selection.h"

namespace drs::ui {

SpanSelector::SpanSelector(QWidget* parent) : WaveformView(parent) {
  setCursor(Qt::IBeamCursor);
  setToolTip(tr("Drag to select a part to regenerate; right-click a selection to remove it"));
}

void SpanSelector::setSongSeconds(double seconds) {
  seconds_ = seconds;
  clearSpans();
}

void SpanSelector::setSpans(std::vector<TimeSpan> spans) {
  spans_ = normalized_spans(std::move(spans), seconds_);
  update();
  Q_EMIT spansChanged();
}

void SpanSelector::clearSpans() {
  dragging_ = false;
  setSpans({});
}

double SpanSelector::secondsAt(double x) const {
  return width() > 0 ? std::clamp(x / width(), 0.0, 1.0) * seconds_ : 0.0;
}

double SpanSelector::xAt(double seconds) const {
  return seconds_ > 0 ? seconds / seconds_ * width() : 0.0;
}

void SpanSelector::paintEvent(QPaintEvent* event) {
  WaveformView::paintEvent(event);
  QPainter painter(this);
  QColor fill = palette().color(QPalette::Highlight);
  fill.setAlpha(70);
  auto spans = spans_;
  if (dragging_) spans.push_back({std::min(drag_from_, drag_to_), std::max(drag_from_, drag_to_)});
  for (const auto& span : spans) {
    const QRectF area(QPointF(xAt(span.start), 0), QPointF(xAt(span.end), height()));
    painter.fillRect(area, fill);
    painter.setPen(palette().color(QPalette::Highlight));
    painter.drawRect(area.adjusted(0, 0, -1, -1));
  }
}

void SpanSelector::mousePressEvent(QMouseEvent* event) {
  if (seconds_ <= 0) return;
  const double at = secondsAt(event->position().x());
  if (event->button() == Qt::RightButton) {
    auto kept = spans_;
    std::erase_if(kept, [&](const TimeSpan& s) { return s.start <= at && at <= s.end; });
    if (kept.size() != spans_.size()) setSpans(std::move(kept));
    return;
  }
  if (event->button() != Qt::LeftButton) return;
  dragging_ = true;
  drag_from_ = drag_to_ = at;
  update();
}

void SpanSelector::mouseMoveEvent(QMouseEvent* event) {
  if (!dragging_) return;
  drag_to_ = secondsAt(event->position().x());
  update();
}

void SpanSelector::mouseReleaseEvent(QMouseEvent* event) {
  if (!dragging_ || event->button() != Qt::LeftButton) return;
  dragging_ = false;
  drag_to_ = secondsAt(event->position().x());
  auto spans = spans_;
  spans.push_back({std::min(drag_from_, drag_to_), std::max(drag_from_, drag_to_)});
  setSpans(std::move(spans));  // a click without a drag adds nothing (under 0.1 s)
}

}  // namespace drs::ui

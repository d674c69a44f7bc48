#include "ui/edit_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/player_panel.h"
#include "ui/span_selector.h"

namespace drs::ui {

QString spans_text(const std::vector<TimeSpan>& spans) {
  QStringList parts;
  for (const auto& span : spans)
    parts << QStringLiteral("%1–%2").arg(format_clock(span.start), format_clock(span.end));
  return parts.join(QStringLiteral(", "));
}

EditPanel::EditPanel(QWidget* parent)
    : QGroupBox(tr("Edit"), parent),
      selector_(new SpanSelector(this)),
      summary_(new QLabel(this)),
      regenerate_(new QPushButton(tr("Regenerate selection"), this)),
      clear_(new QPushButton(tr("Clear selection"), this)),
      lengths_(new QComboBox(this)),
      continue_(new QPushButton(tr("Continue"), this)),
      ab_(new QPushButton(tr("A/B: play parent"), this)) {
  setObjectName(QStringLiteral("editPanel"));
  setCheckable(true);  // checked = Edit mode: the controls show
  setChecked(false);
  selector_->setObjectName(QStringLiteral("spanSelector"));
  regenerate_->setObjectName(QStringLiteral("regenerateSelection"));
  clear_->setObjectName(QStringLiteral("clearSelection"));
  lengths_->setObjectName(QStringLiteral("continueLength"));
  continue_->setObjectName(QStringLiteral("continueTake"));
  ab_->setObjectName(QStringLiteral("abParent"));
  ab_->setCheckable(true);
  ab_->setToolTip(tr("Play the take this one was made from, at the same position"));
  summary_->setWordWrap(true);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(regenerate_);
  buttons->addWidget(clear_);
  buttons->addStretch(1);
  buttons->addWidget(ab_);
  auto* extend = new QHBoxLayout;
  extend->addWidget(new QLabel(tr("Continue to"), this));
  extend->addWidget(lengths_);
  extend->addWidget(continue_);
  extend->addStretch(1);
  auto* content = new QWidget(this);
  auto* layout = new QVBoxLayout(content);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(selector_);
  layout->addWidget(summary_);
  layout->addLayout(buttons);
  layout->addLayout(extend);
  auto* outer = new QVBoxLayout(this);
  outer->addWidget(content);
  content->setVisible(false);
  connect(this, &QGroupBox::toggled, content, &QWidget::setVisible);

  connect(selector_, &SpanSelector::spansChanged, this, [this] {
    updateControls();
    Q_EMIT spansChanged(selector_->spans());
  });
  connect(regenerate_, &QPushButton::clicked, this,
          [this] { Q_EMIT regenerateRequested(selector_->spans()); });
  connect(clear_, &QPushButton::clicked, selector_, &SpanSelector::clearSpans);
  connect(continue_, &QPushButton::clicked, this,
          [this] { Q_EMIT continueRequested(lengths_->currentData().toDouble()); });
  connect(ab_, &QPushButton::toggled, this, &EditPanel::compareWithParent);
  clearTake();
}

const std::vector<TimeSpan>& EditPanel::spans() const {
  return selector_->spans();
}

void EditPanel::setTake(std::span<const float> interleaved, int channels, double seconds,
                        bool has_parent, const std::vector<int>& continue_to,
                        const QString& continue_note) {
  has_take_ = true;
  selector_->setAudio(interleaved, channels);
  selector_->setSongSeconds(seconds);
  ab_->setChecked(false);
  ab_->setEnabled(has_parent);
  lengths_->clear();
  for (const int s : continue_to)
    lengths_->addItem(tr("%1 (%2 s)").arg(format_clock(s)).arg(s), static_cast<double>(s));
  lengths_->setToolTip(continue_note);
  continue_->setToolTip(continue_note);
  updateControls();
}

void EditPanel::clearTake() {
  has_take_ = false;
  selector_->clear();
  selector_->setSongSeconds(0);
  lengths_->clear();
  ab_->setChecked(false);
  ab_->setEnabled(false);
  updateControls();
}

void EditPanel::setBusy(bool busy) {
  busy_ = busy;
  updateControls();
}

void EditPanel::updateControls() {
  const auto& spans = selector_->spans();
  const bool ready = has_take_ && !busy_;
  regenerate_->setEnabled(ready && !spans.empty());
  clear_->setEnabled(!spans.empty());
  continue_->setEnabled(ready && lengths_->count() > 0);
  lengths_->setEnabled(lengths_->count() > 0);
  summary_->setText(spans.empty()
                        ? tr("Drag over the waveform to select the parts to regenerate.")
                        : tr("Regenerate %n part(s): %1", nullptr, static_cast<int>(spans.size()))
                              .arg(spans_text(spans)));
}

}  // namespace drs::ui

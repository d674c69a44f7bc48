#include "ui/queue/queue_panel.h"

#include <QGridLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>

#include "ui/run/run_text.h"

namespace drs::ui {

QueuePanel::QueuePanel(QWidget* parent)
    : QGroupBox(tr("Queue"), parent),
      model_(new QueueModel(this)),
      view_(new QListView(this)),
      up_(button(tr("Up"), "queueUpButton")),
      down_(button(tr("Down"), "queueDownButton")),
      remove_(button(tr("Remove"), "queueRemoveButton")),
      next_(button(tr("Run next"), "queueRunNextButton")),
      total_(new QLabel(this)) {
  view_->setObjectName(QStringLiteral("queueList"));
  view_->setModel(model_);
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->setTextElideMode(Qt::ElideRight);
  total_->setObjectName(QStringLiteral("queueTotalLabel"));
  next_->setToolTip(tr("Run the selected item when the current run ends (now, if none runs)"));
  auto keep_selection = [this](int row) {
    view_->setCurrentIndex(model_->index(row, 0));
    refresh();
  };
  connect(up_, &QPushButton::clicked, this, [this, keep_selection] {
    const int row = currentRow();
    if (model_->move(row, row - 1)) keep_selection(row - 1);
  });
  connect(down_, &QPushButton::clicked, this, [this, keep_selection] {
    const int row = currentRow();
    if (model_->move(row, row + 1)) keep_selection(row + 1);
  });
  connect(remove_, &QPushButton::clicked, this, [this] { model_->remove(currentRow()); });
  connect(next_, &QPushButton::clicked, this, [this, keep_selection] {
    const int row = currentRow();
    if (row > 0) model_->runNext(row);
    keep_selection(0);
    if (idle_ && row >= 0) Q_EMIT runNowRequested();
  });
  connect(model_, &QAbstractItemModel::rowsInserted, this, &QueuePanel::refresh);
  connect(model_, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::refresh);
  connect(model_, &QAbstractItemModel::rowsMoved, this, &QueuePanel::refresh);
  connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &QueuePanel::refresh);

  auto* layout = new QGridLayout(this);
  layout->addWidget(view_, 0, 0, 1, 4);
  layout->addWidget(up_, 1, 0);
  layout->addWidget(down_, 1, 1);
  layout->addWidget(remove_, 1, 2);
  layout->addWidget(next_, 1, 3);
  layout->addWidget(total_, 2, 0, 1, 4);
  refresh();
}

QPushButton* QueuePanel::button(const QString& text, const char* name) {
  auto* made = new QPushButton(text, this);
  made->setObjectName(QLatin1String(name));
  return made;
}

int QueuePanel::currentRow() const {
  const int row = view_->currentIndex().row();
  return model_->at(row) ? row : -1;
}

void QueuePanel::refresh() {
  const int row = currentRow();
  const int count = model_->rowCount();
  up_->setEnabled(row > 0);
  down_->setEnabled(row >= 0 && row + 1 < count);
  remove_->setEnabled(row >= 0);
  next_->setEnabled(row >= 0);
  const auto total = model_->totalSeconds();
  total_->setText(
      total ? tr("%n queued run(s), about %1 in all", nullptr, count).arg(duration_text(*total))
            : tr("%n queued run(s)", nullptr, count));
  setVisible(count > 0);
}

}  // namespace drs::ui

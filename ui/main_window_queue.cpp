// MainWindow's queue (issue 17 part 2): "Add to queue" snapshots the lyrics and song
// settings as a run of its own; queued runs start one after the other when a run ends
// (not after a Cancel: the queue waits until Generate or "Run next"), and the ETA line
// counts the queue in.

#include <QHBoxLayout>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "frontend/run_tracker.h"
#include "ui/lyrics_editor.h"
#include "ui/main_window.h"
#include "ui/queue/queue_panel.h"
#include "ui/run/run_status_view.h"
#include "ui/window/banner.h"

namespace drs::ui {

QWidget* MainWindow::buildQueue() {
  auto* box = new QWidget(this);
  enqueue_ = new QPushButton(tr("Add to queue"), box);
  enqueue_->setObjectName(QStringLiteral("enqueueButton"));
  enqueue_->setToolTip(
      tr("Run these lyrics and settings after the current run (now, if none "
         "runs); later edits do not change the queued run"));
  queue_ = new QueuePanel(box);
  enqueue_->setMinimumHeight(generate_->minimumHeight());
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(generate_, 2);
  buttons->addWidget(enqueue_, 1);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(buttons);
  layout->addWidget(queue_);
  connect(enqueue_, &QPushButton::clicked, this, &MainWindow::enqueue);
  connect(queue_, &QueuePanel::runNowRequested, this, &MainWindow::startNextQueued);
  auto show_queue = [this] {
    status_->setQueued(queue_->model()->rowCount(), queue_->model()->totalSeconds());
  };
  connect(queue_->model(), &QAbstractItemModel::rowsInserted, this, show_queue);
  connect(queue_->model(), &QAbstractItemModel::rowsRemoved, this, show_queue);
  connect(queue_->model(), &QAbstractItemModel::rowsMoved, this, show_queue);
  connect(queue_->model(), &QAbstractItemModel::dataChanged, this, show_queue);
  connect(controller_, &GenerationController::stateChanged, this,
          [this](State state) { queue_->setIdle(state == State::Idle); });
  // The settings may change while a run goes: its takes are labelled with its own preset.
  connect(controller_, &GenerationController::runStarted, this, [this] {
    if (run_preset_.isEmpty()) run_preset_ = settings_->presetName();
  });
  connect(controller_, &GenerationController::runEnded, this, [this](Outcome outcome) {
    run_preset_.clear();
    // A finished run has taught this machine's speed: items queued before have estimates now.
    queue_->model()->reestimate([this](const QueueItem& item) {
      return frontend::RunTracker(
                 controller_->priorsFor(item.request.sampling, item.request.seconds))
          .remaining();
    });
    // After the window has listed the takes and gone idle.
    if (outcome != Outcome::Cancelled) QTimer::singleShot(0, this, &MainWindow::startNextQueued);
  });
  return box;
}

void MainWindow::enqueue() {
  if (!controller_->hasEngine())
    return banner_->showMessage(controller_->modelError(), Banner::Kind::Error);
  if (refuseWithLyricErrors()) return;
  const SongSettings settings = settings_->settings();
  if (settings.wants_reference && !settings.style_audio)
    return banner_->showMessage(tr("<b>Choose a reference song</b> of at least 10 s, or take the "
                                   "style from the text prompt again."),
                                Banner::Kind::Error);
  QueueItem item;
  item.request =
      GenerationController::request(lyricsEditor()->toPlainText().toStdString(), settings);
  item.style =
      item.request.style_audio
          ? tr("style of %1")
                .arg(QString::fromStdString(item.request.style_audio->file.filename().string()))
          : QString::fromStdString(item.request.style);
  item.preset = settings_->presetName();
  item.estimate_s =
      frontend::RunTracker(controller_->priorsFor(item.request.sampling, item.request.seconds))
          .remaining();
  queue_->model()->append(std::move(item));
  if (state() == State::Idle) startNextQueued();
}

void MainWindow::startNextQueued() {
  if (state() != State::Idle || !controller_->hasEngine()) return;
  auto item = queue_->model()->takeFirst();
  if (!item) return;
  run_parent_ = -1;  // a queued run is a plain generation
  run_preset_ = item->preset;
  if (!controller_->start(item->request)) run_preset_.clear();
}

}  // namespace drs::ui

#include "ui/run/run_status_view.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

#include <cmath>

#include "ui/run/generation_controller.h"
#include "ui/run/run_text.h"

namespace drs::ui {
namespace {

constexpr int kProgressScale = 1000;

}  // namespace

RunStatusView::RunStatusView(GenerationController* controller, QWidget* parent)
    : QWidget(parent),
      controller_(controller),
      progress_(new QProgressBar(this)),
      stage_(new QLabel(tr("Ready"), this)),
      times_(new QLabel(this)) {
  progress_->setObjectName(QStringLiteral("progressBar"));
  progress_->setRange(0, kProgressScale);
  progress_->setValue(0);
  progress_->setTextVisible(false);
  stage_->setObjectName(QStringLiteral("stageLabel"));
  times_->setObjectName(QStringLiteral("timeLabel"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(progress_);
  layout->addWidget(stage_);
  layout->addWidget(times_);
  connect(controller_, &GenerationController::runStarted, this, [this] { progress_->setValue(0); });
  connect(controller_, &GenerationController::progressed, this, &RunStatusView::onProgress);
  connect(controller_, &GenerationController::tick, this, &RunStatusView::refreshTimes);
  connect(controller_, &GenerationController::runFinished, this, &RunStatusView::onFinished);
  connect(controller_, &GenerationController::runEnded, this, &RunStatusView::onEnded);
}

void RunStatusView::showStage(const QString& text) {
  stage_->setText(text);
}

void RunStatusView::onProgress(const Progress& progress) {
  const auto* tracker = controller_->tracker();
  if (!tracker) return;
  progress_->setValue(static_cast<int>(tracker->fraction() * kProgressScale));
  stage_->setText(stage_text(progress));
}

void RunStatusView::refreshTimes() {
  const auto* tracker = controller_->tracker();
  if (!tracker || controller_->state() == GenerationController::State::Idle) return;
  QString eta;
  if (auto left = controller_->remainingSeconds()) {
    eta = tracker->calibrating()
              ? tr("about %1 left (from earlier runs; calibrating on the first step)")
                    .arg(duration_text(*left))
              : tr("about %1 left").arg(duration_text(*left));
  } else {
    eta = tr("time left: calibrating on the first step…");
  }
  times_->setText(
      tr("Elapsed %1 · %2").arg(duration_text(std::floor(controller_->elapsedSeconds())), eta) +
      queueText());
}

void RunStatusView::setQueued(int count, std::optional<double> seconds) {
  queued_ = count;
  queued_seconds_ = seconds;
  refreshTimes();
}

QString RunStatusView::queueText() const {
  if (queued_ == 0) return {};
  const auto left = controller_->remainingSeconds();
  if (!queued_seconds_ || !left) return tr(" · then %n queued run(s)", nullptr, queued_);
  return tr(" · then %n queued run(s), about %1; all done in about %2", nullptr, queued_)
      .arg(duration_text(*queued_seconds_), duration_text(*left + *queued_seconds_));
}

void RunStatusView::onFinished(const ResultPtr& result) {
  times_->clear();
  if (result->outcome == Outcome::Succeeded) {
    progress_->setValue(kProgressScale);
    stage_->setText(tr("Done in %1").arg(duration_text(result->seconds_total)));
  } else if (result->outcome == Outcome::Failed) {
    progress_->setValue(0);
    stage_->setText(tr("Failed"));
  }
}

void RunStatusView::onEnded(Outcome outcome) {
  if (outcome != Outcome::Cancelled) return;
  progress_->setValue(0);
  stage_->setText(tr("Cancelled — nothing was changed"));
  times_->clear();
}

}  // namespace drs::ui

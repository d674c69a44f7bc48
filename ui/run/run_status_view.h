// What the window shows of a run: the overall progress bar, the stage line and the
// elapsed/ETA line, all read from the GenerationController.
#pragma once

#include <QWidget>

#include <optional>

#include "ui/engine_worker.h"

class QLabel;
class QProgressBar;

namespace drs::ui {

class GenerationController;

class RunStatusView : public QWidget {
  Q_OBJECT
 public:
  explicit RunStatusView(GenerationController* controller, QWidget* parent = nullptr);

  // A line of its own in the stage label (e.g. "Resuming at step 3 of 8…").
  void showStage(const QString& text);
  // The runs queued behind this one and their estimate (none: not known), counted into
  // the ETA line.
  void setQueued(int count, std::optional<double> seconds);

 private:
  void onProgress(const Progress& progress);
  void onFinished(const ResultPtr& result);
  void onEnded(Outcome outcome);
  void refreshTimes();
  [[nodiscard]] QString queueText() const;

  GenerationController* controller_;
  QProgressBar* progress_;
  QLabel* stage_;
  QLabel* times_;
  int queued_ = 0;
  std::optional<double> queued_seconds_;
};

}  // namespace drs::ui

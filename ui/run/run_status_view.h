// What the window shows of a run: the overall progress bar, the stage line and the
// elapsed/ETA line, all read from the GenerationController.
#pragma once

#include <QWidget>

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

 private:
  void onProgress(const Progress& progress);
  void onFinished(const ResultPtr& result);
  void onEnded(Outcome outcome);
  void refreshTimes();

  GenerationController* controller_;
  QProgressBar* progress_;
  QLabel* stage_;
  QLabel* times_;
};

}  // namespace drs::ui

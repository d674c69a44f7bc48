// The "Queue" box: the queued runs (QueueModel) with their estimates, buttons to move
// the selected run up or down, remove it or run it next, and the queue's total time.
// Hidden while the queue is empty.
#pragma once

#include <QGroupBox>

#include "ui/queue/queue_model.h"

class QLabel;
class QListView;
class QPushButton;

namespace drs::ui {

class QueuePanel : public QGroupBox {
  Q_OBJECT
 public:
  explicit QueuePanel(QWidget* parent = nullptr);

  [[nodiscard]] QueueModel* model() const { return model_; }
  [[nodiscard]] QListView* view() const { return view_; }
  [[nodiscard]] int currentRow() const;

 Q_SIGNALS:
  // "Run next" on a queued run while nothing runs: start it now.
  void runNowRequested();

 private:
  void refresh();
  QPushButton* button(const QString& text, const char* name);

  QueueModel* model_;
  QListView* view_;
  QPushButton* up_;
  QPushButton* down_;
  QPushButton* remove_;
  QPushButton* next_;
  QLabel* total_;
  bool idle_ = true;

 public:
  // Whether a run is going (Run next then waits for it to end).
  void setIdle(bool idle) { idle_ = idle; }
};

}  // namespace drs::ui

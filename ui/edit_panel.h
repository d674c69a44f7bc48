// Edit mode for the selected take: select spans on its waveform and regenerate them as
// a new take, continue the take to a longer song, and compare a take with its parent.
#pragma once

#include <QGroupBox>

#include <span>
#include <vector>

#include "drs/song_edit.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace drs::ui {

class SpanSelector;

class EditPanel : public QGroupBox {
  Q_OBJECT
 public:
  explicit EditPanel(QWidget* parent = nullptr);

  // The take to edit; `continue_to` are the song lengths it can be continued to (empty:
  // continuing needs another model, said in `continue_note`).
  void setTake(std::span<const float> interleaved, int channels, double seconds, bool has_parent,
               const std::vector<int>& continue_to, const QString& continue_note);
  void clearTake();
  // While a run is going, nothing can be submitted.
  void setBusy(bool busy);

  [[nodiscard]] SpanSelector* selector() const { return selector_; }
  [[nodiscard]] const std::vector<TimeSpan>& spans() const;

 Q_SIGNALS:
  void spansChanged(const std::vector<drs::TimeSpan>& spans);
  void regenerateRequested(const std::vector<drs::TimeSpan>& spans);
  void continueRequested(double seconds);
  // A/B: true = play the parent take instead of this one, from the same position.
  void compareWithParent(bool parent);

 private:
  void updateControls();

  SpanSelector* selector_;
  QLabel* summary_;
  QPushButton* regenerate_;
  QPushButton* clear_;
  QComboBox* lengths_;
  QPushButton* continue_;
  QPushButton* ab_;
  bool has_take_ = false;
  bool busy_ = false;
};

// "0:10–0:20, 0:58–1:10".
QString spans_text(const std::vector<TimeSpan>& spans);

}  // namespace drs::ui

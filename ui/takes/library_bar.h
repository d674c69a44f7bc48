// The takes library's buttons under the takes list: rename, pin, delete, undo the
// delete, reuse the take's settings, replay it, and the library's size and bound.
#pragma once

#include <QWidget>

#include "ui/takes/take_record.h"

class QLabel;
class QPushButton;

namespace drs::ui {

class LibraryBar : public QWidget {
  Q_OBJECT
 public:
  explicit LibraryBar(QWidget* parent = nullptr);

  // Enables what applies to `record` (null: none selected).
  void showTake(const TakeRecord* record);
  void showSize(qint64 bytes, qint64 limit_bytes);
  void setUndoAvailable(bool available);

 Q_SIGNALS:
  void renameClicked();
  void pinToggled(bool pinned);
  void deleteClicked();
  void undoClicked();
  void reuseClicked();
  void replayClicked();
  void limitClicked();

 private:
  QPushButton* button(const QString& text, const char* name, const QString& tip);

  QPushButton* rename_;
  QPushButton* pin_;
  QPushButton* delete_;
  QPushButton* undo_;
  QPushButton* reuse_;
  QPushButton* replay_;
  QLabel* size_;
  QPushButton* limit_;
};

}  // namespace drs::ui

// The bar that offers to continue a run cut short by a crash, a kill, a reboot or a
// closed window (drs/run_journal.h): "Resume" continues it from its last step,
// "Discard" deletes its journal.
#pragma once

#include <QFrame>

#include <filesystem>
#include <optional>

#include "drs/run_journal.h"

class QLabel;
class QPushButton;

namespace drs::ui {

class ResumeOffer : public QFrame {
  Q_OBJECT
 public:
  explicit ResumeOffer(QWidget* parent = nullptr);

  // Offers the newest usable journal in `cache_dir`, or hides when there is none.
  void refresh(const std::filesystem::path& cache_dir);
  [[nodiscard]] const std::optional<RunJournal>& offered() const { return offered_; }

 Q_SIGNALS:
  void resumeRequested(const drs::RunJournal& journal);

 private:
  void discard();

  std::filesystem::path cache_dir_;
  std::optional<RunJournal> offered_;
  int others_ = 0;  // further usable journals behind the one offered
  QLabel* text_;
  QPushButton* resume_;
  QPushButton* discard_;
};

}  // namespace drs::ui

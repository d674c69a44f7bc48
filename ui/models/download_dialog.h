// Progress of a set download: the current file and the whole set, each with bytes,
// rate and ETA; Pause/Resume and Cancel.
#pragma once

#include <QDialog>
#include <QElapsedTimer>

class QLabel;
class QProgressBar;
class QPushButton;

namespace drs::ui {

class SetDownload;

// Bytes per second over a sliding window, and the ETA it implies.
class RateMeter {
 public:
  void reset();
  void sample(qint64 bytes);  // cumulative byte count
  [[nodiscard]] double bytesPerSecond() const { return rate_; }
  [[nodiscard]] qint64 etaSeconds(qint64 remaining) const;  // -1 when unknown

 private:
  QElapsedTimer clock_;
  qint64 lastBytes_ = -1;
  qint64 lastMs_ = 0;
  double rate_ = 0;
};

class DownloadDialog : public QDialog {
  Q_OBJECT
 public:
  // Starts `download` (not owned) and closes itself when it ends: accepted on
  // success, rejected otherwise; errorMessage() says why.
  explicit DownloadDialog(SetDownload* download, QWidget* parent = nullptr);
  [[nodiscard]] QString errorMessage() const { return error_; }

 private:
  void onFileProgress(qint64 received, qint64 total);
  void onOverall(qint64 received, qint64 total);
  void togglePause();
  static QString line(qint64 received, qint64 total, const RateMeter& meter);

  SetDownload* download_;
  QLabel* fileLabel_;
  QProgressBar* fileBar_;
  QLabel* fileStats_;
  QProgressBar* overallBar_;
  QLabel* overallStats_;
  QLabel* status_;
  QPushButton* pauseButton_;
  RateMeter fileMeter_;
  RateMeter overallMeter_;
  QString error_;
};

}  // namespace drs::ui

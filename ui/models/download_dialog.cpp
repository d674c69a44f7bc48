#include "ui/models/download_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

#include "ui/models/catalog_text.h"
#include "ui/models/set_download.h"

namespace drs::ui {
namespace {
constexpr int kBarScale = 1000;
constexpr qint64 kWindowMs = 500;  // a rate sample at most every half second
constexpr double kSmoothing = 0.3;

int barValue(qint64 received, qint64 total) {
  return total > 0 ? static_cast<int>(kBarScale * static_cast<double>(received) / total) : 0;
}
}  // namespace

void RateMeter::reset() {
  clock_.invalidate();
  lastBytes_ = -1;
  rate_ = 0;
}

void RateMeter::sample(qint64 bytes) {
  if (!clock_.isValid() || lastBytes_ < 0 || bytes < lastBytes_) {
    clock_.start();
    lastBytes_ = bytes;
    lastMs_ = 0;
    return;
  }
  const qint64 now = clock_.elapsed();
  if (now - lastMs_ < kWindowMs) return;
  const double instant =
      1000.0 * static_cast<double>(bytes - lastBytes_) / static_cast<double>(now - lastMs_);
  rate_ = rate_ <= 0 ? instant : kSmoothing * instant + (1 - kSmoothing) * rate_;
  lastBytes_ = bytes;
  lastMs_ = now;
}

qint64 RateMeter::etaSeconds(qint64 remaining) const {
  if (rate_ <= 0 || remaining < 0) return -1;
  return static_cast<qint64>(std::ceil(static_cast<double>(remaining) / rate_));
}

DownloadDialog::DownloadDialog(SetDownload* download, QWidget* parent)
    : QDialog(parent),
      download_(download),
      fileLabel_(new QLabel(this)),
      fileBar_(new QProgressBar(this)),
      fileStats_(new QLabel(this)),
      overallBar_(new QProgressBar(this)),
      overallStats_(new QLabel(this)),
      status_(new QLabel(this)),
      pauseButton_(new QPushButton(tr("Pause"), this)) {
  setWindowTitle(tr("Downloading %1").arg(catalogText(download->set().title)));
  setMinimumWidth(520);
  fileBar_->setRange(0, kBarScale);
  overallBar_->setRange(0, kBarScale);
  status_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(fileLabel_);
  layout->addWidget(fileBar_);
  layout->addWidget(fileStats_);
  layout->addWidget(new QLabel(tr("All files"), this));
  layout->addWidget(overallBar_);
  layout->addWidget(overallStats_);
  layout->addWidget(status_);
  auto* buttons = new QDialogButtonBox(this);
  buttons->addButton(pauseButton_, QDialogButtonBox::ActionRole);
  QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
  layout->addWidget(buttons);

  connect(pauseButton_, &QPushButton::clicked, this, &DownloadDialog::togglePause);
  connect(cancel, &QPushButton::clicked, download_, &SetDownload::cancel);
  connect(download_, &SetDownload::fileStarted, this, [this](int index, const QString& name) {
    fileLabel_->setText(
        tr("File %1 of %2: %3").arg(index + 1).arg(download_->fileCount()).arg(name));
    fileMeter_.reset();
    fileBar_->setValue(0);
  });
  connect(download_, &SetDownload::fileProgress, this, &DownloadDialog::onFileProgress);
  connect(download_, &SetDownload::overallProgress, this, &DownloadDialog::onOverall);
  connect(download_, &SetDownload::status, status_, &QLabel::setText);
  connect(download_, &SetDownload::succeeded, this, &QDialog::accept);
  connect(download_, &SetDownload::failed, this, [this](const QString& message) {
    error_ = message;
    reject();
  });
}

QString DownloadDialog::line(qint64 received, qint64 total, const RateMeter& meter) {
  QString text = total > 0 ? tr("%1 of %2").arg(formatBytes(received), formatBytes(total))
                           : formatBytes(received);
  if (meter.bytesPerSecond() > 0) {
    text += tr(" — %1/s").arg(formatBytes(static_cast<qint64>(meter.bytesPerSecond())));
    const qint64 eta = meter.etaSeconds(total - received);
    if (eta >= 0 && total > 0)
      text += tr(", %1:%2 left").arg(eta / 60).arg(eta % 60, 2, 10, QLatin1Char('0'));
  }
  return text;
}

void DownloadDialog::onFileProgress(qint64 received, qint64 total) {
  fileMeter_.sample(received);
  fileBar_->setValue(barValue(received, total));
  fileStats_->setText(line(received, total, fileMeter_));
}

void DownloadDialog::onOverall(qint64 received, qint64 total) {
  overallMeter_.sample(received);
  overallBar_->setValue(barValue(received, total));
  overallStats_->setText(line(received, total, overallMeter_));
}

void DownloadDialog::togglePause() {
  if (download_->paused()) {
    download_->resume();
    pauseButton_->setText(tr("Pause"));
    fileMeter_.reset();
    overallMeter_.reset();
  } else {
    download_->pause();
    pauseButton_->setText(tr("Resume"));
  }
}

}  // namespace drs::ui

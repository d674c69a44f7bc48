#include "ui/models/set_download.h"

#include <QDir>
#include <QThread>

#include <filesystem>
#include <utility>

#include "drs/error.h"
#include "ui/models/catalog_text.h"
#include "ui/models/hub_endpoint.h"
#include "ui/models/model_store.h"

namespace drs::ui {

SetDownload::SetDownload(CatalogSet set, QString storeDir, QString endpoint, QObject* parent)
    : QObject(parent),
      token(QString::fromUtf8(hubToken())),
      set_(std::move(set)),
      storeDir_(std::move(storeDir)),
      endpoint_(std::move(endpoint)),
      folder_(setFolder(storeDir_, qs(set_.id))),
      fileCount_(static_cast<int>(set_.files().size())) {}

SetDownload::~SetDownload() {
  stop_ = Stop::Pause;  // keeps the .part files for a later download
  if (worker_ != nullptr) worker_->wait();
}

void SetDownload::start() {
  if (folder_.isEmpty()) {
    Q_EMIT failed(tr("'%1' is not a model set id.").arg(qs(set_.id)));
    return;
  }
  shownIndex_ = -1;
  launch();
}

void SetDownload::launch() {
  if (worker_ != nullptr) return;
  stop_ = Stop::None;
  // Everything the worker reads is copied here, on this thread.
  DownloadOptions options;
  options.endpoint = endpoint_.toStdString();
  options.token = token.trimmed().toStdString();
  options.max_retries = maxRetries;
  options.retry_delay_ms = retryDelayMs;
  options.progress = [this](const DownloadProgress& p) { publish(p); };
  options.status = [this](const std::string& line) {
    const QString text = qs(line);
    QMetaObject::invokeMethod(
        this, [this, text] { Q_EMIT status(text); }, Qt::QueuedConnection);
  };
  options.cancelled = [this] { return stop_.load() != Stop::None; };
  const std::filesystem::path store = storeDir_.toStdString();
  worker_ = QThread::create([this, options = std::move(options), store] {
    try {
      (void)download_to_store(set_, store, options);
      outcome_ = Outcome::Installed;
    } catch (const Error& e) {
      outcome_ = e.kind() == ErrorKind::Cancelled ? Outcome::Stopped : Outcome::Failed;
      message_ = qs(e.what());
    }
  });
  connect(worker_, &QThread::finished, this, &SetDownload::onWorkerFinished);
  worker_->start();
}

void SetDownload::publish(const DownloadProgress& progress) {
  const std::lock_guard lock(progressMutex_);
  latest_ = progress;
  if (std::exchange(posted_, true)) return;  // the pending call will show this value
  QMetaObject::invokeMethod(this, &SetDownload::deliverProgress, Qt::QueuedConnection);
}

void SetDownload::deliverProgress() {
  DownloadProgress p;
  {
    const std::lock_guard lock(progressMutex_);
    p = latest_;
    posted_ = false;
  }
  if (p.index != shownIndex_ && p.index < p.count) {
    shownIndex_ = p.index;
    Q_EMIT fileStarted(p.index, qs(p.file));
  }
  Q_EMIT fileProgress(p.file_done, p.file_total);
  Q_EMIT overallProgress(p.done, p.total);
}

void SetDownload::onWorkerFinished() {
  worker_->deleteLater();
  worker_ = nullptr;
  deliverProgress();  // the last value, before the outcome
  if (outcome_ == Outcome::Installed) {
    Q_EMIT succeeded(folder_);  // even when cancelled during the (uncancellable) conversion
  } else if (cancelled_) {
    finishCancel();
  } else if (outcome_ == Outcome::Failed) {
    Q_EMIT failed(message_);
  } else if (!paused_) {
    launch();  // resumed before the pause took effect
  }
}

void SetDownload::pause() {
  if (worker_ == nullptr || paused_) return;
  paused_ = true;
  stop_ = Stop::Pause;
}

void SetDownload::resume() {
  if (!paused_) return;
  paused_ = false;
  stop_ = Stop::None;
  if (worker_ == nullptr) launch();  // else onWorkerFinished() starts it again if it stopped
}

void SetDownload::cancel() {
  if (cancelled_) return;
  cancelled_ = true;
  stop_ = Stop::Cancel;
  if (worker_ == nullptr) finishCancel();
}

void SetDownload::finishCancel() {
  if (!folder_.isEmpty()) QDir(stagingFolder()).removeRecursively();
  Q_EMIT failed(tr("Download cancelled."));
}

}  // namespace drs::ui

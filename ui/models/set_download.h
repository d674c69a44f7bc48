// A catalogue set downloaded for the Models dialog by the engine's downloader
// (drs::download_to_store: libcurl, resume from .part files, size and SHA-256 checks,
// conversion, manifest last). The download runs on a worker thread; its progress
// reaches this object's thread through queued calls, coalesced so that a fast line
// cannot flood the event loop.
//
// Pause stops the transfer through the engine's cancel hook and keeps every .part file;
// resume starts the engine again, which continues from them. Cancel stops it the same
// way and then removes the staging folder `<store>/<id>.downloading`.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <mutex>

#include "drs/model_catalog.h"
#include "drs/model_download.h"

class QThread;

namespace drs::ui {

class SetDownload : public QObject {
  Q_OBJECT
 public:
  SetDownload(CatalogSet set, QString storeDir, QString endpoint, QObject* parent = nullptr);
  ~SetDownload() override;  // stops a running download (its .part files stay) and waits
  SetDownload(const SetDownload&) = delete;
  SetDownload& operator=(const SetDownload&) = delete;

  void start();
  void pause();
  void resume();
  void cancel();

  [[nodiscard]] const CatalogSet& set() const { return set_; }
  [[nodiscard]] int fileCount() const { return fileCount_; }
  [[nodiscard]] bool paused() const { return paused_; }
  [[nodiscard]] bool wasCancelled() const { return cancelled_; }
  // True while the worker thread runs (after pause() it may run a moment longer).
  [[nodiscard]] bool isRunning() const { return worker_ != nullptr; }
  // `<store>/<id>`, where the set is installed at the end.
  [[nodiscard]] QString folder() const { return folder_; }
  // `<store>/<id>.downloading`, where the files are fetched and converted.
  [[nodiscard]] QString stagingFolder() const { return folder_ + QStringLiteral(".downloading"); }

  // Passed to the engine on each start (tests shorten the retry delay).
  QString token;
  int maxRetries = 5;
  int retryDelayMs = 1000;

 Q_SIGNALS:
  void fileStarted(int index, const QString& name);
  void fileProgress(qint64 received, qint64 total);
  void overallProgress(qint64 received, qint64 total);
  void status(const QString& line);
  void succeeded(const QString& folder);
  void failed(const QString& message);

 private:
  enum class Stop { None, Pause, Cancel };

  void launch();
  void work();                                     // on the worker thread
  void publish(const DownloadProgress& progress);  // worker thread: latest value, one post
  void deliverProgress();                          // this object's thread
  void onWorkerFinished();
  void finishCancel();

  CatalogSet set_;
  QString storeDir_;
  QString endpoint_;
  QString folder_;
  int fileCount_ = 0;
  int shownIndex_ = -1;
  QThread* worker_ = nullptr;
  std::atomic<Stop> stop_{Stop::None};
  bool paused_ = false;
  bool cancelled_ = false;

  std::mutex progressMutex_;  // guards latest_ and posted_
  DownloadProgress latest_;
  bool posted_ = false;

  // Written by the worker, read once it has finished.
  enum class Outcome { Installed, Stopped, Failed };
  Outcome outcome_ = Outcome::Failed;
  QString message_;
};

}  // namespace drs::ui

// Downloads every file of a catalogue set into `<store>/<set id>/`, one after the
// other, with overall progress; then converts checkpoints and writes the manifest,
// which is what makes the set "installed".
#pragma once

#include <QObject>
#include <QPointer>

#include <string>
#include <vector>

#include "drs/model_catalog.h"
#include "drs/model_manifest.h"
#include "ui/models/file_download.h"

class QNetworkAccessManager;
class QThread;

namespace drs::ui {

class SetDownload : public QObject {
  Q_OBJECT
 public:
  SetDownload(CatalogSet set, QString storeDir, QString endpoint, QObject* parent = nullptr);
  ~SetDownload() override;
  SetDownload(const SetDownload&) = delete;
  SetDownload& operator=(const SetDownload&) = delete;

  void start();
  void pause();
  void resume();
  void cancel();

  [[nodiscard]] const CatalogSet& set() const { return set_; }
  [[nodiscard]] int fileIndex() const { return index_; }
  [[nodiscard]] int fileCount() const { return static_cast<int>(files_.size()); }
  [[nodiscard]] const CatalogFile& currentFile() const {
    return files_.at(static_cast<std::size_t>(index_));
  }
  [[nodiscard]] qint64 doneBytes() const { return doneBytes_; }
  [[nodiscard]] qint64 totalBytes() const { return totalBytes_; }
  [[nodiscard]] bool paused() const { return paused_; }
  [[nodiscard]] bool wasCancelled() const { return cancelled_; }
  [[nodiscard]] QString folder() const { return folder_; }
  [[nodiscard]] FileDownload* current() const { return current_; }
  // For tests: the per-file settings (retry delay...) applied to every file.
  DownloadRequest requestTemplate;

 Q_SIGNALS:
  void fileStarted(int index, const QString& name);
  void fileProgress(qint64 received, qint64 total);
  void overallProgress(qint64 received, qint64 total);
  void status(const QString& line);
  void succeeded(const QString& folder);
  void failed(const QString& message);

 private:
  void startFile();
  void onFileFinished();
  void onRetrying(int retry, int maxRetries, int delayMs);
  void finishSet();  // conversion + manifest on a worker thread
  void addDone(const ManifestFile& mf, const CatalogFile& f);
  [[nodiscard]] std::string componentOf(const std::string& localName) const;

  CatalogSet set_;
  std::vector<CatalogFile> files_;
  QString storeDir_;
  QString endpoint_;
  QString folder_;
  QNetworkAccessManager* network_;
  QPointer<FileDownload> current_;
  std::vector<ManifestFile> done_;
  int index_ = 0;
  qint64 doneBytes_ = 0;
  qint64 totalBytes_ = 0;
  bool paused_ = false;
  bool cancelled_ = false;
  bool retryShown_ = false;  // the status line says "retrying": clear it once data flows
  QThread* finisher_ = nullptr;
  bool finishOk_ = false;
  QString finishError_;
};

}  // namespace drs::ui

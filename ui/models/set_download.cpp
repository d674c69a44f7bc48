#include "ui/models/set_download.h"

#include <utility>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QStorageInfo>
#include <QThread>

#include "drs/error.h"
#include "drs/model_download.h"
#include "drs/model_install.h"
#include "ui/models/catalog_text.h"
#include "ui/models/hub_endpoint.h"
#include "ui/models/model_store.h"

namespace drs::ui {

namespace {

// Files verified by an earlier, interrupted run of the same set: not fetched again.
constexpr const char* kStateFile = ".download-state.json";

QJsonObject loadState(const QString& folder) {
  QFile file(QDir(folder).filePath(QLatin1String(kStateFile)));
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(file.readAll()).object();
}

void saveState(const QString& folder, const QJsonObject& state) {
  QSaveFile file(QDir(folder).filePath(QLatin1String(kStateFile)));
  if (file.open(QIODevice::WriteOnly)) {
    file.write(QJsonDocument(state).toJson());
    file.commit();
  }
}

}  // namespace

SetDownload::SetDownload(CatalogSet set, QString storeDir, QString endpoint, QObject* parent)
    : QObject(parent),
      set_(std::move(set)),
      files_(set_.files()),
      storeDir_(std::move(storeDir)),
      endpoint_(std::move(endpoint)),
      network_(new QNetworkAccessManager(this)) {
  requestTemplate.token = hubToken();
}

void SetDownload::start() {
  folder_ = setFolder(storeDir_, qs(set_.id));
  if (folder_.isEmpty() || !QDir().mkpath(folder_)) {
    Q_EMIT failed(tr("Cannot create the model folder %1.").arg(folder_));
    return;
  }
  totalBytes_ = set_.approx_bytes();
  // Checked up front with the catalogue's sizes, plus room for the converted copies
  // (the .pt originals are deleted only after conversion).
  qint64 needed = 0;
  for (const CatalogFile& f : files_) {
    const qint64 size = f.exact_size > 0 ? f.exact_size : f.approx_size;
    const qint64 have =
        QFileInfo(QDir(folder_).filePath(qs(f.local_name) + QStringLiteral(".part"))).size();
    needed += size - have + (f.converted_name.empty() ? 0 : size);
  }
  const qint64 free = QStorageInfo(folder_).bytesAvailable();
  if (free >= 0 && free < needed) {
    Q_EMIT failed(tr("Not enough disk space in %1: about %2 needed (downloads plus the "
                     "converted copies), %3 free.")
                      .arg(folder_, formatBytes(needed), formatBytes(free)));
    return;
  }
  index_ = 0;
  doneBytes_ = 0;
  done_.clear();
  startFile();
}

void SetDownload::startFile() {
  if (index_ >= fileCount()) {
    finishSet();
    return;
  }
  const CatalogFile& f = currentFile();
  const QString localName = qs(f.local_name);
  if (const QJsonObject earlier = loadState(folder_).value(localName).toObject();
      !earlier.isEmpty()) {
    const qint64 size = static_cast<qint64>(earlier.value(QStringLiteral("size")).toDouble());
    if (QFileInfo(QDir(folder_).filePath(localName)).size() == size && size > 0) {
      ManifestFile mf;
      mf.name = f.local_name;
      mf.size = size;
      mf.sha256 = earlier.value(QStringLiteral("sha256")).toString().toStdString();
      mf.sha256_verified = earlier.value(QStringLiteral("verified")).toBool();
      mf.source_url = earlier.value(QStringLiteral("url")).toString().toStdString();
      mf.format = format_name(f.format);
      mf.component = componentOf(f.local_name);
      Q_EMIT status(tr("%1 was downloaded and verified before; kept.").arg(localName));
      addDone(mf, f);
      return;
    }
  }
  DownloadRequest request = requestTemplate;
  request.url = QUrl(qs(source_url(f, endpoint_.toStdString())), QUrl::StrictMode);
  if (!f.url.empty()) request.token.clear();  // the hub's token is for the hub only
  // Components keep their official sub-folders (g2p_chinese_model/...).
  const QFileInfo local(QDir(folder_).filePath(localName));
  request.directory = local.absolutePath();
  request.fileName = local.fileName();
  QDir().mkpath(request.directory);
  request.expectedSize = f.exact_size;
  request.sha256 = qs(f.sha256);
  if (FileDownload* old = current_.data(); old != nullptr) old->deleteLater();
  auto* download = new FileDownload(network_, request, this);
  current_ = download;
  connect(download, &FileDownload::progress, this, [this](qint64 received, qint64 total) {
    if (std::exchange(retryShown_, false)) Q_EMIT status(QString());  // data flows again
    Q_EMIT fileProgress(received, total);
    Q_EMIT overallProgress(doneBytes_ + received, std::max(totalBytes_, doneBytes_ + total));
  });
  connect(download, &FileDownload::retrying, this, &SetDownload::onRetrying);
  connect(download, &FileDownload::finished, this, &SetDownload::onFileFinished);
  Q_EMIT fileStarted(index_, localName);
  download->start();
}

// During a backoff of several seconds the bars stand still: say why.
void SetDownload::onRetrying(int retry, int maxRetries, int delayMs) {
  retryShown_ = true;
  Q_EMIT status(tr("Connection lost; retry %1 of %2 in %3 s.")
                    .arg(retry)
                    .arg(maxRetries)
                    .arg(delayMs / 1000.0, 0, 'f', 1));
}

void SetDownload::onFileFinished() {
  FileDownload* d = current_.data();
  if (d == nullptr) return;
  if (d->state() != FileDownload::State::Done) {
    Q_EMIT failed(d->errorString());
    return;
  }
  const CatalogFile& f = currentFile();
  ManifestFile mf;
  mf.name = f.local_name;
  mf.size = QFileInfo(d->finalPath()).size();
  mf.sha256 = d->computedSha256().toStdString();
  mf.sha256_verified = !d->verifiedSha256().isEmpty();
  mf.source_url = d->request().url.toString().toStdString();
  mf.format = format_name(f.format);
  mf.component = componentOf(f.local_name);
  QJsonObject state = loadState(folder_);
  state.insert(qs(mf.name), QJsonObject{{QStringLiteral("size"), static_cast<double>(mf.size)},
                                        {QStringLiteral("sha256"), qs(mf.sha256)},
                                        {QStringLiteral("verified"), mf.sha256_verified},
                                        {QStringLiteral("url"), qs(mf.source_url)}});
  saveState(folder_, state);
  addDone(mf, f);
}

std::string SetDownload::componentOf(const std::string& localName) const {
  for (const CatalogComponent& c : set_.components)
    for (const CatalogFile& cf : c.files)
      if (cf.local_name == localName) return c.id;
  return {};
}

void SetDownload::addDone(const ManifestFile& mf, const CatalogFile& f) {
  done_.push_back(mf);
  // The catalogue's size was an estimate: correct the total with the real one.
  totalBytes_ += mf.size - (f.exact_size > 0 ? f.exact_size : f.approx_size);
  doneBytes_ += mf.size;
  Q_EMIT overallProgress(doneBytes_, totalBytes_);
  ++index_;
  startFile();
}

void SetDownload::finishSet() {
  Q_EMIT status(tr("Converting and writing the manifest…"));
  // Converting gigabytes takes a while: a worker thread, results picked up when it ends.
  // The destructor waits for it, so `this` outlives every use below.
  finisher_ = QThread::create([this] {
    try {
      finish_install_folder(
          folder_.toStdString(), set_, done_, "download", [this](const std::string& line) {
            const QString text = qs(line);
            QMetaObject::invokeMethod(
                this, [this, text] { Q_EMIT status(text); }, Qt::QueuedConnection);
          });
      finishOk_ = true;
    } catch (const Error& e) {
      finishOk_ = false;
      finishError_ = qs(e.what());
    }
  });
  connect(finisher_, &QThread::finished, this, [this] {
    finisher_->deleteLater();
    finisher_ = nullptr;
    if (!finishOk_) {
      Q_EMIT failed(finishError_);
      return;
    }
    QFile::remove(QDir(folder_).filePath(QLatin1String(kStateFile)));
    Q_EMIT succeeded(folder_);
  });
  finisher_->start();
}

SetDownload::~SetDownload() {
  if (finisher_ != nullptr) finisher_->wait();
}

void SetDownload::pause() {
  FileDownload* d = current_.data();
  if (d != nullptr && d->state() == FileDownload::State::Running) {
    d->pause();
    paused_ = true;
  }
}

void SetDownload::resume() {
  FileDownload* d = current_.data();
  if (d != nullptr && d->state() == FileDownload::State::Paused) {
    paused_ = false;
    d->start();
  }
}

void SetDownload::cancel() {
  if (FileDownload* d = current_.data(); d != nullptr) {
    d->disconnect(this);
    d->cancel();
  }
  cancelled_ = true;
  Q_EMIT failed(tr("Download cancelled."));
}

}  // namespace drs::ui

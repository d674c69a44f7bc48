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

#include "ui/models/hub_endpoint.h"
#include "ui/models/model_import.h"
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
  folder_ = setFolder(storeDir_, set_.id);
  if (folder_.isEmpty() || !QDir().mkpath(folder_)) {
    Q_EMIT failed(tr("Cannot create the model folder %1.").arg(folder_));
    return;
  }
  totalBytes_ = set_.approxBytes();
  // Checked up front with the catalogue's sizes, plus room for the converted copies
  // (the .pt originals are deleted only after conversion).
  qint64 needed = 0;
  for (const CatalogFile& f : files_) {
    const qint64 size = f.exactSize > 0 ? f.exactSize : f.approxSize;
    const qint64 have =
        QFileInfo(QDir(folder_).filePath(f.localName + QStringLiteral(".part"))).size();
    needed += size - have + (f.convertedName.isEmpty() ? 0 : size);
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
  if (index_ >= files_.size()) {
    finishSet();
    return;
  }
  const CatalogFile& f = files_.at(index_);
  if (const QJsonObject earlier = loadState(folder_).value(f.localName).toObject();
      !earlier.isEmpty()) {
    const qint64 size = static_cast<qint64>(earlier.value(QStringLiteral("size")).toDouble());
    if (QFileInfo(QDir(folder_).filePath(f.localName)).size() == size && size > 0) {
      ManifestFile mf;
      mf.name = f.localName;
      mf.size = size;
      mf.sha256 = earlier.value(QStringLiteral("sha256")).toString();
      mf.sha256Verified = earlier.value(QStringLiteral("verified")).toBool();
      mf.sourceUrl = earlier.value(QStringLiteral("url")).toString();
      mf.format = formatName(f.format);
      mf.component = componentOf(f.localName);
      Q_EMIT status(tr("%1 was downloaded and verified before; kept.").arg(f.localName));
      addDone(mf, f);
      return;
    }
  }
  DownloadRequest request = requestTemplate;
  request.url = resolveUrl(endpoint_, f.repo, f.revision, f.file);
  request.directory = folder_;
  request.fileName = f.localName;
  request.expectedSize = f.exactSize;
  request.sha256 = f.sha256;
  request.sha256Prefix = f.sha256Prefix;
  request.sha256Suffix = f.sha256Suffix;
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
  Q_EMIT fileStarted(index_, f.localName);
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
  const CatalogFile& f = files_.at(index_);
  ManifestFile mf;
  mf.name = f.localName;
  mf.size = QFileInfo(d->finalPath()).size();
  mf.sha256 = d->computedSha256();
  mf.sha256Verified = !d->verifiedSha256().isEmpty();
  mf.sourceUrl = d->request().url.toString();
  mf.format = formatName(f.format);
  mf.component = componentOf(f.localName);
  QJsonObject state = loadState(folder_);
  state.insert(mf.name, QJsonObject{{QStringLiteral("size"), static_cast<double>(mf.size)},
                                    {QStringLiteral("sha256"), mf.sha256},
                                    {QStringLiteral("verified"), mf.sha256Verified},
                                    {QStringLiteral("url"), mf.sourceUrl}});
  saveState(folder_, state);
  addDone(mf, f);
}

QString SetDownload::componentOf(const QString& localName) const {
  for (const CatalogComponent& c : set_.components)
    for (const CatalogFile& cf : c.files)
      if (cf.localName == localName) return c.id;
  return {};
}

void SetDownload::addDone(const ManifestFile& mf, const CatalogFile& f) {
  done_.append(mf);
  // The catalogue's size was an estimate: correct the total with the real one.
  totalBytes_ += mf.size - (f.exactSize > 0 ? f.exactSize : f.approxSize);
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
    finishOk_ =
        finishSetFolder(folder_, set_, &done_, QStringLiteral("download"), &finishError_,
                        [this](const QString& line) {
                          QMetaObject::invokeMethod(
                              this, [this, line] { Q_EMIT status(line); }, Qt::QueuedConnection);
                        });
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

#include "ui/models/file_download.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QTimer>

#include "ui/models/catalog_text.h"
#include "ui/models/hub_endpoint.h"
#include "ui/models/sha256_file.h"

namespace drs::ui {
namespace {

constexpr int kMaxRedirects = 10;
// Room left on the disk after the file: the conversion writes a second copy later.
constexpr qint64 kDiskMargin = 64LL * 1024 * 1024;

bool isRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// "W/\"abc\"" / "\"abc\"" -> "abc", lower case.
QString unquoteEtag(QByteArray value) {
  value = value.trimmed();
  if (value.startsWith("W/")) value.remove(0, 2);
  if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
    value = value.mid(1, value.size() - 2);
  return QString::fromLatin1(value).toLower();
}

struct ContentRange {
  qint64 first = -1;
  qint64 last = -1;
  qint64 total = -1;  // -1 for "*"
};

// "bytes 100-199/1000"; nullopt-like first = -1 on anything else.
ContentRange parseContentRange(const QByteArray& header) {
  static const QRegularExpression re(QStringLiteral(R"(^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$)"));
  const auto m = re.match(QString::fromLatin1(header));
  if (!m.hasMatch()) return {};
  ContentRange range;
  range.first = m.captured(1).toLongLong();
  range.last = m.captured(2).toLongLong();
  range.total = m.captured(3) == QLatin1String("*") ? -1 : m.captured(3).toLongLong();
  return range;
}

bool isConnectionLoss(QNetworkReply::NetworkError error) {
  switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:  // transfer timeout aborts this way
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError: return true;
    default: return false;
  }
}

// A lost connection is resumed when the server had answered this reply (status set) or
// was there earlier since start() (data arrived, or this is a retry): a refusal then
// means a restart or a flaky line, not "offline". Only a first attempt that never
// connects is reported as offline. A DNS failure counts on a retry too (a network
// that is switching over).
bool isResumableLoss(int status, QNetworkReply::NetworkError error, bool serverWasThere) {
  if (error == QNetworkReply::NoError) return false;
  if (status != 0 && status != 200 && status != 206) return false;
  if (serverWasThere && error == QNetworkReply::HostNotFoundError) return true;
  return isConnectionLoss(error) && (status != 0 || serverWasThere);
}

}  // namespace

FileDownload::FileDownload(QNetworkAccessManager* network, DownloadRequest request, QObject* parent)
    : QObject(parent), network_(network), request_(std::move(request)) {
  retryTimer_.setSingleShot(true);
  connect(&retryTimer_, &QTimer::timeout, this, [this] {
    if (state_ == State::Running && !reply_) sendRequest();
  });
}

FileDownload::~FileDownload() {
  dropReply();
}

QString FileDownload::finalPath() const {
  return QDir(request_.directory).filePath(request_.fileName);
}

QString FileDownload::partPath() const {
  return finalPath() + QStringLiteral(".part");
}

void FileDownload::start() {
  if (state_ != State::Idle && state_ != State::Paused) return;
  error_ = DownloadError::None;
  errorString_.clear();
  if (!isSafeFileName(request_.fileName)) {
    fail(DownloadError::UnsafeName,
         tr("Refusing to write \"%1\": a downloaded file name must not contain path "
            "separators or \"..\".")
             .arg(request_.fileName));
    return;
  }
  if (!QFileInfo(request_.directory).isDir()) {
    fail(DownloadError::Io, tr("The model folder %1 does not exist.").arg(request_.directory));
    return;
  }
  received_ = QFileInfo(partPath()).size();
  const qint64 size = request_.expectedSize > 0 ? request_.expectedSize : hubSize_;
  if (size > 0) {
    const qint64 free = QStorageInfo(request_.directory).bytesAvailable();
    if (free >= 0 && free < size - received_ + kDiskMargin) {
      fail(DownloadError::DiskFull, tr("Not enough disk space in %1: %2 needed, %3 free.")
                                        .arg(request_.directory)
                                        .arg(size - received_)
                                        .arg(free));
      return;
    }
  }
  retryTimer_.stop();
  retries_ = 0;
  retried_ = false;
  furthest_ = received_;
  gotAnyData_ = false;
  setState(State::Running);
  currentUrl_ = request_.url;
  redirects_ = 0;
  sendRequest();
}

void FileDownload::sendRequest() {
  dropReply();
  part_.close();
  if (restartFromZero_) {
    QFile::remove(partPath());
    restartFromZero_ = false;
  }
  offset_ = QFileInfo(partPath()).size();
  received_ = offset_;
  headersHandled_ = false;
  gotDataThisRun_ = false;
  ++attempts_;

  QNetworkRequest req(currentUrl_);
  // Redirects by hand: the token must not follow the hub's redirect to the CDN, and
  // the hub's metadata headers sit on the redirect response itself.
  req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
  req.setHeader(QNetworkRequest::UserAgentHeader,
                QStringLiteral("DiffRhythmStudio/%1").arg(QCoreApplication::applicationVersion()));
  // Byte ranges of a compressed body would be meaningless.
  req.setRawHeader("Accept-Encoding", "identity");
  req.setTransferTimeout(request_.transferTimeoutMs);
  const bool sameOrigin = currentUrl_.scheme() == request_.url.scheme() &&
                          currentUrl_.host() == request_.url.host() &&
                          currentUrl_.port() == request_.url.port();
  if (!request_.token.isEmpty() && sameOrigin)
    req.setRawHeader("Authorization", "Bearer " + request_.token);
  if (offset_ > 0) req.setRawHeader("Range", "bytes=" + QByteArray::number(offset_) + '-');

  reply_ = network_->get(req);
  connect(reply_, &QNetworkReply::readyRead, this, &FileDownload::onReadyRead);
  connect(reply_, &QNetworkReply::finished, this, &FileDownload::onFinished);
}

void FileDownload::captureMetadata() {
  if (!reply_) return;
  if (reply_->hasRawHeader("X-Linked-Etag")) {
    const QString value = unquoteEtag(reply_->rawHeader("X-Linked-Etag"));
    if (looksLikeSha256(value)) hubSha256_ = value;
  }
  if (reply_->hasRawHeader("X-Linked-Size")) {
    bool ok = false;
    const qint64 size = reply_->rawHeader("X-Linked-Size").trimmed().toLongLong(&ok);
    if (ok && size >= 0) hubSize_ = size;
  }
  const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if ((status == 200 || status == 206) && reply_->hasRawHeader("ETag")) {
    const QString value = unquoteEtag(reply_->rawHeader("ETag"));
    if (looksLikeSha256(value)) etagSha256_ = value;
  }
}

bool FileDownload::handleHeaders() {
  headersHandled_ = true;
  captureMetadata();
  const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if (status == 200 || status == 206) {
    // Now the server has said how big the file is: check the disk again.
    const qint64 length = reply_->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    const qint64 incoming = length;  // body bytes still to come
    const qint64 free = QStorageInfo(request_.directory).bytesAvailable();
    if (incoming > 0 && free >= 0 && free < incoming + kDiskMargin) {
      fail(DownloadError::DiskFull, tr("Not enough disk space in %1: %2 bytes to come, %3 free.")
                                        .arg(request_.directory)
                                        .arg(incoming)
                                        .arg(free));
      return false;
    }
  }
  if (status == 200) {
    // Either a fresh download or the server ignored our Range: start over.
    offset_ = 0;
    const qint64 length = reply_->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    total_ = length > 0 ? length : (hubSize_ >= 0 ? hubSize_ : -1);
    part_.setFileName(partPath());
    if (!part_.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
      fail(DownloadError::Io, tr("Cannot write %1: %2").arg(partPath(), part_.errorString()));
      return false;
    }
    received_ = 0;
    return true;
  }
  if (status == 206) {
    const ContentRange range = parseContentRange(reply_->rawHeader("Content-Range"));
    if (range.first != offset_) {
      // Not the bytes we asked for: discard the partial file and ask for everything.
      restartFromZero_ = true;
      return false;
    }
    total_ = range.total >= 0 ? range.total : total_;
    part_.setFileName(partPath());
    if (!part_.open(QIODevice::WriteOnly | QIODevice::Append)) {
      fail(DownloadError::Io, tr("Cannot write %1: %2").arg(partPath(), part_.errorString()));
      return false;
    }
    return true;
  }
  return false;
}

void FileDownload::onReadyRead() {
  if (!reply_ || state_ != State::Running) return;
  if (!headersHandled_) {
    if (!handleHeaders()) {
      if (restartFromZero_) {
        dropReply();
        sendRequest();
      }
      return;
    }
  }
  if (!part_.isOpen()) {
    reply_->readAll();  // a redirect's or an error page's body
    return;
  }
  const QByteArray data = reply_->readAll();
  if (data.isEmpty()) return;
  if (part_.write(data) != data.size()) {
    fail(DownloadError::Io, tr("Cannot write %1: %2").arg(partPath(), part_.errorString()));
    return;
  }
  gotDataThisRun_ = true;
  gotAnyData_ = true;
  received_ += data.size();
  noteProgress();
  Q_EMIT progress(received_, total_);
}

// Bytes beyond anything the .part held before restore the retry budget. Bytes fetched
// again after a restart from zero do not: a server that drops at the same place every
// time still runs out of retries.
void FileDownload::noteProgress() {
  if (received_ <= furthest_) return;
  furthest_ = received_;
  retries_ = 0;
}

void FileDownload::onFinished() {
  if (!reply_ || state_ != State::Running) return;
  if (!headersHandled_ && !handleHeaders() && restartFromZero_) {
    sendRequest();
    return;
  }
  onReadyRead();  // whatever is still buffered
  if (state_ != State::Running) return;
  if (part_.isOpen()) part_.flush();
  part_.close();

  const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if (isRedirect(status)) {
    followRedirect();
    return;
  }
  if (reply_->error() != QNetworkReply::NoError || (status != 200 && status != 206)) {
    handleFailure();
    return;
  }
  if (total_ >= 0 && received_ < total_) {
    retryLater(tr("the server closed the connection early"));
    return;
  }
  dropReply();
  verify();
}

void FileDownload::followRedirect() {
  QUrl target = reply_->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
  if (target.isEmpty()) target = QUrl::fromEncoded(reply_->rawHeader("Location"));
  target = currentUrl_.resolved(target);
  if (!target.isValid() || target.isEmpty()) {
    fail(DownloadError::Http, tr("The server sent a redirect without a valid target."));
    return;
  }
  if (++redirects_ > kMaxRedirects) {
    fail(DownloadError::TooManyRedirects, tr("Too many redirects (more than %1) for %2.")
                                              .arg(kMaxRedirects)
                                              .arg(request_.url.toString()));
    return;
  }
  if (currentUrl_.scheme() == QLatin1String("https") && target.scheme() != QLatin1String("https")) {
    fail(DownloadError::Insecure,
         tr("Refusing a redirect from https to an insecure address (%1).").arg(target.toString()));
    return;
  }
  currentUrl_ = target;
  sendRequest();
}

void FileDownload::handleFailure() {
  const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  const QNetworkReply::NetworkError netError = reply_->error();
  if (isResumableLoss(status, netError, gotAnyData_ || retried_)) {
    retryLater(reply_->errorString());
  } else if (netError == QNetworkReply::SslHandshakeFailedError ||
             netError == QNetworkReply::InsecureRedirectError) {
    fail(DownloadError::Insecure,
         tr("Secure connection to %1 failed: %2").arg(currentUrl_.host(), reply_->errorString()));
  } else if (status == 0) {
    fail(DownloadError::Offline,
         tr("Cannot reach %1 (%2). Check the network connection; a mirror can be set with "
            "HF_ENDPOINT.")
             .arg(currentUrl_.host(), reply_->errorString()));
  } else {
    failForStatus(status);
  }
}

void FileDownload::failForStatus(int status) {
  const QString url = request_.url.toString();
  if (status == 404) {
    fail(DownloadError::NotFound,
         tr("Not found (HTTP 404): %1. The repository or file may have been renamed.").arg(url));
  } else if (status == 401 || status == 403) {
    fail(DownloadError::AccessDenied,
         tr("Access denied (HTTP %1) for %2. The repository is probably gated: accept its "
            "terms on the Hugging Face website, create an access token, and supply it in "
            "the HF_TOKEN environment variable or under Models > Settings > Access token "
            "(it is sent as \"Authorization: Bearer\").")
             .arg(status)
             .arg(url));
  } else if (status == 416) {
    handleRangeNotSatisfiable();
  } else if (status >= 500 && retries_ < request_.maxRetries) {
    retryLater(tr("HTTP %1").arg(status));  // a server hiccup
  } else if (status >= 500) {
    fail(DownloadError::Http,
         tr("The server keeps failing (HTTP %1) for %2; try again later.").arg(status).arg(url));
  } else {
    fail(DownloadError::Http, tr("HTTP %1 for %2.").arg(status).arg(url));
  }
}

// "bytes */N" with N == our .part: it was complete already (stopped before the check);
// verify it. Otherwise the file changed on the server: start over.
void FileDownload::handleRangeNotSatisfiable() {
  static const QRegularExpression unsatisfied(QStringLiteral(R"(^\s*bytes\s+\*/(\d+)\s*$)"));
  const auto m = unsatisfied.match(QString::fromLatin1(reply_->rawHeader("Content-Range")));
  if (m.hasMatch() && m.captured(1).toLongLong() == offset_ && offset_ > 0) {
    total_ = offset_;
    dropReply();
    verify();
  } else if (retries_++ < request_.maxRetries) {
    restartFromZero_ = true;
    sendRequest();
  } else {
    fail(DownloadError::Http,
         tr("The server rejected the resume request for %1.").arg(request_.url.toString()));
  }
}

void FileDownload::retryLater(const QString& reason) {
  if (retries_ >= request_.maxRetries) {
    giveUp(reason);
    return;
  }
  ++retries_;
  retried_ = true;
  dropReply();
  // Signed CDN addresses expire: resume through the original URL.
  currentUrl_ = request_.url;
  redirects_ = 0;
  const int delay = nextRetryDelayMs();
  retryTimer_.start(delay);
  Q_EMIT retrying(retries_, request_.maxRetries, delay);
}

// Doubles with each retry in a row without new data: a short drop resumes at once, an
// outage or an overloaded server is not hammered.
int FileDownload::nextRetryDelayMs() const {
  const qint64 cap = std::max(0, request_.maxRetryDelayMs);
  qint64 delay = std::min<qint64>(std::max(0, request_.retryDelayMs), cap);
  for (int i = 1; i < retries_ && delay < cap; ++i) delay = std::min(delay * 2, cap);
  return static_cast<int>(delay);
}

// The .part is kept: its bytes came from transfers that went well and are checked with
// the rest of the file at the end, so starting again resumes instead of refetching.
void FileDownload::giveUp(const QString& reason) {
  fail(DownloadError::Network,
       tr("Lost the connection to %1, and %n retries in a row brought no new data (last "
          "error: %2). The %3 downloaded so far are kept; start the download again to resume "
          "from there.",
          nullptr, retries_)
           .arg(currentUrl_.host(), reason, formatBytes(received_)));
}

QString FileDownload::expectedSha256() const {
  if (!request_.sha256.isEmpty()) return request_.sha256.toLower();
  if (!hubSha256_.isEmpty()) return hubSha256_;
  return etagSha256_;
}

void FileDownload::verify() {
  setState(State::Verifying);
  const qint64 size = QFileInfo(partPath()).size();
  const qint64 expected = request_.expectedSize >= 0 ? request_.expectedSize
                          : hubSize_ >= 0            ? hubSize_
                                                     : total_;
  if (expected >= 0 && size != expected) {
    QFile::remove(partPath());
    fail(DownloadError::SizeMismatch, tr("%1 has %2 bytes instead of %3; the file was discarded.")
                                          .arg(request_.fileName)
                                          .arg(size)
                                          .arg(expected));
    return;
  }
  sha256OfFileAsync(this, partPath(),
                    [this](const QString& hex, const QString& error) { onHashed(hex, error); });
}

void FileDownload::onHashed(const QString& hex, const QString& hashError) {
  if (state_ != State::Verifying) return;
  if (hex.isEmpty()) {
    fail(DownloadError::Io, hashError);
    return;
  }
  computedSha256_ = hex;
  const QString expected = expectedSha256();
  const bool fullOk = expected.isEmpty() || expected == hex;
  const bool partialOk = hex.startsWith(request_.sha256Prefix.toLower()) &&
                         hex.endsWith(request_.sha256Suffix.toLower());
  if (!fullOk || !partialOk) {
    QFile::remove(partPath());
    const QString want = !expected.isEmpty()
                             ? expected
                             : request_.sha256Prefix + QStringLiteral("…") + request_.sha256Suffix;
    fail(DownloadError::ChecksumMismatch,
         tr("Checksum mismatch for %1: expected SHA-256 %2, got %3. The damaged file was "
            "discarded; try the download again.")
             .arg(request_.fileName, want, hex));
    return;
  }
  verifiedSha256_ = expected;
  QFile::remove(finalPath());
  if (!QFile::rename(partPath(), finalPath())) {
    fail(DownloadError::Io, tr("Cannot rename %1 to %2.").arg(partPath(), finalPath()));
    return;
  }
  received_ = total_ = QFileInfo(finalPath()).size();
  setState(State::Done);
  Q_EMIT finished();
}

void FileDownload::pause() {
  if (state_ != State::Running) return;
  retryTimer_.stop();
  dropReply();
  part_.close();
  setState(State::Paused);
}

void FileDownload::cancel() {
  if (state_ == State::Done || state_ == State::Failed || state_ == State::Cancelled) return;
  retryTimer_.stop();
  dropReply();
  part_.close();
  QFile::remove(partPath());
  error_ = DownloadError::Cancelled;
  errorString_ = tr("Download cancelled.");
  setState(State::Cancelled);
  Q_EMIT finished();
}

void FileDownload::fail(DownloadError error, const QString& message) {
  retryTimer_.stop();
  dropReply();
  part_.close();
  error_ = error;
  errorString_ = message;
  setState(State::Failed);
  Q_EMIT finished();
}

void FileDownload::setState(State state) {
  if (state_ == state) return;
  state_ = state;
  Q_EMIT stateChanged(state);
}

void FileDownload::dropReply() {
  QNetworkReply* reply = reply_.data();
  reply_ = nullptr;
  if (reply == nullptr) return;
  reply->disconnect(this);
  reply->abort();
  reply->deleteLater();
}

QString describeDownloadError(DownloadError error) {
  switch (error) {
    case DownloadError::None: return {};
    case DownloadError::UnsafeName:
      return FileDownload::tr("A file name would have left the model folder.");
    case DownloadError::Offline:
      return FileDownload::tr(
          "No connection to the server. Check the network, or import files you already have.");
    case DownloadError::NotFound:
      return FileDownload::tr("The file was not found on the server (404).");
    case DownloadError::AccessDenied:
      return FileDownload::tr(
          "Access denied: this repository needs a Hugging Face token (HF_TOKEN or Settings).");
    case DownloadError::Http: return FileDownload::tr("The server reported an error.");
    case DownloadError::Network:
      return FileDownload::tr(
          "The connection kept dropping without progress; starting again resumes the download.");
    case DownloadError::Insecure:
      return FileDownload::tr("The secure connection could not be verified.");
    case DownloadError::TooManyRedirects: return FileDownload::tr("Too many redirects.");
    case DownloadError::SizeMismatch:
      return FileDownload::tr("The downloaded file has the wrong size.");
    case DownloadError::ChecksumMismatch:
      return FileDownload::tr("The downloaded file is damaged (checksum mismatch).");
    case DownloadError::DiskFull: return FileDownload::tr("Not enough disk space.");
    case DownloadError::Io: return FileDownload::tr("The model folder cannot be written.");
    case DownloadError::Cancelled: return FileDownload::tr("Cancelled.");
  }
  return {};
}

}  // namespace drs::ui

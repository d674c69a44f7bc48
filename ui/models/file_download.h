// One file from a Hugging Face `resolve` URL into the model store: redirects followed
// by hand (the hub sends LFS files to a CDN on another host; the token is not sent
// there), resume with HTTP Range, retry after a dropped connection, and verification
// of size and SHA-256 before the `.part` file gets its real name.
//
// Retries: `maxRetries` is a budget of retries in a row that bring no new data; every
// attempt that gets further into the file than any before restores it, so a long file
// on a flaky line completes however often it drops, while a dead line gives up. The
// delay doubles with each retry without new data (retryDelayMs, 2x, 4x ... capped at
// maxRetryDelayMs). Once the server has answered, or on a retry, a lost or refused
// connection is retried; only a first attempt that never connects is "offline". When
// the budget runs out the `.part` file is kept (its bytes are verified with the rest at
// the end), so the next start() resumes from it; cancel() and a failed check remove it.
//
// Where the expected SHA-256 comes from: a digest pinned in the catalogue when we know
// it; otherwise the hub's own metadata: for LFS files the `X-Linked-Etag` header of the
// hub's redirect (and the `ETag` of the file) is the SHA-256 of the content. Digits
// pinned partially (a prefix/suffix from the model card) must agree as well. A file
// for which no digest is known anywhere is accepted on size and its computed digest
// is recorded (verifiedSha256() is then empty).
#pragma once

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace drs::ui {

enum class DownloadError {
  None,
  UnsafeName,        // the file name would leave the store
  Offline,           // host not found / connection refused before any data
  NotFound,          // HTTP 404
  AccessDenied,      // HTTP 401/403: gated repository, token missing or not accepted
  Http,              // any other HTTP failure
  Network,           // connection lost too often, timeouts
  Insecure,          // TLS failure or a redirect from https to http
  TooManyRedirects,  // more than 10 hops
  SizeMismatch,
  ChecksumMismatch,
  DiskFull,
  Io,  // cannot write the store
  Cancelled,
};

struct DownloadRequest {
  QUrl url;
  QString directory;         // existing folder inside the store
  QString fileName;          // flat name inside `directory`
  qint64 expectedSize = -1;  // pinned size, -1 = from the server
  QString sha256;            // pinned full digest (hex), empty = from the hub
  QString sha256Prefix;      // partially pinned digits
  QString sha256Suffix;
  QByteArray token;    // Hugging Face token (Authorization: Bearer), only sent to the original host
  int maxRetries = 5;  // retries in a row without new data (see above)
  int retryDelayMs = 1000;  // before the first retry; doubled for each further one
  int maxRetryDelayMs = 30000;
  int transferTimeoutMs = 60000;  // a stalled connection counts as dropped
};

class FileDownload : public QObject {
  Q_OBJECT
 public:
  enum class State { Idle, Running, Paused, Verifying, Done, Failed, Cancelled };
  Q_ENUM(State)

  FileDownload(QNetworkAccessManager* network, DownloadRequest request, QObject* parent = nullptr);
  ~FileDownload() override;

  void start();   // from Idle or Paused (resumes from the .part file)
  void pause();   // keeps the .part file
  void cancel();  // removes the .part file

  [[nodiscard]] State state() const { return state_; }
  [[nodiscard]] qint64 received() const { return received_; }
  [[nodiscard]] qint64 total() const { return total_; }  // -1 until known
  [[nodiscard]] DownloadError error() const { return error_; }
  [[nodiscard]] QString errorString() const { return errorString_; }
  [[nodiscard]] QString finalPath() const;
  [[nodiscard]] QString partPath() const;
  [[nodiscard]] const DownloadRequest& request() const { return request_; }
  // The digest the file was checked against (empty if none was known) and the one computed.
  [[nodiscard]] QString verifiedSha256() const { return verifiedSha256_; }
  [[nodiscard]] QString computedSha256() const { return computedSha256_; }
  [[nodiscard]] int attempts() const { return attempts_; }

 Q_SIGNALS:
  void progress(qint64 received, qint64 total);
  void stateChanged(drs::ui::FileDownload::State state);
  void finished();  // Done, Failed or Cancelled: see state()/error()
  // The connection was lost; retry number `retry` (of `maxRetries` in a row without new
  // data) is sent after `delayMs`.
  void retrying(int retry, int maxRetries, int delayMs);

 private:
  void sendRequest();
  void onReadyRead();
  void onFinished();
  bool handleHeaders();  // false: this reply is not a body we write (redirect, error, restart)
  void followRedirect();
  void handleFailure();
  void failForStatus(int status);
  void handleRangeNotSatisfiable();
  void noteProgress();
  void retryLater(const QString& reason);
  [[nodiscard]] int nextRetryDelayMs() const;
  void giveUp(const QString& reason);
  void verify();
  void onHashed(const QString& hex, const QString& hashError);
  void fail(DownloadError error, const QString& message);
  void setState(State state);
  void dropReply();
  void captureMetadata();
  [[nodiscard]] QString expectedSha256() const;

  QNetworkAccessManager* network_;
  DownloadRequest request_;
  QPointer<QNetworkReply> reply_;
  QFile part_;
  QUrl currentUrl_;
  State state_ = State::Idle;
  DownloadError error_ = DownloadError::None;
  QString errorString_;
  qint64 offset_ = 0;    // bytes of the .part file when the current request was sent
  qint64 received_ = 0;  // bytes in the .part file now
  qint64 total_ = -1;
  bool headersHandled_ = false;
  bool restartFromZero_ = false;
  int redirects_ = 0;
  int attempts_ = 0;
  int retries_ = 0;       // retries in a row without new data
  bool retried_ = false;  // since start(): a refusal now means a server that went away
  qint64 furthest_ = 0;   // most bytes the .part held since start(): more is progress
  QTimer retryTimer_;
  bool gotDataThisRun_ = false;
  bool gotAnyData_ = false;  // since start(): a later refusal is a dropped server, not offline
  QString hubSha256_;        // X-Linked-Etag
  qint64 hubSize_ = -1;      // X-Linked-Size
  QString etagSha256_;       // ETag that is a SHA-256
  QString verifiedSha256_;
  QString computedSha256_;
};

// A translated one-paragraph explanation for the user, with advice (token, network...).
QString describeDownloadError(DownloadError error);

}  // namespace drs::ui

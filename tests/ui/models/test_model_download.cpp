// Downloads from a real nginx on 127.0.0.1: full file, resume after a dropped
// connection (Range seen in the access log), cross-origin redirect with the hub's
// SHA-256 header, checksum mismatch (pinned and hub-supplied), 404, 401, 403, offline,
// unsafe names, more drops than the retry budget (each with progress), and a dead line
// that runs out of retries with backoff and keeps its .part.
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <utility>

#include "nginx_server.h"
#include "ui/models/download_dialog.h"
#include "ui/models/file_download.h"
#include "ui/models/hub_endpoint.h"
#include "ui/models/model_store.h"
#include "ui/models/set_download.h"

using drs::ui::DownloadError;
using drs::ui::DownloadRequest;
using drs::ui::FileDownload;

namespace {

constexpr int kTimeoutMs = 30000;

QByteArray randomBytes(qsizetype size, quint32 seed) {
  QByteArray data(size, Qt::Uninitialized);
  QRandomGenerator rng(seed);
  rng.fillRange(reinterpret_cast<quint32*>(data.data()), size / 4);
  return data;
}

QString sha256(const QByteArray& data) {
  return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestModelDownload : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void cleanupTestCase();
  void init();
  void fullDownload();
  void resumeAfterDroppedConnection();
  void redirectFollowedAcrossOrigins();
  void checksumMismatchDiscardsPart();
  void notFound();
  void forbiddenExplainsToken();
  void unauthorizedExplainsToken();
  void wrongHubDigestRejected_data();
  void wrongHubDigestRejected();
  void repeatedDropsWithProgressComplete();
  void noProgressRetriesRunOut();
  void refusedRetryIsNotOffline();
  void offline();
  void serverErrorRetriedThenReported();
  void untrustedCertificateRefused();
  void unsafeNameRejected();
  void resolveUrlForm();
  void pauseThenResume();
  void serverIgnoringRangeRestarts();
  void cancelRemovesPart();
  void diskSpaceChecked();
  void wholeSetWithManifest();
  void progressDialogShowsBothLevels();
  void completePartOnlyVerified();
  void dialogPauseResumeAndCancel();
  void setDownloadConvertsCheckpoint();
  void rerunKeepsVerifiedFiles();

 private:
  DownloadRequest request(const QString& file) const {
    DownloadRequest r;
    r.url = drs::ui::resolveUrl(server_->hubBase(), QStringLiteral("org/repo"),
                                QStringLiteral("main"), file);
    r.directory = store_->path();
    r.fileName = file;
    r.retryDelayMs = 200;
    r.transferTimeoutMs = 10000;
    return r;
  }
  // SIGKILLs nginx from the event loop (outside the download's own signal handler, to
  // keep the test free of re-entrancy) and, if asked, starts it again at once.
  void dropSoon(bool restart) {
    QTimer::singleShot(0, this, [this, restart] {
      server_->kill();
      if (restart) QVERIFY(server_->start());
    });
  }
  // Runs `download` to its end (bounded).
  static void finish(FileDownload& download) {
    QSignalSpy done(&download, &FileDownload::finished);
    download.start();
    QVERIFY(done.count() > 0 || done.wait(kTimeoutMs));
  }

  std::unique_ptr<NginxServer> server_;
  std::unique_ptr<QTemporaryDir> store_;
  QNetworkAccessManager network_;
  QByteArray plain_ = randomBytes(300 * 1024, 1);
  QByteArray slow_ = randomBytes(1024 * 1024, 2);
  QByteArray cdn_ = randomBytes(200 * 1024 + 3, 3);
  QByteArray flaky_ = randomBytes(128 * 1024, 4);
  QByteArray dead_ = randomBytes(256 * 1024, 5);
  // What a hub with stale or wrong metadata would announce for plain_ / cdn_.
  QString wrongDigest_ = sha256("not the served bytes");
};

void TestModelDownload::initTestCase() {
  server_ = std::make_unique<NginxServer>();
  const QString resolve = QStringLiteral("org/repo/resolve/main/");
  server_->addFile(resolve + QStringLiteral("plain.bin"), plain_);
  server_->addFile(resolve + QStringLiteral("slow.bin"), slow_);
  server_->addFile(resolve + QStringLiteral("wrong.bin"), plain_);
  server_->addFile(QStringLiteral("blobs/cdn.bin"), cdn_);
  server_->addFile(resolve + QStringLiteral("paused.bin"), slow_);
  server_->addFile(resolve + QStringLiteral("norange.bin"), plain_);
  server_->addFile(resolve + QStringLiteral("badlinked.bin"), plain_);
  server_->addFile(resolve + QStringLiteral("badetag.bin"), plain_);
  server_->addFile(resolve + QStringLiteral("flaky.bin"), flaky_);
  server_->addFile(resolve + QStringLiteral("dead.bin"), dead_);
  const QDir data(QStringLiteral(DRS_CHECKPOINT_DIR));
  server_->addFile(QStringLiteral("org/dit/resolve/main/cfm_model.pt"),
                   readAll(data.filePath(QStringLiteral("tiny_cfm_model.pt"))));
  server_->addFile(QStringLiteral("org/dit/resolve/main/config.json"),
                   readAll(data.filePath(QStringLiteral("tiny_cfm_model.config.json"))));
  // As the hub does for LFS files: the digest in X-Linked-Etag, the content on a CDN.
  server_->setHubLocations(QStringLiteral(R"(
    location = /org/repo/resolve/main/plain.bin { add_header X-Linked-Etag '"%1"'; }
    location = /org/repo/resolve/main/slow.bin {
      add_header X-Linked-Etag '"%2"';
      limit_rate_after 64k;
      limit_rate $drs_rate;
    }
    location = /org/repo/resolve/main/cdn.bin {
      add_header X-Linked-Etag '"%3"';
      add_header X-Linked-Size %4;
      return 302 @CDN@/blobs/cdn.bin;
    }
    location /org/gated/ { return 403; }
    location = /org/repo/resolve/main/broken.bin { return 503; }
    location = /org/repo/resolve/main/norange.bin { max_ranges 0; }
    location = /org/repo/resolve/main/paused.bin {
      add_header X-Linked-Etag '"%2"';
      limit_rate_after 64k;
      limit_rate $drs_rate;
    }
    location /org/private/ { return 401; }
    location = /org/repo/resolve/main/badlinked.bin { add_header X-Linked-Etag '"%5"'; }
    location = /org/repo/resolve/main/badredirect.bin {
      add_header X-Linked-Etag '"%5"';
      return 302 @CDN@/blobs/cdn.bin;
    }
    location = /org/repo/resolve/main/badetag.bin {
      etag off;
      add_header ETag '"%5"';
    }
    # Resumed requests are slowed too, so that every attempt can be dropped mid-file.
    location = /org/repo/resolve/main/flaky.bin { limit_rate 16k; }
    location = /org/repo/resolve/main/dead.bin {
      limit_rate_after 32k;
      limit_rate 64k;
    }
    location = /org/repo/resolve/main/hiccup.bin { return 503; }
  )")
                               .arg(sha256(plain_), sha256(slow_), sha256(cdn_))
                               .arg(cdn_.size())
                               .arg(wrongDigest_));
  QVERIFY(server_->start());
}

void TestModelDownload::cleanupTestCase() {
  server_.reset();
}

void TestModelDownload::init() {
  store_ = std::make_unique<QTemporaryDir>();
  // A test that stopped the server (or failed while it was down) must not break the next.
  if (!server_->isRunning()) QVERIFY(server_->start());
}

void TestModelDownload::fullDownload() {
  FileDownload download(&network_, request(QStringLiteral("plain.bin")));
  finish(download);
  QCOMPARE(download.state(), FileDownload::State::Done);
  QCOMPARE(readAll(download.finalPath()), plain_);
  QVERIFY(!QFile::exists(download.partPath()));
  QCOMPARE(download.verifiedSha256(), sha256(plain_));  // from the hub's X-Linked-Etag
}

void TestModelDownload::resumeAfterDroppedConnection() {
  FileDownload download(&network_, request(QStringLiteral("slow.bin")));
  QSignalSpy done(&download, &FileDownload::finished);
  bool dropped = false;
  qint64 droppedAt = 0;
  connect(&download, &FileDownload::progress, this, [&](qint64 received, qint64) {
    // Past the fast first 64 kB the server trickles: drop it there, then bring it back.
    if (!dropped && received >= 96 * 1024) {
      dropped = true;
      droppedAt = received;
      // Outside the download's own signal handler, to keep the test free of re-entrancy.
      QTimer::singleShot(0, this, [this] {
        server_->kill();
        QVERIFY(server_->start());
      });
    }
  });
  download.start();
  QVERIFY(done.wait(kTimeoutMs));
  QVERIFY2(download.state() == FileDownload::State::Done, qPrintable(download.errorString()));
  QVERIFY(dropped);
  QCOMPARE(readAll(download.finalPath()), slow_);
  QVERIFY(download.attempts() >= 2);
  // The server saw a resume request starting where the first transfer ended (or later).
  static const QRegularExpression rangeLine(
      QStringLiteral(R"(/slow\.bin 206 range="bytes=(\d+)-")"));
  const auto match = rangeLine.match(server_->accessLog());
  QVERIFY2(match.hasMatch(), qPrintable(server_->accessLog()));
  QVERIFY(match.captured(1).toLongLong() >= droppedAt);
  qInfo("dropped at %lld bytes, resumed with Range from %s, %d attempts", droppedAt,
        qPrintable(match.captured(1)), download.attempts());
}

void TestModelDownload::redirectFollowedAcrossOrigins() {
  DownloadRequest r = request(QStringLiteral("cdn.bin"));
  r.token = "secret-token";
  FileDownload download(&network_, r);
  finish(download);
  QVERIFY2(download.state() == FileDownload::State::Done, qPrintable(download.errorString()));
  QCOMPARE(readAll(download.finalPath()), cdn_);
  QCOMPARE(download.verifiedSha256(), sha256(cdn_));
  const QString log = server_->accessLog();
  // The hub answered 302 and saw the token; the CDN served the file without it.
  QVERIFY(log.contains(QStringLiteral(
      "/org/repo/resolve/main/cdn.bin 302 range=\"-\" auth=\"Bearer secret-token\"")));
  QVERIFY2(log.contains(QStringLiteral("/blobs/cdn.bin 200 range=\"-\" auth=\"-\"")),
           qPrintable(log));
}

void TestModelDownload::checksumMismatchDiscardsPart() {
  DownloadRequest r = request(QStringLiteral("wrong.bin"));
  r.sha256 = QString(64, QLatin1Char('0'));
  FileDownload download(&network_, r);
  finish(download);
  QCOMPARE(download.state(), FileDownload::State::Failed);
  QCOMPARE(download.error(), DownloadError::ChecksumMismatch);
  QVERIFY(download.errorString().contains(QStringLiteral("Checksum mismatch")));
  QVERIFY(!QFile::exists(download.partPath()));
  QVERIFY(!QFile::exists(download.finalPath()));
}

void TestModelDownload::notFound() {
  FileDownload download(&network_, request(QStringLiteral("missing.bin")));
  finish(download);
  QCOMPARE(download.error(), DownloadError::NotFound);
  QVERIFY(download.errorString().contains(QStringLiteral("404")));
  QVERIFY(!QFile::exists(download.partPath()));
}

void TestModelDownload::forbiddenExplainsToken() {
  DownloadRequest r = request(QStringLiteral("weights.bin"));
  r.url = drs::ui::resolveUrl(server_->hubBase(), QStringLiteral("org/gated"),
                              QStringLiteral("main"), QStringLiteral("weights.bin"));
  FileDownload download(&network_, r);
  finish(download);
  QCOMPARE(download.error(), DownloadError::AccessDenied);
  QVERIFY(download.errorString().contains(QStringLiteral("403")));
  QVERIFY(download.errorString().contains(QStringLiteral("HF_TOKEN")));
  QVERIFY(download.errorString().contains(QStringLiteral("Bearer")));
}

void TestModelDownload::unauthorizedExplainsToken() {
  DownloadRequest r = request(QStringLiteral("weights.bin"));
  r.url = drs::ui::resolveUrl(server_->hubBase(), QStringLiteral("org/private"),
                              QStringLiteral("main"), QStringLiteral("weights.bin"));
  r.token = "not-accepted";
  FileDownload download(&network_, r);
  finish(download);
  QCOMPARE(download.error(), DownloadError::AccessDenied);
  const QString message = download.errorString();
  QVERIFY2(message.contains(QStringLiteral("HTTP 401")), qPrintable(message));
  QVERIFY(message.contains(QStringLiteral("gated")));
  QVERIFY(message.contains(QStringLiteral("HF_TOKEN")));
  QVERIFY(message.contains(QStringLiteral("Bearer")));
  QCOMPARE(download.attempts(), 1);  // a refusal is final, not retried
  QVERIFY(server_->accessLog().contains(QStringLiteral(
      "/org/private/resolve/main/weights.bin 401 range=\"-\" auth=\"Bearer not-accepted\"")));
  QVERIFY(!QFile::exists(download.partPath()));
}

void TestModelDownload::wrongHubDigestRejected_data() {
  QTest::addColumn<QString>("file");
  QTest::addColumn<QByteArray>("content");
  QTest::newRow("X-Linked-Etag") << QStringLiteral("badlinked.bin") << plain_;
  QTest::newRow("X-Linked-Etag of a redirect") << QStringLiteral("badredirect.bin") << cdn_;
  QTest::newRow("ETag") << QStringLiteral("badetag.bin") << plain_;
}

void TestModelDownload::wrongHubDigestRejected() {
  QFETCH(QString, file);
  QFETCH(QByteArray, content);
  FileDownload download(&network_, request(file));  // nothing pinned: the hub's word counts
  QSignalSpy progress(&download, &FileDownload::progress);
  finish(download);
  QCOMPARE(download.error(), DownloadError::ChecksumMismatch);
  QCOMPARE(progress.last()[0].toLongLong(), content.size());  // all of it came, then the check
  QCOMPARE(download.computedSha256(), sha256(content));
  QVERIFY2(download.errorString().contains(wrongDigest_), qPrintable(download.errorString()));
  QVERIFY(download.verifiedSha256().isEmpty());
  QVERIFY(!QFile::exists(download.partPath()));
  QVERIFY(!QFile::exists(download.finalPath()));
}

void TestModelDownload::repeatedDropsWithProgressComplete() {
  // Every attempt is killed at its first new bytes until 96 kB are in: nginx sends at
  // most 16 kB (one second's worth) at once, so that takes about six drops.
  constexpr qint64 kDropUntil = 96 * 1024;
  constexpr int kMaxDrops = 10;
  DownloadRequest r = request(QStringLiteral("flaky.bin"));
  r.maxRetries = 2;  // fewer than the drops: only the progress of each attempt saves it
  r.retryDelayMs = 100;
  FileDownload download(&network_, r);
  QSignalSpy done(&download, &FileDownload::finished);
  QSignalSpy retries(&download, &FileDownload::retrying);
  QList<qint64> dropsAt;
  QList<qint64> resumeMs;  // from a drop to the first byte of a later attempt
  int attemptsAtDrop = 0;
  QElapsedTimer clock;
  QElapsedTimer sinceDrop;
  connect(&download, &FileDownload::progress, this, [&](qint64 received, qint64) {
    if (sinceDrop.isValid() && download.attempts() > attemptsAtDrop) {
      resumeMs.append(sinceDrop.elapsed());
      sinceDrop.invalidate();
    }
    const bool newAttempt = download.attempts() > attemptsAtDrop;
    if (newAttempt && received < kDropUntil && dropsAt.size() < kMaxDrops) {
      dropsAt.append(received);
      attemptsAtDrop = download.attempts();
      sinceDrop.start();
      dropSoon(true);
    }
  });
  clock.start();
  download.start();
  QVERIFY(done.wait(kTimeoutMs));
  QVERIFY2(download.state() == FileDownload::State::Done, qPrintable(download.errorString()));
  const int drops = static_cast<int>(dropsAt.size());
  QVERIFY2(drops > r.maxRetries, qPrintable(QString::number(drops)));
  QCOMPARE(readAll(download.finalPath()), flaky_);
  QCOMPARE(download.verifiedSha256(), QString());  // nothing published: checked on size only
  QCOMPARE(download.computedSha256(), sha256(flaky_));
  // Each drop came after new data, so its first retry was retry 1 after the base delay.
  int firstRetries = 0;
  for (const QList<QVariant>& retry : retries) {
    if (retry[0].toInt() != 1) continue;
    ++firstRetries;
    QCOMPARE(retry[2].toInt(), r.retryDelayMs);
  }
  QCOMPARE(firstRetries, drops);
  QVERIFY(download.attempts() >= drops + 1);
  // Killed transfers are never logged; the last, complete one resumed past the last drop.
  static const QRegularExpression rangeLine(
      QStringLiteral(R"(/flaky\.bin 206 range="bytes=(\d+)-")"));
  const auto match = rangeLine.match(server_->accessLog());
  QVERIFY2(match.hasMatch(), qPrintable(server_->accessLog()));
  QVERIFY(match.captured(1).toLongLong() >= dropsAt.last());
  QStringList at;
  for (const qint64 bytes : dropsAt) at.append(QString::number(bytes));
  QStringList resume;
  for (const qint64 ms : resumeMs) resume.append(QString::number(ms));
  qInfo(
      "%d drops (budget %d) at %s bytes; %d attempts, %lld retries; drop to new data "
      "%s ms; %lld bytes in %lld ms",
      drops, r.maxRetries, qPrintable(at.join(QLatin1Char(','))), download.attempts(),
      static_cast<long long>(retries.size()), qPrintable(resume.join(QLatin1Char(','))),
      static_cast<long long>(flaky_.size()), static_cast<long long>(clock.elapsed()));
}

void TestModelDownload::noProgressRetriesRunOut() {
  DownloadRequest r = request(QStringLiteral("dead.bin"));
  r.maxRetries = 3;
  r.retryDelayMs = 50;
  r.maxRetryDelayMs = 120;
  FileDownload download(&network_, r);
  QSignalSpy done(&download, &FileDownload::finished);
  QList<int> delays;
  qint64 droppedAt = -1;
  QElapsedTimer sinceDrop;
  connect(&download, &FileDownload::retrying, this,
          [&](int, int, int delayMs) { delays.append(delayMs); });
  connect(&download, &FileDownload::progress, this, [&](qint64 received, qint64) {
    if (droppedAt < 0 && received >= 48 * 1024) {
      droppedAt = received;
      sinceDrop.start();
      dropSoon(false);  // and stays down: every retry is refused
    }
  });
  download.start();
  QVERIFY(done.wait(kTimeoutMs));
  const qint64 failedAfterMs = sinceDrop.elapsed();
  QCOMPARE(download.state(), FileDownload::State::Failed);
  QCOMPARE(download.error(), DownloadError::Network);  // not "offline": it was there
  QCOMPARE(delays, (QList<int>{50, 100, 120}));        // doubling, capped
  QCOMPARE(download.attempts(), 4);
  // (The wall time from drop to failure is only reported: Qt's coarse timers may fire
  // up to 5 % early, and timings are never asserted here.)
  const QString message = download.errorString();
  QVERIFY2(message.contains(QStringLiteral("3 retries in a row brought no new data")),
           qPrintable(message));
  QVERIFY(message.contains(QStringLiteral("kept")));
  // The documented policy: the .part stays, and the next download resumes from it.
  const qint64 kept = QFileInfo(download.partPath()).size();
  QVERIFY(kept >= droppedAt);
  QCOMPARE(kept, download.received());
  QVERIFY(!QFile::exists(download.finalPath()));
  QVERIFY(server_->start());
  FileDownload again(&network_, r);
  finish(again);
  QVERIFY2(again.state() == FileDownload::State::Done, qPrintable(again.errorString()));
  QCOMPARE(readAll(again.finalPath()), dead_);
  QVERIFY(
      server_->accessLog().contains(QStringLiteral("/dead.bin 206 range=\"bytes=%1-\"").arg(kept)));
  qInfo(
      "dropped at %lld bytes; retries after %d,%d,%d ms, failed %lld ms after the drop; "
      "%lld bytes kept and resumed",
      static_cast<long long>(droppedAt), delays[0], delays[1], delays[2],
      static_cast<long long>(failedAfterMs), static_cast<long long>(kept));
}

void TestModelDownload::refusedRetryIsNotOffline() {
  // The server answered (503, no data) and then went away: its refusals are retried.
  DownloadRequest r = request(QStringLiteral("hiccup.bin"));
  r.maxRetries = 2;
  r.retryDelayMs = 20;
  FileDownload download(&network_, r);
  bool killed = false;
  connect(&download, &FileDownload::retrying, this, [&] {
    if (!std::exchange(killed, true)) dropSoon(false);
  });
  finish(download);
  QVERIFY(killed);
  QCOMPARE(download.error(), DownloadError::Network);
  QCOMPARE(download.attempts(), 3);  // the 503, then two refused retries
  QVERIFY2(download.errorString().contains(QStringLiteral("no new data")),
           qPrintable(download.errorString()));
}

void TestModelDownload::offline() {
  DownloadRequest r = request(QStringLiteral("plain.bin"));
  QTcpServer probe;  // a port nobody listens on once the probe is closed
  QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
  const quint16 port = probe.serverPort();
  probe.close();
  r.url = QUrl(QStringLiteral("http://127.0.0.1:%1/org/repo/resolve/main/plain.bin").arg(port));
  FileDownload download(&network_, r);
  finish(download);
  QCOMPARE(download.error(), DownloadError::Offline);
  QVERIFY(download.errorString().contains(QStringLiteral("Cannot reach")));
}

void TestModelDownload::serverErrorRetriedThenReported() {
  DownloadRequest r = request(QStringLiteral("broken.bin"));
  r.maxRetries = 2;
  r.retryDelayMs = 20;
  FileDownload download(&network_, r);
  finish(download);
  QCOMPARE(download.error(), DownloadError::Http);
  QCOMPARE(download.attempts(), 3);  // first try + 2 retries
  QVERIFY(download.errorString().contains(QStringLiteral("503")));
  QCOMPARE(server_->accessLog().count(QStringLiteral("/broken.bin 503")), 3);
}

void TestModelDownload::untrustedCertificateRefused() {
  DownloadRequest r = request(QStringLiteral("plain.bin"));
  r.url = drs::ui::resolveUrl(server_->tlsBase(), QStringLiteral("org/repo"),
                              QStringLiteral("main"), QStringLiteral("plain.bin"));
  FileDownload download(&network_, r);
  finish(download);
  QCOMPARE(download.error(), DownloadError::Insecure);
  qInfo("%s", qPrintable(download.errorString()));
  QVERIFY(!QFile::exists(download.partPath()));
  QVERIFY(!QFile::exists(download.finalPath()));
}

void TestModelDownload::unsafeNameRejected() {
  for (const QString& name : {QStringLiteral("../evil.bin"), QStringLiteral("a/b.bin"),
                              QStringLiteral(".."), QStringLiteral("a\\b"), QString()}) {
    DownloadRequest r = request(QStringLiteral("plain.bin"));
    r.fileName = name;
    FileDownload download(&network_, r);
    finish(download);
    QCOMPARE(download.error(), DownloadError::UnsafeName);
  }
  QVERIFY(!QFile::exists(QDir(store_->path()).filePath(QStringLiteral("../evil.bin"))));
  QVERIFY(QDir(store_->path()).isEmpty());
}

void TestModelDownload::resolveUrlForm() {
  QCOMPARE(
      drs::ui::resolveUrl(QStringLiteral("https://huggingface.co/"),
                          QStringLiteral("ASLP-lab/DiffRhythm-1_2"), QStringLiteral("main"),
                          QStringLiteral("cfm_model.pt"))
          .toString(),
      QStringLiteral("https://huggingface.co/ASLP-lab/DiffRhythm-1_2/resolve/main/cfm_model.pt"));
  qputenv("HF_ENDPOINT", "https://mirror.example/");
  QCOMPARE(drs::ui::hubEndpoint(), QStringLiteral("https://mirror.example"));
  qunsetenv("HF_ENDPOINT");
}

void TestModelDownload::pauseThenResume() {
  FileDownload download(&network_, request(QStringLiteral("paused.bin")));
  QSignalSpy done(&download, &FileDownload::finished);
  bool paused = false;
  connect(&download, &FileDownload::progress, this, [&](qint64 received, qint64) {
    if (!paused && received >= 80 * 1024) {
      paused = true;
      QTimer::singleShot(0, &download, &FileDownload::pause);
    }
  });
  download.start();
  QTRY_COMPARE_WITH_TIMEOUT(download.state(), FileDownload::State::Paused, kTimeoutMs);
  const qint64 kept = QFileInfo(download.partPath()).size();
  QVERIFY(kept >= 80 * 1024);
  QVERIFY(kept < slow_.size());
  QTest::qWait(300);
  QCOMPARE(QFileInfo(download.partPath()).size(), kept);  // nothing arrives while paused
  download.start();
  QVERIFY(done.wait(kTimeoutMs));
  QVERIFY2(download.state() == FileDownload::State::Done, qPrintable(download.errorString()));
  QCOMPARE(readAll(download.finalPath()), slow_);
  QVERIFY(server_->accessLog().contains(
      QStringLiteral("/paused.bin 206 range=\"bytes=%1-\"").arg(kept)));
}

void TestModelDownload::serverIgnoringRangeRestarts() {
  // A stale .part from elsewhere; the server answers the Range request with 200.
  DownloadRequest r = request(QStringLiteral("norange.bin"));
  r.sha256 = sha256(plain_);
  {
    QFile stale(QDir(r.directory).filePath(QStringLiteral("norange.bin.part")));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write(QByteArray(1000, 'x'));
  }
  FileDownload download(&network_, r);
  finish(download);
  QVERIFY2(download.state() == FileDownload::State::Done, qPrintable(download.errorString()));
  QCOMPARE(readAll(download.finalPath()), plain_);
  QVERIFY(server_->accessLog().contains(QStringLiteral("/norange.bin 200 range=\"bytes=1000-\"")));
}

void TestModelDownload::cancelRemovesPart() {
  FileDownload download(&network_, request(QStringLiteral("paused.bin")));
  QSignalSpy done(&download, &FileDownload::finished);
  connect(&download, &FileDownload::progress, this, [&](qint64 received, qint64) {
    if (received >= 80 * 1024) QTimer::singleShot(0, &download, &FileDownload::cancel);
  });
  download.start();
  QVERIFY(done.wait(kTimeoutMs));
  QCOMPARE(download.state(), FileDownload::State::Cancelled);
  QCOMPARE(download.error(), DownloadError::Cancelled);
  QVERIFY(!QFile::exists(download.partPath()));
  QVERIFY(!QFile::exists(download.finalPath()));
}

void TestModelDownload::diskSpaceChecked() {
  DownloadRequest r = request(QStringLiteral("plain.bin"));
  r.expectedSize = 1LL << 60;  // an exabyte: no disk has that free
  FileDownload download(&network_, r);
  finish(download);
  QCOMPARE(download.error(), DownloadError::DiskFull);
  QVERIFY(download.errorString().contains(QStringLiteral("disk space")));
}

namespace {
// A catalogue-shaped set served by the test hub: one file direct, one via the CDN.
drs::CatalogFile servedFile(const std::string& file, const std::string& local) {
  drs::CatalogFile f;
  f.repo = "org/repo";
  f.revision = "main";
  f.file = file;
  f.local_name = local;
  f.format = drs::FileFormat::SentencePiece;
  f.approx_size = 100 * 1024;
  return f;
}

drs::CatalogSet servedSet() {
  const drs::Licence apache{"Apache-2.0", "https://example.invalid", {}};
  const drs::Licence nc{"CC-BY-NC 4.0", "https://example.invalid", {}};
  return {"served-set",
          "Served set",
          "test",
          {{"one", "One", apache, {servedFile("plain.bin", "a.bin")}},
           {"two", "Two", nc, {servedFile("cdn.bin", "b.bin")}}},
          false};
}
}  // namespace

void TestModelDownload::wholeSetWithManifest() {
  drs::ui::SetDownload job(servedSet(), store_->path(), server_->hubBase());
  job.requestTemplate.retryDelayMs = 200;
  QSignalSpy ok(&job, &drs::ui::SetDownload::succeeded);
  QSignalSpy failed(&job, &drs::ui::SetDownload::failed);
  QSignalSpy overall(&job, &drs::ui::SetDownload::overallProgress);
  job.start();
  QVERIFY(ok.wait(kTimeoutMs));
  QCOMPARE(failed.count(), 0);
  QVERIFY(!overall.isEmpty());
  QCOMPARE(overall.last()[0].toLongLong(), plain_.size() + cdn_.size());

  const auto sets = drs::ui::installedSets(store_->path());
  QCOMPARE(sets.size(), 1);
  const drs::Manifest& m = sets[0].manifest;
  QVERIFY(sets[0].usable());
  QCOMPARE(m.source, std::string("download"));
  QCOMPARE(m.files.size(), 2u);
  QCOMPARE(QString::fromStdString(m.files[0].sha256), sha256(plain_));
  QVERIFY(m.files[0].sha256_verified);
  QCOMPARE(QString::fromStdString(m.files[1].sha256), sha256(cdn_));
  QCOMPARE(m.files[1].size, cdn_.size());
  QVERIFY(QString::fromStdString(m.files[1].source_url)
              .endsWith(QStringLiteral("/org/repo/resolve/main/cdn.bin")));
  QCOMPARE(m.licences.size(), 2u);
  QVERIFY(drs::ui::hasRealModels(store_->path()));
}

void TestModelDownload::progressDialogShowsBothLevels() {
  drs::ui::SetDownload job(servedSet(), store_->path(), server_->hubBase());
  drs::ui::DownloadDialog dialog(&job);
  dialog.show();
  QSignalSpy finishedSpy(&dialog, &QDialog::finished);
  job.start();
  QVERIFY(finishedSpy.wait(kTimeoutMs));
  QCOMPARE(dialog.result(), static_cast<int>(QDialog::Accepted));
  const auto bars = dialog.findChildren<QProgressBar*>();
  QCOMPARE(bars.size(), 2);
  QCOMPARE(bars[1]->value(), bars[1]->maximum());  // overall complete
  QVERIFY(dialog.errorMessage().isEmpty());
}

void TestModelDownload::completePartOnlyVerified() {
  // Stopped after the last byte but before the check: the server answers 416.
  DownloadRequest r = request(QStringLiteral("plain.bin"));
  {
    QFile part(QDir(r.directory).filePath(QStringLiteral("plain.bin.part")));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(plain_);
  }
  FileDownload download(&network_, r);
  finish(download);
  QVERIFY2(download.state() == FileDownload::State::Done, qPrintable(download.errorString()));
  QCOMPARE(readAll(download.finalPath()), plain_);
  QVERIFY(server_->accessLog().contains(
      QStringLiteral("/plain.bin 416 range=\"bytes=%1-\"").arg(plain_.size())));
}

void TestModelDownload::rerunKeepsVerifiedFiles() {
  drs::CatalogSet set = servedSet();
  set.components[1].files[0].file = "missing.bin";  // the second file 404s
  {
    drs::ui::SetDownload first(set, store_->path(), server_->hubBase());
    QSignalSpy failed(&first, &drs::ui::SetDownload::failed);
    first.start();
    QVERIFY(failed.wait(kTimeoutMs));
    QVERIFY(failed[0][0].toString().contains(QStringLiteral("404")));
  }
  QVERIFY(drs::ui::installedSets(store_->path()).isEmpty());  // no manifest: not installed
  const auto fetches = [this] {
    return server_->accessLog().count(QStringLiteral("/org/repo/resolve/main/plain.bin 200"));
  };
  const qsizetype before = fetches();
  drs::ui::SetDownload second(servedSet(), store_->path(), server_->hubBase());
  QSignalSpy ok(&second, &drs::ui::SetDownload::succeeded);
  second.start();
  QVERIFY(ok.wait(kTimeoutMs));
  QCOMPARE(fetches(), before);  // a.bin was kept, not fetched again
  const auto sets = drs::ui::installedSets(store_->path());
  QCOMPARE(sets.size(), 1);
  QCOMPARE(QString::fromStdString(sets[0].manifest.files[0].sha256), sha256(plain_));
  QVERIFY(sets[0].manifest.files[0].sha256_verified);
  QVERIFY(!QFile::exists(QDir(sets[0].folder).filePath(QStringLiteral(".download-state.json"))));
}

void TestModelDownload::dialogPauseResumeAndCancel() {
  drs::CatalogSet set = servedSet();
  set.components[0].files[0].file = "paused.bin";  // trickles after 64 kB
  const QString part = QDir(store_->path()).filePath(QStringLiteral("served-set/a.bin.part"));
  for (const bool cancelIt : {false, true}) {
    QFile::remove(QDir(store_->path()).filePath(QStringLiteral("served-set/.download-state.json")));
    drs::ui::SetDownload job(set, store_->path(), server_->hubBase());
    drs::ui::DownloadDialog dialog(&job);
    dialog.show();
    QPushButton* pause = nullptr;
    QPushButton* cancel = nullptr;
    for (QPushButton* b : dialog.findChildren<QPushButton*>())
      (b->text() == QStringLiteral("Pause") ? pause : cancel) = b;
    QVERIFY(pause && cancel);
    QSignalSpy progress(&job, &drs::ui::SetDownload::fileProgress);
    QSignalSpy finished(&dialog, &QDialog::finished);
    job.start();
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last()[0].toLongLong() > 70 * 1024,
                             kTimeoutMs);
    if (cancelIt) {
      cancel->click();
      QVERIFY(finished.count() == 1 || finished.wait(kTimeoutMs));
      QCOMPARE(dialog.result(), static_cast<int>(QDialog::Rejected));
      QVERIFY(dialog.errorMessage().contains(QStringLiteral("cancelled")));
      QVERIFY(!QFile::exists(part));
      continue;
    }
    pause->click();
    QVERIFY(job.paused());
    QCOMPARE(pause->text(), QStringLiteral("Resume"));
    const qint64 kept = QFileInfo(part).size();
    QVERIFY(kept > 70 * 1024);
    QTest::qWait(200);
    QCOMPARE(QFileInfo(part).size(), kept);
    pause->click();  // resume: a Range request, served at full speed
    QVERIFY(!job.paused());
    QVERIFY(finished.count() == 1 || finished.wait(kTimeoutMs));
    QCOMPARE(dialog.result(), static_cast<int>(QDialog::Accepted));
    QCOMPARE(readAll(QDir(store_->path()).filePath(QStringLiteral("served-set/a.bin"))), slow_);
  }
}

void TestModelDownload::setDownloadConvertsCheckpoint() {
  using drs::CatalogFile;
  CatalogFile pt = servedFile("cfm_model.pt", "cfm_model.pt");
  pt.repo = "org/dit";
  pt.format = drs::FileFormat::TorchPickle;
  pt.converted_name = "dit.safetensors";
  pt.checkpoint_key = "model_state_dict";
  // The tiny checkpoint's DiT (text_dim 16) is no layout the engine runs: conversion only.
  pt.tensor_spec = drs::TensorSpec::None;
  pt.config_name = "dit_config.json";
  CatalogFile config = servedFile("config.json", "dit_config.json");
  config.repo = "org/dit";
  config.format = drs::FileFormat::Json;
  const drs::CatalogSet set{
      "dit-set",
      "DiT set",
      "test",
      {{"dit-base", "DiT", {"Apache-2.0", "https://example.invalid", {}}, {pt, config}}},
      false};
  drs::ui::SetDownload job(set, store_->path(), server_->hubBase());
  QSignalSpy ok(&job, &drs::ui::SetDownload::succeeded);
  QSignalSpy failed(&job, &drs::ui::SetDownload::failed);
  job.start();
  QVERIFY(ok.wait(kTimeoutMs) || !failed.isEmpty());
  QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][0].toString()));
  const auto sets = drs::ui::installedSets(store_->path());
  QCOMPARE(sets.size(), 1);
  QVERIFY(sets[0].usable());
  const QDir folder(sets[0].folder);
  QVERIFY(folder.exists(QStringLiteral("dit.safetensors")));
  QVERIFY(!folder.exists(QStringLiteral("cfm_model.pt")));
  QCOMPARE(sets[0].manifest.files[0].name, std::string("dit.safetensors"));
  QVERIFY(sets[0].manifest.files[0].converted_from.rfind("cfm_model.pt (sha256 ", 0) == 0);
}

QTEST_MAIN(TestModelDownload)
#include "test_model_download.moc"

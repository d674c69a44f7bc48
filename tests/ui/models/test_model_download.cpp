// The Models dialog's downloads end to end, through the engine's downloader
// (drs::download_to_store on a worker thread, SetDownload, DownloadDialog) against a real
// nginx on 127.0.0.1 (the engine tests' server, tests/engine/models/nginx_server.h): a
// whole set with its manifest and licences, both progress bars, pause (the .part file
// stops growing) and resume (a Range request), cancel (nothing left behind), a re-run
// that keeps what an interrupted one verified, conversion of a checkpoint, the hub
// endpoint and token from the settings or HF_ENDPOINT/HF_TOKEN, and a gated repository
// explained. The file-level transfer (retries, redirects, digests) is tested by
// tests/engine/models/test_http_download.cpp.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <string>

#include "drs/model_catalog.h"
#include "nginx_server.h"
#include "ui/models/download_dialog.h"
#include "ui/models/hub_endpoint.h"
#include "ui/models/model_store.h"
#include "ui/models/set_download.h"

namespace {

using drs::ui::SetDownload;

constexpr int kTimeoutMs = 30000;

std::string randomBytes(std::size_t size, quint32 seed) {
  std::string data(size, '\0');
  QRandomGenerator rng(seed);
  for (char& c : data) c = static_cast<char>(rng.generate() & 0xff);
  return data;
}

QString sha256(const std::string& data) {
  return QString::fromLatin1(
      QCryptographicHash::hash(QByteArray::fromStdString(data), QCryptographicHash::Sha256)
          .toHex());
}

std::string readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

drs::CatalogFile servedFile(const std::string& file, const std::string& local,
                            const std::string& repo = "org/repo") {
  drs::CatalogFile f;
  f.repo = repo;
  f.revision = "main";
  f.file = file;
  f.local_name = local;
  f.format = drs::FileFormat::SentencePiece;
  f.approx_size = 100 * 1024;
  return f;
}

// A catalogue-shaped set served by the test hub: one file direct, one via another host.
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

class TestModelDownload : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void init();
  void wholeSetWithManifest();
  void progressDialogShowsBothLevels();
  void rerunKeepsVerifiedFiles();
  void dialogPauseResumeAndCancel();
  void setDownloadConvertsCheckpoint();
  void endpointAndTokenFromSettingsOrEnvironment();
  void gatedRepositoryExplainsToken();

 private:
  [[nodiscard]] QString hub() const { return QString::fromStdString(server_->base()); }
  [[nodiscard]] qsizetype fetches(const QString& path) const {
    return QString::fromStdString(server_->access_log()).count(path + QStringLiteral(" 200"));
  }
  std::unique_ptr<SetDownload> job(const drs::CatalogSet& set) const {
    auto download = std::make_unique<SetDownload>(set, store_->path(), hub());
    download->retryDelayMs = 100;
    return download;
  }

  std::string plain_ = randomBytes(300 * 1024, 1);
  std::string cdn_ = randomBytes(200 * 1024 + 3, 3);
  std::string slow_ = randomBytes(2 * 1024 * 1024, 2);
  std::unique_ptr<drs::test::NginxServer> server_;
  std::unique_ptr<QTemporaryDir> store_;
};

void TestModelDownload::initTestCase() {
  QStandardPaths::setTestModeEnabled(true);
  // As the hub does for LFS files: the digest in X-Linked-Etag, the content on another
  // host (localhost instead of 127.0.0.1). Plain requests are served at 512 kB/s, Range
  // requests at full speed (the server's defaults).
  server_ = std::make_unique<drs::test::NginxServer>(QStringLiteral(R"(
    location = /org/repo/resolve/main/plain.bin { add_header X-Linked-Etag '"%1"'; }
    location = /org/repo/resolve/main/cdn.bin {
      add_header X-Linked-Etag '"%2"';
      add_header X-Linked-Size %3;
      return 302 http://localhost:@PORT@/blobs/cdn.bin;
    }
    location = /org/repo/resolve/main/paused.bin {
      add_header X-Linked-Etag '"%4"';
      limit_rate_after 64k;
    }
    location /org/gated/ { return 403; }
  )")
                                                         .arg(sha256(plain_), sha256(cdn_))
                                                         .arg(cdn_.size())
                                                         .arg(sha256(slow_))
                                                         .toStdString());
  server_->add_file("org/repo/resolve/main/plain.bin", plain_);
  server_->add_file("blobs/cdn.bin", cdn_);
  server_->add_file("org/repo/resolve/main/paused.bin", slow_);
  const QDir data(QStringLiteral(DRS_CHECKPOINT_DIR));
  server_->add_file("org/dit/resolve/main/cfm_model.pt",
                    readAll(data.filePath(QStringLiteral("tiny_cfm_model.pt"))));
  server_->add_file("org/dit/resolve/main/config.json",
                    readAll(data.filePath(QStringLiteral("tiny_cfm_model.config.json"))));
  QVERIFY2(server_->start(), "nginx did not start (" DRS_NGINX_PATH ")");
}

void TestModelDownload::init() {
  store_ = std::make_unique<QTemporaryDir>();
  QSettings().remove(QLatin1String(drs::ui::kSettingsHubEndpoint));
  QSettings().remove(QLatin1String(drs::ui::kSettingsHubToken));
}

void TestModelDownload::wholeSetWithManifest() {
  const auto download = job(servedSet());
  QSignalSpy ok(download.get(), &SetDownload::succeeded);
  QSignalSpy failed(download.get(), &SetDownload::failed);
  QSignalSpy overall(download.get(), &SetDownload::overallProgress);
  QSignalSpy started(download.get(), &SetDownload::fileStarted);
  download->start();
  QVERIFY(ok.wait(kTimeoutMs) || !failed.isEmpty());
  QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][0].toString()));
  QCOMPARE(ok[0][0].toString(), QDir(store_->path()).filePath(QStringLiteral("served-set")));
  // The total is corrected from the catalogue's estimates to the real sizes.
  const auto total = static_cast<qint64>(plain_.size() + cdn_.size());
  QCOMPARE(overall.last()[0].toLongLong(), total);
  QCOMPARE(overall.last()[1].toLongLong(), total);
  QCOMPARE(started.size(), 2);
  QCOMPARE(started[1][1].toString(), QStringLiteral("b.bin"));

  const auto sets = drs::ui::installedSets(store_->path());
  QCOMPARE(sets.size(), 1);
  QVERIFY(sets[0].usable());
  const drs::Manifest& m = sets[0].manifest;
  QCOMPARE(m.source, std::string("download"));
  QCOMPARE(m.files.size(), 2u);
  QCOMPARE(QString::fromStdString(m.files[0].sha256), sha256(plain_));
  QVERIFY(m.files[0].sha256_verified);
  QCOMPARE(QString::fromStdString(m.files[1].sha256), sha256(cdn_));
  QVERIFY(m.files[1].sha256_verified);  // the redirect's X-Linked-Etag
  QCOMPARE(m.files[1].size, static_cast<std::int64_t>(cdn_.size()));
  QVERIFY(QString::fromStdString(m.files[1].source_url)
              .endsWith(QStringLiteral("/org/repo/resolve/main/cdn.bin")));
  QCOMPARE(m.licences.size(), 2u);
  QVERIFY(drs::ui::hasRealModels(store_->path()));
  QVERIFY(!QFileInfo::exists(download->stagingFolder()));
}

void TestModelDownload::progressDialogShowsBothLevels() {
  const auto download = job(servedSet());
  drs::ui::DownloadDialog dialog(download.get());
  dialog.show();
  QSignalSpy finished(&dialog, &QDialog::finished);
  download->start();
  QVERIFY(finished.wait(kTimeoutMs));
  QVERIFY2(dialog.errorMessage().isEmpty(), qPrintable(dialog.errorMessage()));
  QCOMPARE(dialog.result(), static_cast<int>(QDialog::Accepted));
  const auto bars = dialog.findChildren<QProgressBar*>();
  QCOMPARE(bars.size(), 2);
  QCOMPARE(bars[0]->value(), bars[0]->maximum());  // the last file complete
  QCOMPARE(bars[1]->value(), bars[1]->maximum());  // all files complete
}

void TestModelDownload::rerunKeepsVerifiedFiles() {
  drs::CatalogSet set = servedSet();
  set.components[1].files[0].file = "missing.bin";  // the second file 404s
  {
    const auto first = job(set);
    QSignalSpy failed(first.get(), &SetDownload::failed);
    first->start();
    QVERIFY(failed.wait(kTimeoutMs));
    QVERIFY2(failed[0][0].toString().contains(QStringLiteral("404")),
             qPrintable(failed[0][0].toString()));
  }
  QVERIFY(drs::ui::installedSets(store_->path()).isEmpty());  // no manifest: not installed
  const QString plainPath = QStringLiteral("/org/repo/resolve/main/plain.bin");
  const qsizetype before = fetches(plainPath);
  QVERIFY(before > 0);
  const auto second = job(servedSet());
  QSignalSpy ok(second.get(), &SetDownload::succeeded);
  second->start();
  QVERIFY(ok.wait(kTimeoutMs));
  QCOMPARE(fetches(plainPath), before);  // a.bin was kept, not fetched again
  const auto sets = drs::ui::installedSets(store_->path());
  QCOMPARE(sets.size(), 1);
  QCOMPARE(QString::fromStdString(sets[0].manifest.files[0].sha256), sha256(plain_));
  QVERIFY(sets[0].manifest.files[0].sha256_verified);  // remembered from the first run
  QVERIFY(!QFile::exists(QDir(sets[0].folder).filePath(QStringLiteral(".download-state.json"))));
}

void TestModelDownload::dialogPauseResumeAndCancel() {
  drs::CatalogSet set = servedSet();
  set.components[0].files[0].file = "paused.bin";  // 512 kB/s after 64 kB
  for (const bool cancelIt : {false, true}) {
    const auto download = job(set);
    const QString part = QDir(download->stagingFolder()).filePath(QStringLiteral("a.bin.part"));
    drs::ui::DownloadDialog dialog(download.get());
    dialog.show();
    QPushButton* pause = nullptr;
    QPushButton* cancel = nullptr;
    for (QPushButton* b : dialog.findChildren<QPushButton*>())
      (b->text() == QStringLiteral("Pause") ? pause : cancel) = b;
    QVERIFY(pause && cancel);
    QSignalSpy progress(download.get(), &SetDownload::fileProgress);
    QSignalSpy finished(&dialog, &QDialog::finished);
    download->start();
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last()[0].toLongLong() > 70 * 1024,
                             kTimeoutMs);
    if (cancelIt) {
      cancel->click();
      QVERIFY(finished.count() == 1 || finished.wait(kTimeoutMs));
      QCOMPARE(dialog.result(), static_cast<int>(QDialog::Rejected));
      QVERIFY2(dialog.errorMessage().contains(QStringLiteral("cancelled")),
               qPrintable(dialog.errorMessage()));
      QVERIFY(!QFileInfo::exists(download->stagingFolder()));  // .part files and all
      QVERIFY(drs::ui::installedSets(store_->path()).isEmpty());
      continue;
    }
    pause->click();
    QVERIFY(download->paused());
    QCOMPARE(pause->text(), QStringLiteral("Resume"));
    QTRY_VERIFY_WITH_TIMEOUT(!download->isRunning(), kTimeoutMs);  // the transfer stopped
    const qint64 kept = QFileInfo(part).size();
    QVERIFY2(kept > 70 * 1024 && kept < static_cast<qint64>(slow_.size()),
             qPrintable(QString::number(kept)));
    QTest::qWait(300);
    QCOMPARE(QFileInfo(part).size(), kept);
    pause->click();  // resume: the engine continues the .part with a Range request
    QVERIFY(!download->paused());
    QVERIFY(finished.count() == 1 || finished.wait(kTimeoutMs));
    QVERIFY2(dialog.errorMessage().isEmpty(), qPrintable(dialog.errorMessage()));
    QCOMPARE(dialog.result(), static_cast<int>(QDialog::Accepted));
    QVERIFY(readAll(QDir(download->folder()).filePath(QStringLiteral("a.bin"))) == slow_);
    const std::string range = "/paused.bin 206 range=\"bytes=" + std::to_string(kept) + "-\"";
    QVERIFY2(server_->access_log_with(range).find(range) != std::string::npos, range.c_str());
    QVERIFY(QDir(download->folder()).removeRecursively());  // the cancel round starts afresh
  }
}

void TestModelDownload::setDownloadConvertsCheckpoint() {
  drs::CatalogFile pt = servedFile("cfm_model.pt", "cfm_model.pt", "org/dit");
  pt.format = drs::FileFormat::TorchPickle;
  pt.converted_name = "dit.safetensors";
  pt.checkpoint_key = "model_state_dict";
  // The tiny checkpoint's DiT (text_dim 16) is no layout the engine runs: conversion only.
  pt.tensor_spec = drs::TensorSpec::None;
  pt.config_name = "dit_config.json";
  drs::CatalogFile config = servedFile("config.json", "dit_config.json", "org/dit");
  config.format = drs::FileFormat::Json;
  const drs::CatalogSet set{
      "dit-set",
      "DiT set",
      "test",
      {{"dit-base", "DiT", {"Apache-2.0", "https://example.invalid", {}}, {pt, config}}},
      false};
  const auto download = job(set);
  QSignalSpy ok(download.get(), &SetDownload::succeeded);
  QSignalSpy failed(download.get(), &SetDownload::failed);
  QSignalSpy status(download.get(), &SetDownload::status);
  download->start();
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
  bool converting = false;
  for (const QList<QVariant>& line : status)
    converting = converting || line[0].toString().startsWith(QStringLiteral("Converting"));
  QVERIFY(converting);  // the engine's conversion status reached the dialog's thread
}

void TestModelDownload::endpointAndTokenFromSettingsOrEnvironment() {
  qputenv("HF_ENDPOINT", "http://mirror.invalid/");
  qputenv("HF_TOKEN", "");
  QCOMPARE(drs::ui::hubEndpoint(), QStringLiteral("http://mirror.invalid"));
  QSettings().setValue(QLatin1String(drs::ui::kSettingsHubEndpoint), hub() + QLatin1Char('/'));
  QCOMPARE(drs::ui::hubEndpoint(), hub());  // the dialog's choice before the environment
  QSettings().setValue(QLatin1String(drs::ui::kSettingsHubToken), QStringLiteral("from-settings"));
  QCOMPARE(drs::ui::hubToken(), QByteArray("from-settings"));
  qputenv("HF_TOKEN", "from-env");
  QCOMPARE(drs::ui::hubToken(), QByteArray("from-env"));  // the environment wins

  SetDownload download(servedSet(), store_->path(), drs::ui::hubEndpoint());
  QSignalSpy ok(&download, &SetDownload::succeeded);
  QSignalSpy failed(&download, &SetDownload::failed);
  download.start();
  QVERIFY(ok.wait(kTimeoutMs) || !failed.isEmpty());
  QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][0].toString()));
  // The token went to the hub, not to the host the hub redirected to.
  const std::string log = server_->access_log_with("/blobs/cdn.bin 200");
  QVERIFY2(log.find("/cdn.bin 302 range=\"-\" auth=\"Bearer from-env\"") != std::string::npos,
           log.c_str());
  QVERIFY2(log.find("/blobs/cdn.bin 200 range=\"-\" auth=\"-\"") != std::string::npos, log.c_str());
  qunsetenv("HF_ENDPOINT");
  qunsetenv("HF_TOKEN");
}

void TestModelDownload::gatedRepositoryExplainsToken() {
  drs::CatalogSet set = servedSet();
  set.components[0].files[0].repo = "org/gated";
  const auto download = job(set);
  drs::ui::DownloadDialog dialog(download.get());
  QSignalSpy finished(&dialog, &QDialog::finished);
  download->start();
  QVERIFY(finished.wait(kTimeoutMs));
  QCOMPARE(dialog.result(), static_cast<int>(QDialog::Rejected));
  QVERIFY2(dialog.errorMessage().contains(QStringLiteral("403")) &&
               dialog.errorMessage().contains(QStringLiteral("HF_TOKEN")),
           qPrintable(dialog.errorMessage()));
  QVERIFY(!download->wasCancelled());
}

QTEST_MAIN(TestModelDownload)
#include "test_model_download.moc"

// A real HTTP server for the download tests: nginx as a child process with a config
// generated into a temporary folder, listening on two free loopback ports ("hub" and
// "cdn", so a redirect between them crosses origins). Single process
// (master_process off) so that kill() drops every open connection at once.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class NginxServer {
 public:
  NginxServer() {
    for (const char* sub : {"www", "tmp", "logs"}) QDir(root_.path()).mkpath(QLatin1String(sub));
    hubPort_ = freePort();
    cdnPort_ = freePort();
    tlsPort_ = freePort();
  }
  ~NginxServer() { kill(); }
  NginxServer(const NginxServer&) = delete;
  NginxServer& operator=(const NginxServer&) = delete;

  [[nodiscard]] QString www() const { return root_.filePath(QStringLiteral("www")); }
  [[nodiscard]] QString hubBase() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(hubPort_);
  }
  [[nodiscard]] QString cdnBase() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(cdnPort_);
  }
  // HTTPS with a self-signed certificate (made by openssl at start): no client that
  // verifies certificates may accept it.
  [[nodiscard]] QString tlsBase() const {
    return QStringLiteral("https://127.0.0.1:%1").arg(tlsPort_);
  }

  // Writes `data` under www/`path` (folders created).
  void addFile(const QString& path, const QByteArray& data) const {
    const QString full = QDir(www()).filePath(path);
    QDir().mkpath(QFileInfo(full).absolutePath());
    QFile file(full);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), data.size());
  }

  // Extra `location` blocks of the hub server; `@CDN@` is replaced by the cdn base URL.
  void setHubLocations(QString locations) { locations_ = std::move(locations); }

  bool start() {
    if (!makeCertificate()) return false;
    writeConfig();
    process_.setProgram(QStringLiteral(DRS_NGINX_PATH));
    process_.setArguments({QStringLiteral("-p"), root_.path() + QLatin1Char('/'),
                           QStringLiteral("-c"), root_.filePath(QStringLiteral("nginx.conf")),
                           QStringLiteral("-e"), root_.filePath(QStringLiteral("logs/error.log"))});
    process_.setProcessChannelMode(QProcess::ForwardedChannels);
    process_.start();
    if (!process_.waitForStarted(5000)) return false;
    // Ready when both ports accept connections (bounded wait).
    for (int i = 0; i < 100; ++i) {
      if (accepts(hubPort_) && accepts(cdnPort_) && accepts(tlsPort_)) return true;
      if (process_.state() != QProcess::Running) break;
      QTest::qWait(50);
    }
    qWarning() << "nginx did not start:" << log(QStringLiteral("logs/error.log"));
    return false;
  }

  // SIGKILL: open connections are dropped mid-transfer.
  void kill() {
    if (process_.state() == QProcess::NotRunning) return;
    process_.kill();
    process_.waitForFinished(5000);
  }

  [[nodiscard]] bool isRunning() const { return process_.state() == QProcess::Running; }

  [[nodiscard]] QString accessLog() const { return log(QStringLiteral("logs/access.log")); }

 private:
  static quint16 freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
  }

  static bool accepts(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(200);
  }

  [[nodiscard]] bool makeCertificate() const {
    if (QFile::exists(root_.filePath(QStringLiteral("cert.pem")))) return true;
    QProcess openssl;
    openssl.start(
        QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
         QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-days"),
         QStringLiteral("2"), QStringLiteral("-keyout"), root_.filePath(QStringLiteral("key.pem")),
         QStringLiteral("-out"), root_.filePath(QStringLiteral("cert.pem"))});
    return openssl.waitForFinished(20000) && openssl.exitCode() == 0;
  }

  [[nodiscard]] QString log(const QString& name) const {
    QFile file(root_.filePath(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
  }

  void writeConfig() const {
    const QString r = root_.path();
    QString locations = locations_;
    locations.replace(QStringLiteral("@CDN@"), cdnBase());
    const QString config = QStringLiteral(R"(
master_process off;
daemon off;
worker_processes 1;
pid %1/nginx.pid;
error_log %1/logs/error.log warn;
events { worker_connections 64; }
http {
  default_type application/octet-stream;
  client_body_temp_path %1/tmp/body;
  proxy_temp_path %1/tmp/proxy;
  fastcgi_temp_path %1/tmp/fastcgi;
  uwsgi_temp_path %1/tmp/uwsgi;
  scgi_temp_path %1/tmp/scgi;
  log_format drs '$server_port $request_uri $status range="$http_range" auth="$http_authorization"';
  access_log %1/logs/access.log drs;
  # Plain requests are slowed after 64 kB so a test can drop the connection mid-file;
  # resumed (Range) requests run at full speed.
  map $http_range $drs_rate { "" 32k; default 0; }
  server {
    listen 127.0.0.1:%2;
    root %1/www;
    %4
  }
  server {
    listen 127.0.0.1:%3;
    root %1/www;
  }
  server {
    listen 127.0.0.1:%5 ssl;
    ssl_certificate %1/cert.pem;
    ssl_certificate_key %1/key.pem;
    root %1/www;
  }
}
)")
                               .arg(r)
                               .arg(hubPort_)
                               .arg(cdnPort_)
                               .arg(locations)
                               .arg(tlsPort_);
    QFile file(QDir(r).filePath(QStringLiteral("nginx.conf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(config.toUtf8());
  }

  QTemporaryDir root_;
  QProcess process_;
  quint16 hubPort_ = 0;
  quint16 cdnPort_ = 0;
  quint16 tlsPort_ = 0;
  QString locations_;
};

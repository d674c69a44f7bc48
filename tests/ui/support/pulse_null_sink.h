// A private PulseAudio daemon with a null sink, so Qt Multimedia (GStreamer ->
// pulsesink on Debian) has an output device on headless CI machines. The daemon
// lives in its own XDG_RUNTIME_DIR and is stopped by the destructor.
#pragma once

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtGlobal>

namespace drs::test {

class PulseNullSink {
 public:
  PulseNullSink() {
    if (QStandardPaths::findExecutable(QStringLiteral("pulseaudio")).isEmpty()) return;
    old_runtime_ = qgetenv("XDG_RUNTIME_DIR");
    qputenv("XDG_RUNTIME_DIR", runtime_.path().toUtf8());
    const int rc = QProcess::execute(
        QStringLiteral("pulseaudio"),
        {QStringLiteral("--daemonize=yes"), QStringLiteral("--exit-idle-time=-1"),
         QStringLiteral("-n"), QStringLiteral("--load=module-native-protocol-unix"),
         QStringLiteral("--load=module-null-sink sink_name=nullsink")});
    // The socket appears shortly after daemonizing.
    for (int i = 0; i < 50 && rc == 0 && !QFile::exists(socketPath()); ++i) QThread::msleep(100);
    started_ = rc == 0 && QFile::exists(socketPath());
  }
  ~PulseNullSink() {
    if (started_) QProcess::execute(QStringLiteral("pulseaudio"), {QStringLiteral("--kill")});
    if (old_runtime_.isNull())
      qunsetenv("XDG_RUNTIME_DIR");
    else
      qputenv("XDG_RUNTIME_DIR", old_runtime_);
  }
  PulseNullSink(const PulseNullSink&) = delete;
  PulseNullSink& operator=(const PulseNullSink&) = delete;

  [[nodiscard]] bool started() const { return started_; }
  [[nodiscard]] QString socketPath() const {
    return runtime_.path() + QStringLiteral("/pulse/native");
  }

 private:
  QTemporaryDir runtime_;
  QByteArray old_runtime_;
  bool started_ = false;
};

}  // namespace drs::test

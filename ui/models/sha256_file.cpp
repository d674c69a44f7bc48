#include "ui/models/sha256_file.h"

#include <QCryptographicHash>
#include <QFile>
#include <QPointer>
#include <QThread>

namespace drs::ui {

QString sha256OfFile(const QString& path, QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    if (error) *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
    return {};
  }
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!hash.addData(&file)) {
    if (error) *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
    return {};
  }
  return QString::fromLatin1(hash.result().toHex());
}

void sha256OfFileAsync(QObject* context, const QString& path,
                       std::function<void(QString, QString)> done) {
  QPointer<QObject> guard(context);
  QThread* thread = QThread::create([guard, path, done = std::move(done)] {
    QString error;
    QString hex = sha256OfFile(path, &error);
    if (!guard) return;
    QMetaObject::invokeMethod(
        guard.data(),
        [guard, done, hex, error] {
          if (guard) done(hex, error);
        },
        Qt::QueuedConnection);
  });
  QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
  thread->start();
}

bool looksLikeSha256(const QString& text) {
  if (text.size() != 64) return false;
  for (const QChar c : text) {
    const char ch = c.toLatin1();
    const bool hex =
        (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    if (!hex) return false;
  }
  return true;
}

}  // namespace drs::ui

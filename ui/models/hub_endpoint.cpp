#include "ui/models/hub_endpoint.h"

#include <QSettings>

namespace drs::ui {

QString hubEndpoint() {
  QString base = QSettings().value(QLatin1String(kSettingsHubEndpoint)).toString().trimmed();
  if (base.isEmpty()) base = qEnvironmentVariable("HF_ENDPOINT").trimmed();
  if (base.isEmpty()) base = QStringLiteral("https://huggingface.co");
  while (base.endsWith(QLatin1Char('/'))) base.chop(1);
  return base;
}

QUrl resolveUrl(const QString& base, const QString& repo, const QString& revision,
                const QString& file) {
  // Each part is percent-encoded on its own so a revision like "refs/pr/1" or a file
  // name with spaces cannot change the path structure.
  const auto enc = [](const QString& part) {
    return QString::fromLatin1(QUrl::toPercentEncoding(part, "/"));
  };
  QString trimmed = base;
  while (trimmed.endsWith(QLatin1Char('/'))) trimmed.chop(1);
  return QUrl(trimmed + QLatin1Char('/') + enc(repo) + QStringLiteral("/resolve/") + enc(revision) +
                  QLatin1Char('/') + enc(file),
              QUrl::StrictMode);
}

QByteArray hubToken() {
  QByteArray token = qgetenv("HF_TOKEN").trimmed();
  if (token.isEmpty())
    token = QSettings().value(QLatin1String(kSettingsHubToken)).toString().trimmed().toUtf8();
  return token;
}

bool isSafeFileName(const QString& name) {
  if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String("..")) return false;
  if (name.size() > 255) return false;
  for (const QChar c : name) {
    if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.unicode() < 0x20) return false;
  }
  return !name.contains(QLatin1String(".."));
}

}  // namespace drs::ui

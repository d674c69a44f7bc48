#include "ui/models/hub_endpoint.h"

#include <QSettings>

#include "drs/model_download.h"
#include "drs/model_install.h"

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
  return QUrl(QString::fromStdString(drs::resolve_url(base.toStdString(), repo.toStdString(),
                                                      revision.toStdString(), file.toStdString())),
              QUrl::StrictMode);
}

QByteArray hubToken() {
  QByteArray token = qgetenv("HF_TOKEN").trimmed();
  if (token.isEmpty())
    token = QSettings().value(QLatin1String(kSettingsHubToken)).toString().trimmed().toUtf8();
  return token;
}

bool isSafeFileName(const QString& name) {
  return !name.contains(QLatin1Char('/')) && drs::is_safe_relative_name(name.toStdString());
}

}  // namespace drs::ui

#include "ui/models/hub_endpoint.h"

#include <QSettings>

#include "drs/model_download.h"

namespace drs::ui {

QString hubEndpoint() {
  const QString chosen =
      QSettings().value(QLatin1String(kSettingsHubEndpoint)).toString().trimmed();
  QString base = chosen.isEmpty() ? QString::fromStdString(drs::hub_endpoint()) : chosen;
  while (base.endsWith(QLatin1Char('/'))) base.chop(1);
  return base;
}

QByteArray hubToken() {
  QByteArray token = QByteArray::fromStdString(drs::hub_token()).trimmed();
  if (token.isEmpty())
    token = QSettings().value(QLatin1String(kSettingsHubToken)).toString().trimmed().toUtf8();
  return token;
}

}  // namespace drs::ui

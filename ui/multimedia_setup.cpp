#include "ui/multimedia_setup.h"

#include <QByteArray>
#include <QtGlobal>

namespace drs::ui {

void keep_gstreamer_from_forking() {
  if (!qEnvironmentVariableIsSet("GST_REGISTRY_FORK"))
    qputenv("GST_REGISTRY_FORK", QByteArrayLiteral("no"));
}

}  // namespace drs::ui

#include "ui/system/desktop_buses.h"

#include <QGuiApplication>

namespace drs::ui {

DesktopBuses DesktopBuses::standard() {
  // Offscreen (tests, rendering) has no desktop: nothing to keep awake or notify, and a
  // developer's own desktop must not get a test's notifications.
  if (QGuiApplication::platformName() == QLatin1String("offscreen")) return none();
  return {QDBusConnection::systemBus(), QDBusConnection::sessionBus()};
}

DesktopBuses DesktopBuses::none() {
  // A name no connection was opened under: a connection object that is not connected.
  return {QDBusConnection(QStringLiteral("drs-no-system-bus")),
          QDBusConnection(QStringLiteral("drs-no-session-bus"))};
}

}  // namespace drs::ui

#include "ui/system/desktop_buses.h"

namespace drs::ui {

DesktopBuses DesktopBuses::standard() {
  return {QDBusConnection::systemBus(), QDBusConnection::sessionBus()};
}

}  // namespace drs::ui

// The two D-Bus connections the desktop integration talks to: the system bus (logind)
// and the session bus (screen saver, notifications). Passed in, so tests run the same
// code against private bus daemons.
#pragma once

#include <QDBusConnection>

namespace drs::ui {

struct DesktopBuses {
  QDBusConnection system;
  QDBusConnection session;

  // The user's real buses (not connected when there is none: every call then fails
  // quickly and nothing else happens).
  static DesktopBuses standard();
};

}  // namespace drs::ui

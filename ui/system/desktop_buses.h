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
  // quickly and nothing else happens); none() under the offscreen platform.
  static DesktopBuses standard();
  // Two connections that are not connected.
  static DesktopBuses none();
};

}  // namespace drs::ui

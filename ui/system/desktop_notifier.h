// Desktop notifications (org.freedesktop.Notifications.Notify on the session bus),
// sent without waiting for an answer; with no notification service nothing happens.
#pragma once

#include <QObject>
#include <QString>

#include "ui/system/desktop_buses.h"

namespace drs::ui {

class DesktopNotifier : public QObject {
  Q_OBJECT
 public:
  explicit DesktopNotifier(DesktopBuses buses, QObject* parent = nullptr);

  // Shows `title` and `body` (plain text) with the app's icon; a later notification
  // replaces the earlier one, so a queue of runs leaves one bubble, not a stack.
  void notify(const QString& title, const QString& body);

 private:
  DesktopBuses buses_;
  uint replaces_ = 0;  // the id the server gave the last notification
};

}  // namespace drs::ui

// Keeps the computer from going to sleep while a long run is going, through the
// desktop's D-Bus interfaces: logind's "sleep" inhibitor lock on the system bus (held
// as a file descriptor until it is closed), else the session's screen saver inhibition
// (org.freedesktop.ScreenSaver, then org.freedesktop.PowerManagement; a cookie handed
// back with UnInhibit). All calls are asynchronous: the window never waits for a bus.
#pragma once

#include <QDBusUnixFileDescriptor>
#include <QObject>
#include <QString>

#include "ui/system/desktop_buses.h"

namespace drs::ui {

class SleepInhibitor : public QObject {
  Q_OBJECT
 public:
  enum class Method { None, Login1, ScreenSaver, PowerManagement };

  explicit SleepInhibitor(DesktopBuses buses, QObject* parent = nullptr);
  ~SleepInhibitor() override;
  SleepInhibitor(const SleepInhibitor&) = delete;
  SleepInhibitor& operator=(const SleepInhibitor&) = delete;

  // Asks for an inhibition (no-op while one is wanted already); `why` is shown by the
  // desktop (e.g. in "systemd-inhibit --list" or the logout dialog).
  void inhibit(const QString& why);
  // Gives it back, also when the answer to inhibit() has not arrived yet.
  void release();

  [[nodiscard]] bool wanted() const { return wanted_; }
  // What holds the computer awake now (None while asking or after a release).
  [[nodiscard]] Method method() const { return method_; }

 Q_SIGNALS:
  // method() changed: held (with how) or released; None after every method failed too.
  void changed(drs::ui::SleepInhibitor::Method method);

 private:
  void tryMethod(Method method);
  void onReply(Method method, const QDBusMessage& reply);
  void giveBack();
  void setMethod(Method method);

  DesktopBuses buses_;
  QString why_;
  bool wanted_ = false;
  quint64 request_ = 0;  // numbers the inhibit() calls, so a late answer is recognised
  Method method_ = Method::None;
  QDBusUnixFileDescriptor lock_;  // logind: the inhibition lasts while this is open
  uint cookie_ = 0;               // screen saver / power management
};

}  // namespace drs::ui

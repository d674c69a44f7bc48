// Small real implementations of the desktop services a run talks to, exported on a
// (private) bus by the test: logind's Inhibit (hands out the write end of a pipe, so
// the test sees the lock's release as the pipe's hang-up), the screen saver's and the
// power manager's Inhibit/UnInhibit, and the notification server's Notify.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include <QDBusUnixFileDescriptor>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QVariantMap>

#include <vector>

namespace drs::test {

class FakeLogin1 : public QObject {
  Q_OBJECT
  Q_CLASSINFO("D-Bus Interface", "org.freedesktop.login1.Manager")
 public:
  ~FakeLogin1() override {
    for (const int fd : read_ends_) ::close(fd);
  }
  QStringList last_call;  // what, who, why, mode

  [[nodiscard]] int locks_given() const { return static_cast<int>(read_ends_.size()); }
  // Every descriptor handed out has been closed by everyone who got a copy.
  [[nodiscard]] bool lock_released(int index) const {
    pollfd fd{.fd = read_ends_.at(static_cast<std::size_t>(index)), .events = 0, .revents = 0};
    return ::poll(&fd, 1, 0) == 1 && (fd.revents & POLLHUP) != 0;
  }

 public Q_SLOTS:
  QDBusUnixFileDescriptor Inhibit(const QString& what, const QString& who, const QString& why,
                                  const QString& mode) {
    last_call = {what, who, why, mode};
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC) != 0) return {};
    read_ends_.push_back(fds[0]);
    QDBusUnixFileDescriptor lock(fds[1]);  // keeps its own duplicate
    ::close(fds[1]);
    return lock;
  }

 private:
  std::vector<int> read_ends_;
};

// The cookie protocol of org.freedesktop.ScreenSaver and PowerManagement.Inhibit.
class CookieInhibitor : public QObject {
  Q_OBJECT
 public:
  int inhibits = 0;
  QSet<uint> active;  // cookies not handed back yet

 public Q_SLOTS:
  uint Inhibit(const QString& /*application*/, const QString& /*reason*/) {
    ++inhibits;
    active.insert(++last_cookie_);
    return last_cookie_;
  }
  void UnInhibit(uint cookie) { active.remove(cookie); }

 private:
  uint last_cookie_ = 100;
};

class FakeScreenSaver : public CookieInhibitor {
  Q_OBJECT
  Q_CLASSINFO("D-Bus Interface", "org.freedesktop.ScreenSaver")
};

class FakePowerManagement : public CookieInhibitor {
  Q_OBJECT
  Q_CLASSINFO("D-Bus Interface", "org.freedesktop.PowerManagement.Inhibit")
};

class FakeNotifications : public QObject {
  Q_OBJECT
  Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
 public:
  struct Shown {
    QString app_name;
    QString icon;
    QString summary;
    QString body;
    QVariantMap hints;
  };
  std::vector<Shown> shown;

 public Q_SLOTS:
  uint Notify(const QString& app_name, uint replaces_id, const QString& app_icon,
              const QString& summary, const QString& body, const QStringList& /*actions*/,
              const QVariantMap& hints, int /*expire_timeout*/) {
    shown.push_back({app_name, app_icon, summary, body, hints});
    return replaces_id != 0 ? replaces_id : static_cast<uint>(shown.size());
  }
};

}  // namespace drs::test

#include "ui/system/sleep_inhibitor.h"

#include <QCoreApplication>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>

namespace drs::ui {
namespace {

// Long enough for logind to ask polkit, short enough that a hung service does not
// leave the request open for the whole run.
constexpr int kCallTimeoutMs = 5000;

struct Endpoint {
  const char* service;
  const char* path;
  const char* interface;
};

Endpoint endpoint(SleepInhibitor::Method method) {
  switch (method) {
    case SleepInhibitor::Method::Login1:
      return {"org.freedesktop.login1", "/org/freedesktop/login1",
              "org.freedesktop.login1.Manager"};
    case SleepInhibitor::Method::ScreenSaver:
      return {"org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
              "org.freedesktop.ScreenSaver"};
    case SleepInhibitor::Method::PowerManagement:
    case SleepInhibitor::Method::None: break;
  }
  return {"org.freedesktop.PowerManagement", "/org/freedesktop/PowerManagement/Inhibit",
          "org.freedesktop.PowerManagement.Inhibit"};
}

QDBusMessage method_call(SleepInhibitor::Method method, const char* member) {
  const auto where = endpoint(method);
  return QDBusMessage::createMethodCall(QLatin1String(where.service), QLatin1String(where.path),
                                        QLatin1String(where.interface), QLatin1String(member));
}

SleepInhibitor::Method next(SleepInhibitor::Method method) {
  switch (method) {
    case SleepInhibitor::Method::Login1: return SleepInhibitor::Method::ScreenSaver;
    case SleepInhibitor::Method::ScreenSaver: return SleepInhibitor::Method::PowerManagement;
    default: return SleepInhibitor::Method::None;
  }
}

}  // namespace

SleepInhibitor::SleepInhibitor(DesktopBuses buses, QObject* parent)
    : QObject(parent), buses_(std::move(buses)) {}

SleepInhibitor::~SleepInhibitor() {
  giveBack();
}

void SleepInhibitor::inhibit(const QString& why) {
  if (wanted_) return;
  wanted_ = true;
  why_ = why;
  ++request_;
  tryMethod(Method::Login1);
}

void SleepInhibitor::release() {
  if (!wanted_) return;
  wanted_ = false;
  ++request_;  // an answer still on its way is given back when it comes
  giveBack();
  setMethod(Method::None);
}

void SleepInhibitor::tryMethod(Method method) {
  const QString who = QCoreApplication::applicationName();
  QDBusMessage call = method_call(method, "Inhibit");
  if (method == Method::Login1)
    call << QStringLiteral("sleep") << who << why_ << QStringLiteral("block");
  else
    call << who << why_;
  const QDBusConnection& bus = method == Method::Login1 ? buses_.system : buses_.session;
  if (!bus.isConnected()) {  // no bus at all: Qt would never answer the call
    onReply(method, call.createErrorReply(QDBusError::Disconnected, bus.lastError().message()));
    return;
  }
  auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, kCallTimeoutMs), this);
  connect(watcher, &QDBusPendingCallWatcher::finished, this,
          [this, watcher, method, request = request_] {
            watcher->deleteLater();
            const QDBusMessage reply = watcher->reply();
            if (request == request_) {
              onReply(method, reply);
              return;
            }
            // Released (or asked again) meanwhile: hand back what this answer granted.
            if (reply.type() == QDBusMessage::ReplyMessage && method != Method::Login1 &&
                !reply.arguments().isEmpty()) {
              QDBusMessage undo = method_call(method, "UnInhibit");
              undo << reply.arguments().constFirst().toUInt();
              buses_.session.asyncCall(undo, kCallTimeoutMs);
            }  // logind: the descriptor in `reply` closes with it
          });
}

void SleepInhibitor::onReply(Method method, const QDBusMessage& reply) {
  const bool granted = reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty();
  if (granted && method == Method::Login1) {
    lock_ = reply.arguments().constFirst().value<QDBusUnixFileDescriptor>();
    if (lock_.isValid()) return setMethod(method);
  } else if (granted) {
    cookie_ = reply.arguments().constFirst().toUInt();
    return setMethod(method);
  }
  const Method fallback = next(method);
  if (fallback == Method::None) return setMethod(Method::None);
  tryMethod(fallback);
}

void SleepInhibitor::giveBack() {
  lock_ = QDBusUnixFileDescriptor();  // closes our descriptor: logind drops the lock
  if (method_ == Method::ScreenSaver || method_ == Method::PowerManagement) {
    QDBusMessage undo = method_call(method_, "UnInhibit");
    undo << cookie_;
    buses_.session.asyncCall(undo, kCallTimeoutMs);
  }
  cookie_ = 0;
}

void SleepInhibitor::setMethod(Method method) {
  const bool same = method == method_;
  method_ = method;
  if (!same || method == Method::None) Q_EMIT changed(method);
}

}  // namespace drs::ui

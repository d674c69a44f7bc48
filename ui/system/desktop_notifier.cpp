#include "ui/system/desktop_notifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QGuiApplication>
#include <QVariantMap>

namespace drs::ui {
namespace {

constexpr int kCallTimeoutMs = 5000;
constexpr int kServerDefaultExpiry = -1;

}  // namespace

DesktopNotifier::DesktopNotifier(DesktopBuses buses, QObject* parent)
    : QObject(parent), buses_(std::move(buses)) {}

void DesktopNotifier::notify(const QString& title, const QString& body) {
  if (!buses_.session.isConnected()) return;  // no session bus: nobody to show it
  QDBusMessage call = QDBusMessage::createMethodCall(
      QStringLiteral("org.freedesktop.Notifications"),
      QStringLiteral("/org/freedesktop/Notifications"),
      QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
  // The icon and desktop entry share the application id (packaging/linux/*.desktop).
  const QString app_id = QGuiApplication::desktopFileName();
  QVariantMap hints;
  if (!app_id.isEmpty()) hints.insert(QStringLiteral("desktop-entry"), app_id);
  call << QGuiApplication::applicationDisplayName() << replaces_ << app_id << title << body
       << QStringList() << hints << kServerDefaultExpiry;
  auto* watcher = new QDBusPendingCallWatcher(buses_.session.asyncCall(call, kCallTimeoutMs), this);
  connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
    watcher->deleteLater();
    const QDBusMessage reply = watcher->reply();
    if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty())
      replaces_ = reply.arguments().constFirst().toUInt();
  });
}

}  // namespace drs::ui

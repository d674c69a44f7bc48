#include "ui/draft_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace drs::ui {
namespace {
constexpr int kDebounceMs = 400;
}

DraftStore::DraftStore(QObject* parent) : QObject(parent) {
  debounce_.setSingleShot(true);
  debounce_.setInterval(kDebounceMs);
  connect(&debounce_, &QTimer::timeout, this, &DraftStore::flush);
}

DraftStore::~DraftStore() {
  flush();
}

QString DraftStore::draftPath() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
         QStringLiteral("/draft.lrc");
}

std::optional<Draft> DraftStore::load() {
  QSettings settings;
  if (!settings.contains(QStringLiteral("draft/saved"))) return std::nullopt;
  Draft draft;
  QFile file(draftPath());
  if (file.open(QIODevice::ReadOnly)) draft.lyrics = QString::fromUtf8(file.readAll());
  draft.style = settings.value(QStringLiteral("draft/style")).toString();
  draft.preset = settings.value(QStringLiteral("draft/preset"), draft.preset).toString();
  draft.seconds = settings.value(QStringLiteral("draft/seconds"), draft.seconds).toDouble();
  draft.random_seed = settings.value(QStringLiteral("draft/random_seed"), true).toBool();
  draft.seed = settings.value(QStringLiteral("draft/seed"), 0).toULongLong();
  return draft;
}

void DraftStore::schedule(const Draft& draft) {
  pending_ = draft;
  dirty_ = true;
  debounce_.start();
}

void DraftStore::flush() {
  debounce_.stop();
  if (!dirty_) return;
  dirty_ = false;
  const bool ok = save(pending_);
  if (ok) Q_EMIT saved();
}

bool DraftStore::save(const Draft& draft) {
  QDir().mkpath(QFileInfo(draftPath()).absolutePath());
  QSaveFile file(draftPath());
  bool ok =
      file.open(QIODevice::WriteOnly) && file.write(draft.lyrics.toUtf8()) >= 0 && file.commit();
  QSettings settings;
  settings.setValue(QStringLiteral("draft/saved"), true);
  settings.setValue(QStringLiteral("draft/style"), draft.style);
  settings.setValue(QStringLiteral("draft/preset"), draft.preset);
  settings.setValue(QStringLiteral("draft/seconds"), draft.seconds);
  settings.setValue(QStringLiteral("draft/random_seed"), draft.random_seed);
  settings.setValue(QStringLiteral("draft/seed"), draft.seed);
  settings.sync();
  return ok && settings.status() == QSettings::NoError;
}

}  // namespace drs::ui

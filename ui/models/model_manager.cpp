#include "ui/models/model_manager.h"

#include <QSettings>

#include "drs/model_set.h"
#include "drs/model_store.h"
#include "ui/models/first_run_offer.h"

namespace drs::ui {

QString firstInstalledSet(const QString& storeDir) {
  // The engine's rule (drs::preferred_model_set), so the GUI and the CLI pick the same set.
  const auto chosen = preferred_model_set(storeDir.toStdString());
  return chosen ? QString::fromStdString(chosen->string()) : QString();
}

QString modelSetToLoad() {
  if (const auto fixed = model_set_override()) return QString::fromStdString(fixed->string());
  return firstInstalledSet(modelStoreDir());
}

bool modelSetFixedByEnvironment() {
  return model_set_override().has_value();
}

bool offerModelsIfNeeded(QWidget* parent) {
  const QString store = modelStoreDir();
  if (hasRealModels(store)) return false;
  if (QSettings().value(QLatin1String(kSettingsFirstRunDismissed)).toBool()) return false;
  FirstRunDialog dialog(store, parent);
  dialog.exec();
  return hasRealModels(store);
}

}  // namespace drs::ui

#include "ui/models/model_manager.h"

#include <QSettings>

#include "ui/models/first_run_offer.h"

namespace drs::ui {

QString firstInstalledSet(const QString& storeDir) {
  for (const InstalledSet& set : installedSets(storeDir))
    if (set.usable() && !set.manifest.isDemo) return set.folder;
  return {};
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

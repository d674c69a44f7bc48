#include "ui/models/model_manager.h"

#include <QSettings>

#include "ui/models/first_run_offer.h"

namespace drs::ui {

QString firstInstalledSet(const QString& storeDir) {
  // As drs::default_model_dir(): the full model (longer songs) before the base one.
  QString best;
  int bestFrames = -1;
  for (const InstalledSet& set : installedSets(storeDir)) {
    if (!set.usable() || set.manifest.isDemo) continue;
    const int frames = set.manifest.maxFrames > 0                        ? set.manifest.maxFrames
                       : set.manifest.id.contains(QLatin1String("full")) ? 6144
                                                                         : 2048;
    if (frames > bestFrames) {
      best = set.folder;
      bestFrames = frames;
    }
  }
  return best;
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

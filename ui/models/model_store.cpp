#include "ui/models/model_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <filesystem>

#include "drs/error.h"
#include "drs/model_install.h"
#include "drs/model_set.h"
#include "drs/model_store.h"
#include "ui/models/catalog_text.h"
#include "ui/models/hub_endpoint.h"

namespace drs::ui {

QString defaultModelStoreDir() {
  return qs(builtin_model_store().string());
}

QString modelStoreDir(const QStringList& arguments) {
  for (qsizetype i = 1; i < arguments.size(); ++i) {
    const QString& arg = arguments[i];
    if (arg == QLatin1String("--models") && i + 1 < arguments.size())
      return QDir::cleanPath(QFileInfo(arguments[i + 1]).absoluteFilePath());
    if (arg.startsWith(QLatin1String("--models=")))
      return QDir::cleanPath(QFileInfo(arg.mid(9)).absoluteFilePath());
  }
  // A choice only an older version recorded (in the settings) moves to the shared file.
  const QString setting = QSettings().value(QLatin1String(kSettingsStoreDir)).toString();
  if (!setting.isEmpty() && !std::filesystem::exists(model_store_config_file())) {
    try {
      save_model_store_dir(setting.toStdString());
    } catch (const Error&) {
      return QDir::cleanPath(setting);  // unwritable config folder: the setting still applies
    }
  }
  return QDir::cleanPath(QFileInfo(qs(default_model_store().string())).absoluteFilePath());
}

QString modelStoreDir() {
  return modelStoreDir(QCoreApplication::instance() ? QCoreApplication::arguments()
                                                    : QStringList{});
}

void setModelStoreDir(const QString& dir) {
  save_model_store_dir(dir.toStdString());
  QSettings().setValue(QLatin1String(kSettingsStoreDir), dir);
}

QList<InstalledSet> installedSets(const QString& storeDir) {
  QList<InstalledSet> sets;
  for (StoreEntry& entry : scan_model_store(storeDir.toStdString())) {
    InstalledSet set;
    set.folder = qs(entry.folder.string());
    set.manifest = std::move(entry.manifest);
    for (const std::string& problem : entry.problems) set.problems.append(qs(problem));
    sets.append(std::move(set));
  }
  return sets;
}

bool hasRealModels(const QString& storeDir) {
  for (const InstalledSet& set : installedSets(storeDir))
    if (set.usable() && !set.manifest.is_demo && !set.manifest.is_component) return true;
  return false;
}

QString setFolder(const QString& storeDir, const QString& id) {
  try {
    return qs(install_folder(storeDir.toStdString(), id.toStdString()).string());
  } catch (const Error&) {
    return {};
  }
}

}  // namespace drs::ui

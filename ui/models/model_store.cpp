#include "ui/models/model_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include "ui/models/hub_endpoint.h"

namespace drs::ui {

QString defaultModelStoreDir() {
  // The app's data folder as the engine and the CLI compute it (drs::default_model_store:
  // $XDG_DATA_HOME or ~/.local/share, then "DiffRhythm Studio/models"), so sets installed
  // here are found by diffrhythm-cli too. Qt's AppDataLocation would add the
  // organisation name as an extra folder level.
  return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
      .filePath(QStringLiteral("DiffRhythm Studio/models"));
}

QString modelStoreDir(const QStringList& arguments) {
  for (qsizetype i = 1; i < arguments.size(); ++i) {
    const QString& arg = arguments[i];
    if (arg == QLatin1String("--models") && i + 1 < arguments.size())
      return QDir::cleanPath(QFileInfo(arguments[i + 1]).absoluteFilePath());
    if (arg.startsWith(QLatin1String("--models=")))
      return QDir::cleanPath(QFileInfo(arg.mid(9)).absoluteFilePath());
  }
  if (const QString env = qEnvironmentVariable("DRS_MODELS_DIR"); !env.isEmpty())
    return QDir::cleanPath(QFileInfo(env).absoluteFilePath());
  if (const QString setting = QSettings().value(QLatin1String(kSettingsStoreDir)).toString();
      !setting.isEmpty())
    return QDir::cleanPath(setting);
  return defaultModelStoreDir();
}

QString modelStoreDir() {
  return modelStoreDir(QCoreApplication::instance() ? QCoreApplication::arguments()
                                                    : QStringList{});
}

QList<InstalledSet> installedSets(const QString& storeDir) {
  QList<InstalledSet> sets;
  const QDir store(storeDir);
  QFileInfoList folders = store.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
  // $DRS_MODELS_DIR / --models may name one set folder instead of a store.
  if (QFileInfo::exists(store.filePath(QLatin1String(kManifestFileName))))
    folders = {QFileInfo(store.absolutePath())};
  for (const QFileInfo& folder : folders) {
    const QString manifestPath =
        QDir(folder.absoluteFilePath()).filePath(QLatin1String(kManifestFileName));
    if (!QFileInfo::exists(manifestPath)) continue;
    InstalledSet set;
    set.folder = folder.absoluteFilePath();
    QString error;
    if (!readManifest(manifestPath, &set.manifest, &error)) {
      set.problems.append(error);
    } else {
      for (const ManifestFile& f : set.manifest.files) {
        const QFileInfo info(QDir(set.folder).filePath(f.name));
        if (!isSafeFileName(f.name) || !info.isFile())
          set.problems.append(QStringLiteral("%1 is missing").arg(f.name));
        else if (f.size > 0 && info.size() != f.size)
          set.problems.append(QStringLiteral("%1 has %2 bytes, expected %3")
                                  .arg(f.name)
                                  .arg(info.size())
                                  .arg(f.size));
      }
    }
    sets.append(std::move(set));
  }
  return sets;
}

bool hasRealModels(const QString& storeDir) {
  for (const InstalledSet& set : installedSets(storeDir))
    if (set.usable() && !set.manifest.isDemo) return true;
  return false;
}

QString setFolder(const QString& storeDir, const QString& id) {
  if (!isSafeFileName(id)) return {};
  return QDir(storeDir).filePath(id);
}

}  // namespace drs::ui

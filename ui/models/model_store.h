// The model store: one folder holding one subfolder (with manifest.json) per installed
// model set. Its location: `--models DIR` on the command line, else $DRS_MODELS_DIR,
// else the settings key models/storeDir, else <GenericDataLocation>/DiffRhythm Studio/models
// (= the engine's drs::default_model_store(), so the CLI finds the same sets).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "ui/models/manifest.h"

namespace drs::ui {

struct InstalledSet {
  QString folder;  // absolute path of the set's folder
  Manifest manifest;
  QStringList problems;  // files missing or with another size than recorded
  [[nodiscard]] bool usable() const { return problems.isEmpty(); }
};

// <GenericDataLocation>/DiffRhythm Studio/models (~/.local/share/... on Linux).
QString defaultModelStoreDir();
// The store in effect, resolved as described above from `arguments` (normally
// QCoreApplication::arguments()).
QString modelStoreDir(const QStringList& arguments);
QString modelStoreDir();

// Every subfolder of `storeDir` with a readable manifest (or `storeDir` itself when it
// is a set folder), checked against its files
// (sizes only: hashing gigabytes at start-up would be too slow).
QList<InstalledSet> installedSets(const QString& storeDir);

// True when a usable, non-demo set is installed.
bool hasRealModels(const QString& storeDir);

// The set folder `<storeDir>/<id>` after checking `id` is a plain folder name.
// Empty if `id` is not safe.
QString setFolder(const QString& storeDir, const QString& id);

}  // namespace drs::ui

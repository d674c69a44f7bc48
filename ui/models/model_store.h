// The model store as the GUI sees it. Its location is the engine's
// (drs::default_model_store(): $DRS_MODELS_DIR, else the folder recorded in
// ~/.config/DiffRhythmStudio/models.json, else ~/.local/share/DiffRhythm Studio/models),
// which the CLI reads too; `--models DIR` on the app's command line comes first, and
// the settings key models/storeDir only mirrors the config file (a value found there
// alone, from an older version, is moved into it).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "drs/model_manifest.h"

namespace drs::ui {

struct InstalledSet {
  QString folder;  // absolute path of the set's folder
  Manifest manifest;
  QStringList problems;  // files missing or with another size than recorded
  [[nodiscard]] bool usable() const { return problems.isEmpty(); }
};

// The built-in default (~/.local/share/DiffRhythm Studio/models on Linux).
QString defaultModelStoreDir();
// The store in effect, resolved as described above from `arguments` (normally
// QCoreApplication::arguments()).
QString modelStoreDir(const QStringList& arguments);
QString modelStoreDir();
// Records the user's choice for the GUI and the CLI (config file + settings mirror).
void setModelStoreDir(const QString& dir);

// The engine's drs::scan_model_store(storeDir) in Qt types: every set folder with a
// manifest (or `storeDir` itself when it is one), damaged ones and stand-alone components
// (chinese-lyrics) included, checked against their files by size.
QList<InstalledSet> installedSets(const QString& storeDir);

// True when a usable, non-demo set is installed.
bool hasRealModels(const QString& storeDir);

// The set folder `<storeDir>/<id>` after checking `id` is a plain folder name.
// Empty if `id` is not safe.
QString setFolder(const QString& storeDir, const QString& id);

}  // namespace drs::ui

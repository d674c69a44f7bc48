// "I already have the files": find a model set's files in a folder the user names (a
// plain folder, a Hugging Face cache repo folder `models--ORG--NAME/snapshots/<rev>/`,
// or a whole hub cache holding several of those), check every file (format, tensor
// names and shapes, pinned sizes and digests) before anything is copied or linked,
// then install it into the store: hard links where possible, copies otherwise,
// official .pt checkpoints converted once to safetensors, manifest written last.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

#include "ui/models/manifest.h"
#include "ui/models/model_catalog.h"

namespace drs::ui {

struct ImportItem {
  CatalogFile file;  // what the catalogue expects
  QString componentId;
  QString sourcePath;             // where it was found
  bool alreadyConverted = false;  // found as the safetensors form (convertedName)
  QString sha256;                 // computed during the check
};

struct ImportPlan {
  QString setId;
  QString sourceFolder;
  QList<ImportItem> items;
  QStringList errors;    // anything here blocks the import
  QStringList warnings;  // e.g. digest not pinned
  [[nodiscard]] bool ok() const { return errors.isEmpty(); }
};

// Locates and checks the files of `set` under `folder`. Hashes every file found
// (minutes for a full set): call it off the GUI thread for real models.
ImportPlan planImport(const QString& folder, const CatalogSet& set);

// The folder holding repo `repo`'s files under `folder` (a snapshot of a hub cache,
// the folder itself, ...), or empty. `models--ORG--NAME` folders resolve through
// refs/main when present, else the most recent snapshot.
QString findRepoSnapshot(const QString& folder, const QString& repo);

// Checks one file's content against its catalogue entry; empty when fine, else the
// reason (naming the tensor for safetensors files).
QString checkFileFormat(const QString& path, FileFormat format);

// Installs a checked plan into `<storeDir>/<setId>` and writes its manifest. Returns
// false with *error on failure (nothing half-installed is left behind).
// `status` receives short progress lines ("Converting cfm_model.pt ...").
bool executeImport(const ImportPlan& plan, const CatalogSet& set, const QString& storeDir,
                   QString* error, const std::function<void(const QString&)>& status = {});

// Shared by downloads and imports: converts the .pt files of `items` (now in `folder`
// under their local names) and writes the manifest. Items are updated in place.
bool finishSetFolder(const QString& folder, const CatalogSet& set, QList<ManifestFile>* files,
                     const QString& source, QString* error,
                     const std::function<void(const QString&)>& status = {});

}  // namespace drs::ui

// manifest.json of one installed model set: what it is, every file with size, SHA-256,
// source and format, when and how it was installed, and the licences that apply.
// The engine reads the same file to find the set's files (see drs/model_set.h once it
// exists); the install-time fields here are ignored by it.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "ui/models/model_catalog.h"

namespace drs::ui {

inline constexpr const char* kManifestFileName = "manifest.json";

struct ManifestFile {
  QString name;  // flat name inside the set folder
  qint64 size = 0;
  QString sha256;
  bool sha256Verified = false;  // checked against a pinned or hub-published digest
  QString sourceUrl;            // empty for imports
  QString format;               // "safetensors", "torchscript", "json", ...
  QString component;            // catalogue component id
  QString convertedFrom;        // original file this one was converted from, if any
};

struct ManifestLicence {
  QString component;
  QString title;
  QString name;
  QString url;
  QString note;
};

struct Manifest {
  QString id;  // catalogue set id, e.g. "diffrhythm-1_2-base"
  QString name;
  QString description;
  bool isDemo = false;
  int maxFrames =
      0;           // 2048 (base) / 6144 (full); 0 = not stated (the engine infers it from the id)
  QString source;  // "download" or "import"
  QDateTime installed;
  QList<ManifestFile> files;
  QList<ManifestLicence> licences;
};

QString formatName(FileFormat format);

// Throws nothing: returns false and sets *error on unreadable or malformed JSON.
bool readManifest(const QString& path, Manifest* manifest, QString* error);
// Written atomically (QSaveFile).
bool writeManifest(const QString& path, const Manifest& manifest, QString* error);

// The licences of a catalogue set, ready for a manifest.
QList<ManifestLicence> licencesOf(const CatalogSet& set);

}  // namespace drs::ui

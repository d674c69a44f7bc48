// The model sets the app knows how to install: which Hugging Face files make up each
// set, what we know about them in advance (size, SHA-256 where pinned) and under which
// licence each part is published. Facts from MODEL.md §7.1 / §7.4.
#pragma once

#include <QList>
#include <QString>

namespace drs::ui {

enum class FileFormat { Json, TorchPickle, TorchScript, Safetensors, SentencePiece };

// Which tensor names/shapes the (converted) weights must hold, checked before install.
enum class TensorSpec { None, DitBase, DitFull };

struct CatalogFile {
  QString repo;       // "org/name"
  QString revision;   // "main" unless pinned
  QString file;       // path inside the repo
  QString localName;  // flat name inside the set folder (repos share names like config.json)
  FileFormat format = FileFormat::Json;
  qint64 approxSize = 0;  // for the licence page and the disk-space check before the hub answers
  qint64 exactSize =
      -1;  // pinned byte size, -1 = take it from the hub (X-Linked-Size / Content-Length)
  // Pinned SHA-256 (64 hex). Empty = take the hub's X-Linked-Etag / ETag, which for
  // LFS files is the SHA-256 of the content. Where only part of the digest is
  // published (MODEL.md gives 8 leading and 4 trailing hex digits for two files) the
  // hub's value must also agree with these.
  QString sha256;
  QString sha256Prefix;
  QString sha256Suffix;
  // Official .pt checkpoints are converted once into this safetensors name (empty = keep).
  QString convertedName;
  QString checkpointKey;  // top-level key holding the state dict ("" = the file is the dict)
  TensorSpec tensorSpec = TensorSpec::None;
  QString configName;  // local name of the config.json the tensor shapes derive from
};

struct Licence {
  QString name;  // "Apache-2.0"
  QString url;
  QString note;  // what it means for the user's songs
};

struct CatalogComponent {
  QString id;     // "dit-base", "vae", ...
  QString title;  // "DiffRhythm 1.2 DiT (base, 95 s)"
  Licence licence;
  QList<CatalogFile> files;
};

struct CatalogSet {
  QString id;  // folder name in the store
  QString title;
  QString description;
  QList<CatalogComponent> components;
  [[nodiscard]] qint64 approxBytes() const;
  [[nodiscard]] QList<CatalogFile> files() const;
};

// Every installable set, in the order offered to the user (the base set first).
const QList<CatalogSet>& modelCatalog();
// The set with `id`, nullptr if unknown.
const CatalogSet* findCatalogSet(const QString& id);

// "2.22 GB", "625 MB", "247 B".
QString formatBytes(qint64 bytes);

}  // namespace drs::ui

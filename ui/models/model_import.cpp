#include "ui/models/model_import.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <filesystem>
#include <system_error>

#include "drs/error.h"
#include "ui/models/checkpoint_conversion.h"
#include "ui/models/dit_tensor_spec.h"
#include "ui/models/hub_endpoint.h"
#include "ui/models/model_store.h"
#include "ui/models/safetensors_header.h"
#include "ui/models/sha256_file.h"

namespace drs::ui {
namespace {

constexpr int kBaseMaxFrames = 2048;  // 95 s
constexpr int kFullMaxFrames = 6144;  // up to 285 s

// Translatable strings of this file (lupdate context drs::ui::ModelImport).
struct Text {
  Q_DECLARE_TR_FUNCTIONS(drs::ui::ModelImport)
};

QString cacheFolderName(const QString& repo) {
  return QStringLiteral("models--") + QString(repo).replace(QLatin1Char('/'), QStringLiteral("--"));
}

// A hub cache repo folder -> the snapshot refs/main names, else the newest one.
QString snapshotOf(const QString& cacheRepoFolder) {
  const QDir snapshots(QDir(cacheRepoFolder).filePath(QStringLiteral("snapshots")));
  if (!snapshots.exists()) return {};
  QFile ref(QDir(cacheRepoFolder).filePath(QStringLiteral("refs/main")));
  if (ref.open(QIODevice::ReadOnly)) {
    const QString commit = QString::fromLatin1(ref.readAll()).trimmed();
    if (isSafeFileName(commit) && snapshots.exists(commit)) return snapshots.filePath(commit);
  }
  const auto revs = snapshots.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
  return revs.isEmpty() ? QString() : revs.first().absoluteFilePath();
}

bool hasZipMagic(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) && file.read(4) == QByteArray("PK\x03\x04", 4);
}

int countSameName(const CatalogSet& set, const QString& name) {
  int n = 0;
  for (const CatalogFile& f : set.files()) n += f.file == name ? 1 : 0;
  return n;
}

// Where `f` is under `folder`: the hub-cache layout first, then flat names.
ImportItem locate(const QString& folder, const CatalogSet& set, const CatalogComponent& component,
                  const CatalogFile& f) {
  ImportItem item{f, component.id, {}, false, {}};
  QStringList dirs;
  if (const QString snapshot = findRepoSnapshot(folder, f.repo); !snapshot.isEmpty())
    dirs.append(snapshot);
  dirs.append(folder);
  for (const QString& dir : dirs) {
    const QDir d(dir);
    const bool inSnapshot = dir != folder;
    if (!f.convertedName.isEmpty() && QFileInfo(d.filePath(f.convertedName)).isFile()) {
      item.sourcePath = d.filePath(f.convertedName);
      item.alreadyConverted = true;
      return item;
    }
    QStringList names{f.localName};
    // A plain name like config.json only identifies the file inside its repo's snapshot.
    if (inSnapshot || countSameName(set, f.file) == 1) names.prepend(f.file);
    for (const QString& name : names) {
      if (QFileInfo(d.filePath(name)).isFile()) {
        item.sourcePath = d.filePath(name);
        return item;
      }
    }
  }
  return item;
}

QString checkItem(ImportItem* item) {
  const CatalogFile& f = item->file;
  const QString shown = QFileInfo(item->sourcePath).fileName();
  const FileFormat format = item->alreadyConverted ? FileFormat::Safetensors : f.format;
  if (const QString problem = checkFileFormat(item->sourcePath, format); !problem.isEmpty())
    return problem;
  const QFileInfo info(item->sourcePath);
  if (!item->alreadyConverted && f.exactSize >= 0 && info.size() != f.exactSize)
    return Text::tr("%1 has %2 bytes, expected %3").arg(shown).arg(info.size()).arg(f.exactSize);
  QString error;
  item->sha256 = sha256OfFile(item->sourcePath, &error);
  if (item->sha256.isEmpty()) return error;
  if (item->alreadyConverted) return {};
  const bool fullOk = f.sha256.isEmpty() || f.sha256.toLower() == item->sha256;
  const bool partOk = item->sha256.startsWith(f.sha256Prefix.toLower()) &&
                      item->sha256.endsWith(f.sha256Suffix.toLower());
  if (!fullOk || !partOk)
    return Text::tr("%1: SHA-256 %2 does not match the published digest (%3)")
        .arg(shown, item->sha256,
             f.sha256.isEmpty() ? f.sha256Prefix + QStringLiteral("…") + f.sha256Suffix : f.sha256);
  return {};
}

// Hard link (instant, no extra space) when on the same file system, else a copy.
bool placeFile(const QString& source, const QString& target, QString* error) {
  std::error_code ec;
  const std::filesystem::path from = QFileInfo(source).canonicalFilePath().toStdString();
  const std::filesystem::path to = target.toStdString();
  std::filesystem::create_hard_link(from, to, ec);
  if (!ec) return true;
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, ec);
  if (!ec) return true;
  *error = Text::tr("Cannot copy %1 to %2: %3")
               .arg(source, target, QString::fromStdString(ec.message()));
  return false;
}

const CatalogFile* catalogFile(const CatalogSet& set, const QString& localName) {
  for (const CatalogComponent& c : set.components)
    for (const CatalogFile& f : c.files)
      if (f.localName == localName || f.convertedName == localName) return &f;
  return nullptr;
}

// Names and shapes of weights whose layout we know, against the set's config file.
QString checkTensorSpec(const CatalogFile& f, const QString& weightsPath,
                        const QString& configPath) {
  if (f.tensorSpec == TensorSpec::None) return {};
  if (configPath.isEmpty())
    return Text::tr("%1: its configuration %2 is missing").arg(f.localName, f.configName);
  DitShape shape;
  shape.full = f.tensorSpec == TensorSpec::DitFull;
  QString error;
  if (!readDitShape(configPath, &shape, &error)) return error;
  return checkDitWeights(weightsPath, shape);
}

}  // namespace

QString findRepoSnapshot(const QString& folder, const QString& repo) {
  const QString name = cacheFolderName(repo);
  const QDir dir(folder);
  if (dir.dirName() == name) return snapshotOf(folder);
  for (const QString& candidate : {dir.filePath(name), dir.filePath(QStringLiteral("hub/") + name)})
    if (QFileInfo(candidate).isDir()) return snapshotOf(candidate);
  // Inside a snapshot already: .../models--ORG--NAME/snapshots/<rev>
  QDir up(folder);
  if (up.cdUp() && up.dirName() == QLatin1String("snapshots") && up.cdUp() && up.dirName() == name)
    return folder;
  return {};
}

QString checkFileFormat(const QString& path, FileFormat format) {
  const QString shown = QFileInfo(path).fileName();
  switch (format) {
    case FileFormat::Json: {
      QFile file(path);
      if (!file.open(QIODevice::ReadOnly)) return Text::tr("%1: %2").arg(shown, file.errorString());
      QJsonParseError parse{};
      if (!QJsonDocument::fromJson(file.readAll(), &parse).isObject())
        return Text::tr("%1 is not valid JSON: %2").arg(shown, parse.errorString());
      return {};
    }
    case FileFormat::Safetensors: {
      SafetensorsHeader header;
      QString error;
      if (!readSafetensorsHeader(path, &header, &error)) return error;
      if (header.tensors.isEmpty()) return Text::tr("%1 holds no tensors").arg(shown);
      return {};
    }
    case FileFormat::TorchPickle:
    case FileFormat::TorchScript:
      if (!hasZipMagic(path))
        return Text::tr(
                   "%1 is not a PyTorch zip archive (the legacy pickle format is not supported)")
            .arg(shown);
      return {};
    case FileFormat::SentencePiece:
      if (QFileInfo(path).size() < 16) return Text::tr("%1 is empty or truncated").arg(shown);
      return {};
  }
  return {};
}

ImportPlan planImport(const QString& folder, const CatalogSet& set) {
  ImportPlan plan;
  plan.setId = set.id;
  plan.sourceFolder = folder;
  if (!QFileInfo(folder).isDir()) {
    plan.errors.append(Text::tr("%1 is not a folder").arg(folder));
    return plan;
  }
  for (const CatalogComponent& component : set.components) {
    for (const CatalogFile& f : component.files) {
      ImportItem item = locate(folder, set, component, f);
      if (item.sourcePath.isEmpty()) {
        plan.errors.append(Text::tr("missing %1 (%2 from %3)").arg(f.localName, f.file, f.repo));
        continue;
      }
      if (const QString problem = checkItem(&item); !problem.isEmpty()) {
        plan.errors.append(problem);
        continue;
      }
      if (f.sha256.isEmpty() && f.sha256Prefix.isEmpty() && !item.alreadyConverted)
        plan.warnings.append(Text::tr("%1: no published SHA-256 to compare with; recorded as found")
                                 .arg(f.localName));
      plan.items.append(std::move(item));
    }
  }
  // Weights already in safetensors form: names and shapes checked now, before copying.
  for (const ImportItem& item : plan.items) {
    if (!item.alreadyConverted || item.file.tensorSpec == TensorSpec::None) continue;
    QString configPath;
    for (const ImportItem& other : plan.items)
      if (other.file.localName == item.file.configName) configPath = other.sourcePath;
    if (const QString problem = checkTensorSpec(item.file, item.sourcePath, configPath);
        !problem.isEmpty())
      plan.errors.append(problem);
  }
  return plan;
}

bool finishSetFolder(const QString& folder, const CatalogSet& set, QList<ManifestFile>* files,
                     const QString& source, QString* error,
                     const std::function<void(const QString&)>& status) {
  const QDir dir(folder);
  for (ManifestFile& mf : *files) {
    const CatalogFile* f = catalogFile(set, mf.name);
    if (!f || f->convertedName.isEmpty() || mf.name == f->convertedName) continue;
    if (status) status(Text::tr("Converting %1 to safetensors…").arg(mf.name));
    try {
      convertCheckpoint(dir.filePath(mf.name).toStdString(),
                        dir.filePath(f->convertedName).toStdString(),
                        f->checkpointKey.toStdString());
    } catch (const Error& e) {
      *error = Text::tr("Converting %1 failed: %2").arg(mf.name, QString::fromStdString(e.what()));
      return false;
    }
    const QString config = f->configName.isEmpty() ? QString() : dir.filePath(f->configName);
    if (const QString problem = checkTensorSpec(*f, dir.filePath(f->convertedName),
                                                QFileInfo::exists(config) ? config : QString());
        !problem.isEmpty()) {
      *error = problem;
      return false;
    }
    SafetensorsHeader header;
    if (!readSafetensorsHeader(dir.filePath(f->convertedName), &header, error)) return false;
    QFile::remove(dir.filePath(mf.name));  // the converted copy replaces the original
    mf.convertedFrom = QStringLiteral("%1 (sha256 %2)").arg(mf.name, mf.sha256);
    mf.name = f->convertedName;
    mf.format = formatName(FileFormat::Safetensors);
    mf.size = QFileInfo(dir.filePath(mf.name)).size();
    mf.sha256 = sha256OfFile(dir.filePath(mf.name));
    mf.sha256Verified = false;  // our own output: nothing published to compare with
  }
  Manifest manifest;
  manifest.id = set.id;
  manifest.name = set.title;
  manifest.description = set.description;
  manifest.source = source;
  manifest.installed = QDateTime::currentDateTimeUtc();
  manifest.files = *files;
  manifest.licences = licencesOf(set);
  for (const CatalogFile& f : set.files()) {
    if (f.tensorSpec == TensorSpec::DitFull) manifest.maxFrames = kFullMaxFrames;
    if (f.tensorSpec == TensorSpec::DitBase) manifest.maxFrames = kBaseMaxFrames;
  }
  return writeManifest(dir.filePath(QLatin1String(kManifestFileName)), manifest, error);
}

bool executeImport(const ImportPlan& plan, const CatalogSet& set, const QString& storeDir,
                   QString* error, const std::function<void(const QString&)>& status) {
  if (!plan.ok()) {
    *error = plan.errors.join(QLatin1Char('\n'));
    return false;
  }
  const QString target = setFolder(storeDir, set.id);
  if (set.id != plan.setId || target.isEmpty()) {
    *error = Text::tr("Unknown model set \"%1\"").arg(plan.setId);
    return false;
  }
  // Built beside the final folder and renamed at the end: an interrupted import never
  // looks installed.
  const QString staging = target + QStringLiteral(".importing");
  QDir(staging).removeRecursively();
  if (!QDir().mkpath(staging)) {
    *error = Text::tr("Cannot create %1").arg(staging);
    return false;
  }
  const auto abandon = [&] {
    QDir(staging).removeRecursively();
    return false;
  };
  QList<ManifestFile> files;
  for (const ImportItem& item : plan.items) {
    const QString name = item.alreadyConverted ? item.file.convertedName : item.file.localName;
    if (!isSafeFileName(name)) {
      *error = Text::tr("Unsafe file name %1").arg(name);
      return abandon();
    }
    if (status) status(Text::tr("Placing %1…").arg(name));
    if (!placeFile(item.sourcePath, QDir(staging).filePath(name), error)) return abandon();
    ManifestFile mf;
    mf.name = name;
    mf.size = QFileInfo(item.sourcePath).size();
    mf.sha256 = item.sha256;
    mf.sha256Verified = !item.file.sha256.isEmpty();
    mf.format = formatName(item.alreadyConverted ? FileFormat::Safetensors : item.file.format);
    mf.component = item.componentId;
    mf.sourceUrl = QStringLiteral("file://") + QFileInfo(item.sourcePath).absoluteFilePath();
    files.append(mf);
  }
  if (!finishSetFolder(staging, set, &files, QStringLiteral("import"), error, status))
    return abandon();
  QDir(target).removeRecursively();
  if (!QDir().rename(staging, target)) {
    *error = Text::tr("Cannot rename %1 to %2").arg(staging, target);
    return abandon();
  }
  return true;
}

}  // namespace drs::ui

#include "ui/takes/take_library.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include "drs/audio_file.h"
#include "drs/error.h"

namespace drs::ui {
namespace {

const QString kLimitKey = QStringLiteral("takes/libraryLimitBytes");
const QString kTrash = QStringLiteral("trash");
const QString kIndex = QStringLiteral("library.ini");
constexpr AudioFormat kFormat = AudioFormat::Wav16;  // the CLI's default

std::filesystem::path fs_path(const QString& path) {
  return std::filesystem::path(path.toStdString());
}

QString manifest_of(const QString& audio_path) {
  return QString::fromStdString(take_manifest_path(fs_path(audio_path)).string());
}

qint64 size_of(const QString& audio_path) {
  return QFileInfo(audio_path).size() + QFileInfo(manifest_of(audio_path)).size();
}

bool move_pair(const QString& audio_path, const QString& to_folder) {
  const QString audio_target = QDir(to_folder).filePath(QFileInfo(audio_path).fileName());
  const QString manifest = manifest_of(audio_path);
  const QString manifest_target = QDir(to_folder).filePath(QFileInfo(manifest).fileName());
  if (!QFile::rename(audio_path, audio_target)) return false;
  if (QFile::rename(manifest, manifest_target)) return true;
  QFile::rename(audio_target, audio_path);  // keep the pair together
  return false;
}

}  // namespace

TakeLibrary::TakeLibrary(QString folder, QObject* parent)
    : QObject(parent), folder_(std::move(folder)) {
  QDir().mkpath(folder_);
  purgeTrash();
}

TakeLibrary::~TakeLibrary() {
  purgeTrash();
}

QString TakeLibrary::defaultFolder() {
  return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
      .filePath(QStringLiteral("takes"));
}

qint64 TakeLibrary::savedLimitBytes() {
  const qint64 saved = QSettings().value(kLimitKey, kDefaultLimitBytes).toLongLong();
  return saved > 0 ? saved : kDefaultLimitBytes;
}

void TakeLibrary::saveLimitBytes(qint64 bytes) {
  QSettings().setValue(kLimitKey, bytes);
}

QString TakeLibrary::trashFolder() const {
  return QDir(folder_).filePath(kTrash);
}

void TakeLibrary::purgeTrash() const {
  QDir(trashFolder()).removeRecursively();
}

QString TakeLibrary::settingsKey(const QString& audio_path, const char* what) const {
  return QStringLiteral("%1/%2").arg(QLatin1String(what), QFileInfo(audio_path).fileName());
}

LibraryEntry TakeLibrary::entry(const QString& audio_path) const {
  LibraryEntry entry;
  entry.audio_path = audio_path;
  entry.manifest = read_take_manifest(fs_path(manifest_of(audio_path)));
  const QSettings index(QDir(folder_).filePath(kIndex), QSettings::IniFormat);
  entry.name = index.value(settingsKey(audio_path, "names")).toString();
  entry.pinned = index.value(settingsKey(audio_path, "pinned"), false).toBool();
  entry.bytes = size_of(audio_path);
  return entry;
}

// File names start with the UTC time they were stored at: name order is age order.
std::vector<LibraryEntry> TakeLibrary::entries() const {
  std::vector<LibraryEntry> found;
  const QDir dir(folder_);
  for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
    try {
      const auto manifest = read_take_manifest(fs_path(dir.filePath(name)));
      const QString audio = dir.filePath(QString::fromStdString(manifest.audio.file));
      if (QFileInfo::exists(audio)) found.push_back(entry(audio));
    } catch (const Error&) {
      continue;  // not a take manifest (or a damaged one): not the library's
    }
  }
  return found;
}

LibraryEntry TakeLibrary::store(const GenerationRequest& request, const GenerationResult& result,
                                int k, const TakeOrigin& origin) {
  const Take& take = result.takes.at(static_cast<std::size_t>(k));
  const QString stamp =
      QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
  const QString audio_path =
      QDir(folder_).filePath(QStringLiteral("take-%1-%2.wav").arg(stamp).arg(take.seed));
  const auto path = fs_path(audio_path);
  write_audio_file(path, take.audio, take.channels, take.sample_rate, kFormat);
  write_take_manifest(take_manifest_path(path),
                      describe_take(request, result, k, origin, path, kFormat));
  return entry(audio_path);
}

bool TakeLibrary::rename(const QString& audio_path, const QString& name) {
  QSettings index(QDir(folder_).filePath(kIndex), QSettings::IniFormat);
  if (name.trimmed().isEmpty())
    index.remove(settingsKey(audio_path, "names"));
  else
    index.setValue(settingsKey(audio_path, "names"), name.trimmed());
  index.sync();
  return index.status() == QSettings::NoError;
}

bool TakeLibrary::setPinned(const QString& audio_path, bool pinned) {
  QSettings index(QDir(folder_).filePath(kIndex), QSettings::IniFormat);
  index.setValue(settingsKey(audio_path, "pinned"), pinned);
  index.sync();
  return index.status() == QSettings::NoError;
}

bool TakeLibrary::remove(const QString& audio_path) {
  QDir().mkpath(trashFolder());
  return move_pair(audio_path, trashFolder());
}

bool TakeLibrary::restore(const QString& audio_path) {
  const QString in_trash = QDir(trashFolder()).filePath(QFileInfo(audio_path).fileName());
  return move_pair(in_trash, folder_);
}

qint64 TakeLibrary::sizeBytes() const {
  qint64 total = 0;
  for (const auto& stored : entries()) total += stored.bytes;
  return total;
}

QStringList TakeLibrary::enforceLimit(qint64 limit_bytes, const QString& keep) {
  auto stored = entries();
  qint64 total = 0;
  for (const auto& e : stored) total += e.bytes;
  QStringList removed;
  QSettings index(QDir(folder_).filePath(kIndex), QSettings::IniFormat);
  for (const auto& e : stored) {  // oldest first
    if (total <= limit_bytes) break;
    if (e.pinned || e.audio_path == keep) continue;
    QFile::remove(manifest_of(e.audio_path));
    QFile::remove(e.audio_path);
    index.remove(settingsKey(e.audio_path, "names"));
    index.remove(settingsKey(e.audio_path, "pinned"));
    total -= e.bytes;
    removed << e.audio_path;
  }
  return removed;
}

}  // namespace drs::ui

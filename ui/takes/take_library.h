// The takes library: every finished take kept in the user's data folder (a `takes/`
// folder under AppLocalDataLocation) as its audio file and its replay manifest
// (TAKE.json, drs/take_manifest.h), so that takes survive restarts and can be
// replayed. The user's names and pins live in library.ini beside them. Deleting moves
// a take into trash/, from where it can be restored until the library is closed (the
// app exits); the library's size is bounded by a setting, oldest unpinned takes first.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

#include "drs/engine.h"
#include "drs/take_manifest.h"

namespace drs::ui {

struct LibraryEntry {
  QString audio_path;  // the take's audio file in the library
  TakeManifest manifest;
  QString name;  // the user's name for it; empty: none given
  bool pinned = false;
  qint64 bytes = 0;  // audio and manifest together
};

class TakeLibrary : public QObject {
  Q_OBJECT
 public:
  // Opens (and creates) the library in `folder`; a trash left by a crash is emptied.
  explicit TakeLibrary(QString folder, QObject* parent = nullptr);
  // Empties the trash: deletions are final once the library is closed.
  ~TakeLibrary() override;
  TakeLibrary(const TakeLibrary&) = delete;
  TakeLibrary& operator=(const TakeLibrary&) = delete;

  // AppLocalDataLocation/takes.
  [[nodiscard]] static QString defaultFolder();
  static constexpr qint64 kDefaultLimitBytes = qint64{2} * 1024 * 1024 * 1024;
  // The size bound from the settings (takes/libraryLimitBytes), else the default.
  [[nodiscard]] static qint64 savedLimitBytes();
  static void saveLimitBytes(qint64 bytes);

  [[nodiscard]] const QString& folder() const { return folder_; }
  // The stored takes, oldest first; a take whose manifest cannot be read is skipped.
  [[nodiscard]] std::vector<LibraryEntry> entries() const;
  // The entry of the take stored as `audio_path` (its manifest re-read).
  [[nodiscard]] LibraryEntry entry(const QString& audio_path) const;

  // Writes take `k` of `result` (a run of `request`) with its manifest; returns its
  // entry. Throws drs::Error(Output) when the folder cannot be written.
  LibraryEntry store(const GenerationRequest& request, const GenerationResult& result, int k,
                     const TakeOrigin& origin);

  bool rename(const QString& audio_path, const QString& name);
  bool setPinned(const QString& audio_path, bool pinned);
  // Moves the take into the trash; restore() brings it back until the library closes.
  bool remove(const QString& audio_path);
  bool restore(const QString& audio_path);

  [[nodiscard]] qint64 sizeBytes() const;  // the stored takes, without the trash
  // Deletes the oldest unpinned takes (never `keep`) until the library fits in
  // `limit_bytes`; returns the audio paths deleted (for good: not into the trash).
  QStringList enforceLimit(qint64 limit_bytes, const QString& keep = {});

 private:
  [[nodiscard]] QString trashFolder() const;
  [[nodiscard]] QString settingsKey(const QString& audio_path, const char* what) const;
  void purgeTrash() const;

  QString folder_;
};

}  // namespace drs::ui

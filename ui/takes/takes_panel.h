// The "Takes" box: the list of the takes (TakesModel): this session's and those of the
// takes library (TakeLibrary, loaded at start), the player, the edit panel the window
// puts under it, export to WAV/FLAC and the library's actions (LibraryBar).
#pragma once

#include <QGroupBox>
#include <QTemporaryDir>

#include <deque>
#include <utility>
#include <vector>

#include "ui/engine_worker.h"
#include "ui/takes/take_library.h"
#include "ui/takes/takes_model.h"

class QListView;
class QPushButton;

namespace drs::ui {

class GenerationController;
class LibraryBar;
class PlayerPanel;
class StreamingPlayback;
class TakeReplay;

class TakesPanel : public QGroupBox {
  Q_OBJECT
 public:
  // Lists the takes of the library in `library_folder` (TakeLibrary::defaultFolder()).
  explicit TakesPanel(QWidget* parent = nullptr,
                      const QString& library_folder = TakeLibrary::defaultFolder());

  // Keeps every take of `controller`'s finished runs in the library (connected before
  // the window lists them) and replays library takes on it.
  void follow(GenerationController* controller);
  [[nodiscard]] TakeLibrary* library() const { return library_; }

  // Puts `panel` between the player and the export button.
  void setEditPanel(QWidget* panel);

  // Keeps a run's takes with what made them, writes their previews and selects the
  // last; a take that was playing while it decoded carries on where the listener is.
  void addTakes(const std::vector<Take>& takes, const QString& style, const QString& preset,
                int parent, double requested_seconds);
  // Plays the run's first take while it decodes (chunk by chunk).
  void playWhileDecoding(const AudioChunk& chunk);
  void stopStreaming();
  [[nodiscard]] StreamingPlayback* streaming() const { return streaming_; }
  void selectTake(int row);
  [[nodiscard]] int currentRow() const;  // -1: none
  [[nodiscard]] const std::vector<TakeRecord>& takes() const { return model_->takes(); }
  [[nodiscard]] const TakeRecord* take(int row) const { return model_->at(row); }
  [[nodiscard]] PlayerPanel* player() const { return player_; }
  [[nodiscard]] QListView* view() const { return view_; }

  // Writes take `index` to `path` (format from the extension); false + message on failure.
  bool exportTake(int index, const QString& path, QString* error = nullptr);
  // Asks where and exports the selected take.
  void exportSelected();

  // The library's actions (ui/takes/takes_library_actions.cpp); false + status message
  // when the take is not in the library or the files cannot be changed.
  bool renameTake(int row, const QString& name);
  bool setPinned(int row, bool pinned);
  bool deleteTake(int row);  // undoable until the window closes
  bool undoDelete();
  void reuseTake(int row);
  bool replayTake(int row);
  // A replay run's result: compared and reported, not listed; false when `result` is
  // not a replay's.
  bool consumeReplay(const GenerationResult& result);
  void setLibraryLimit(qint64 bytes);

 Q_SIGNALS:
  void currentTakeChanged(int row);  // -1: none
  void seedRequested(quint64 seed);  // double-click: reuse this take's seed
  void statusMessage(const QString& text, int timeout_ms);
  void exportEnabled(bool enabled);
  // "Reuse settings": the take's lyrics, style, sampling, length and seed.
  void reuseRequested(const drs::TakeManifest& manifest);
  void replayFinished(bool identical, const QString& verdict);

 private:
  void onCurrentChanged(int row);
  void addTake(const Take& take, const QString& style, const QString& preset, int parent,
               double requested_seconds);
  void loadLibrary();
  void storeRun(const ResultPtr& result);
  void applyLimit(const QString& keep);
  void showLibrarySize();
  void askRename();
  void askLimit();

  TakesModel* model_;
  QListView* view_;
  PlayerPanel* player_;
  QPushButton* export_;
  StreamingPlayback* streaming_;  // plays a take while it decodes
  QTemporaryDir preview_dir_;
  // Preview files are never reused: after a delete the row count would name an existing
  // take's file (which edits read as their reference audio).
  int previews_written_ = 0;
  TakeLibrary* library_;
  GenerationController* controller_ = nullptr;
  LibraryBar* bar_;
  TakeReplay* replay_;
  std::deque<QString> stored_;  // library files of the run being listed, in take order
  std::vector<std::pair<int, TakeRecord>> deleted_;  // row it had, for undo
};

}  // namespace drs::ui

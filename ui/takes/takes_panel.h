// The "Takes" box: the list of this session's takes (TakesModel), the player, the
// edit panel the window puts under it, and export to WAV/FLAC.
#pragma once

#include <QGroupBox>
#include <QTemporaryDir>

#include <vector>

#include "ui/takes/takes_model.h"

class QListView;
class QPushButton;

namespace drs::ui {

class PlayerPanel;
class StreamingPlayback;

class TakesPanel : public QGroupBox {
  Q_OBJECT
 public:
  explicit TakesPanel(QWidget* parent = nullptr);

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

 Q_SIGNALS:
  void currentTakeChanged(int row);  // -1: none
  void seedRequested(quint64 seed);  // double-click: reuse this take's seed
  void statusMessage(const QString& text, int timeout_ms);
  void exportEnabled(bool enabled);

 private:
  void onCurrentChanged(int row);
  void addTake(const Take& take, const QString& style, const QString& preset, int parent,
               double requested_seconds);

  TakesModel* model_;
  QListView* view_;
  PlayerPanel* player_;
  QPushButton* export_;
  StreamingPlayback* streaming_;  // plays a take while it decodes
  QTemporaryDir preview_dir_;
};

}  // namespace drs::ui

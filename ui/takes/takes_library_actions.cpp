// TakesPanel's takes library: loading it, storing every finished take, the size bound,
// rename / pin / delete / undo, "Reuse settings" and "Replay".
#include <QCoreApplication>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>

#include <algorithm>

#include "drs/error.h"
#include "ui/player_panel.h"
#include "ui/run/generation_controller.h"
#include "ui/takes/library_bar.h"
#include "ui/takes/take_replay.h"
#include "ui/takes/takes_panel.h"

namespace drs::ui {
namespace {

// The song settings' name of the preset the take was sampled with, else its grid.
QString preset_label(const SamplingSettings& sampling) {
  for (const auto& preset : presets()) {
    const auto& s = preset.sampling;
    if (s.grid_points != sampling.grid_points || s.cfg_strength != sampling.cfg_strength ||
        s.sway != sampling.sway)
      continue;
    if (preset.id == "best")
      return QCoreApplication::translate("drs::ui::SongSettingsPanel", "Best");
    if (preset.id == "balanced")
      return QCoreApplication::translate("drs::ui::SongSettingsPanel", "Balanced");
    if (preset.id == "fast")
      return QCoreApplication::translate("drs::ui::SongSettingsPanel", "Fast");
    if (preset.id == "draft")
      return QCoreApplication::translate("drs::ui::SongSettingsPanel", "Draft");
  }
  return TakesPanel::tr("%n step(s)", nullptr, sampling.steps());
}

TakeRecord record_of(const LibraryEntry& entry) {
  const auto& m = entry.manifest;
  TakeRecord record;
  record.take.seed = m.seed;
  record.take.channels = m.audio.channels;
  record.take.sample_rate = m.audio.sample_rate;
  record.style =
      m.request.style_audio
          ? TakesPanel::tr("style of %1")
                .arg(QString::fromStdString(m.request.style_audio->file.filename().string()))
          : QString::fromStdString(m.request.style);
  record.preset = preset_label(m.request.sampling);
  record.seconds =
      m.audio.sample_rate > 0 ? static_cast<double>(m.audio.frames) / m.audio.sample_rate : 0.0;
  record.preview_path = entry.audio_path;
  record.requested_seconds = m.request.seconds;
  record.library_path = entry.audio_path;
  record.name = entry.name;
  record.pinned = entry.pinned;
  return record;
}

}  // namespace

void TakesPanel::loadLibrary() {
  for (const auto& entry : library_->entries()) model_->append(record_of(entry));
  showLibrarySize();
}

void TakesPanel::showLibrarySize() {
  bar_->showSize(library_->sizeBytes(), TakeLibrary::savedLimitBytes());
}

void TakesPanel::follow(GenerationController* controller) {
  controller_ = controller;
  connect(controller, &GenerationController::runFinished, this, &TakesPanel::storeRun);
  connect(controller, &GenerationController::runEnded, this, [this] { replay_->reset(); });
}

// Before the window lists the run's takes: addTakes pairs them with these files.
void TakesPanel::storeRun(const ResultPtr& result) {
  stored_.clear();
  if (replay_->active() || result->outcome != Outcome::Succeeded || !controller_->worker()) return;
  const auto origin = controller_->worker()->takeOrigin();
  if (!origin) return;  // an engine whose takes cannot be replayed
  for (int k = 0; k < static_cast<int>(result->takes.size()); ++k) {
    try {
      stored_.push_back(
          library_->store(controller_->lastRequest(), *result, k, *origin).audio_path);
    } catch (const Error& failure) {
      stored_.emplace_back();
      Q_EMIT statusMessage(tr("The take was not kept in the library: %1")
                               .arg(QString::fromStdString(failure.what())),
                           10000);
    }
  }
}

void TakesPanel::applyLimit(const QString& keep) {
  const qint64 limit = TakeLibrary::savedLimitBytes();
  const QStringList removed = library_->enforceLimit(limit, keep);
  for (const QString& path : removed)
    for (int row = 0; row < model_->rowCount(); ++row)
      if (model_->at(row)->library_path == path) {
        model_->removeAt(row);
        break;
      }
  if (!removed.isEmpty())
    Q_EMIT statusMessage(tr("The takes library is over its limit of %1: removed the %n oldest "
                            "unpinned take(s).",
                            nullptr, static_cast<int>(removed.size()))
                             .arg(QLocale().formattedDataSize(limit)),
                         15000);
  showLibrarySize();
}

void TakesPanel::setLibraryLimit(qint64 bytes) {
  TakeLibrary::saveLimitBytes(bytes);
  applyLimit(model_->at(currentRow()) ? model_->at(currentRow())->library_path : QString());
}

void TakesPanel::askLimit() {
  bool ok = false;
  const int mib = QInputDialog::getInt(
      this, tr("Takes library size"), tr("Keep at most this many MiB of takes:"),
      static_cast<int>(TakeLibrary::savedLimitBytes() / (1024 * 1024)), 50, 1000000, 50, &ok);
  if (ok) setLibraryLimit(qint64{mib} * 1024 * 1024);
}

bool TakesPanel::renameTake(int row, const QString& name) {
  const TakeRecord* record = model_->at(row);
  if (!record || record->library_path.isEmpty()) return false;
  if (!library_->rename(record->library_path, name)) {
    Q_EMIT statusMessage(tr("Could not rename the take in %1").arg(library_->folder()), 8000);
    return false;
  }
  model_->setName(row, name.trimmed());
  return true;
}

void TakesPanel::askRename() {
  const int row = currentRow();
  const TakeRecord* record = model_->at(row);
  if (!record) return;
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("Rename take"), tr("Name:"),
                                             QLineEdit::Normal, record->name, &ok);
  if (ok) renameTake(row, name);
}

bool TakesPanel::setPinned(int row, bool pinned) {
  const TakeRecord* record = model_->at(row);
  if (!record || record->library_path.isEmpty()) return false;
  if (!library_->setPinned(record->library_path, pinned)) return false;
  model_->setPinned(row, pinned);
  return true;
}

bool TakesPanel::deleteTake(int row) {
  const TakeRecord* record = model_->at(row);
  if (!record) return false;
  if (!record->library_path.isEmpty() && !library_->remove(record->library_path)) {
    Q_EMIT statusMessage(tr("Could not move the take to %1").arg(library_->folder()), 8000);
    return false;
  }
  if (row == currentRow()) player_->unload();
  deleted_.emplace_back(row, model_->removeAt(row));
  bar_->setUndoAvailable(true);
  showLibrarySize();
  Q_EMIT statusMessage(tr("Take deleted (Undo delete brings it back until the app is closed)"),
                       8000);
  return true;
}

bool TakesPanel::undoDelete() {
  if (deleted_.empty()) return false;
  auto [row, record] = std::move(deleted_.back());
  if (!record.library_path.isEmpty() && !library_->restore(record.library_path)) {
    Q_EMIT statusMessage(tr("Could not restore the take into %1").arg(library_->folder()), 8000);
    return false;
  }
  deleted_.pop_back();
  model_->insertAt(row, std::move(record));
  bar_->setUndoAvailable(!deleted_.empty());
  selectTake(std::min(row, model_->rowCount() - 1));
  showLibrarySize();
  return true;
}

void TakesPanel::reuseTake(int row) {
  const TakeRecord* record = model_->at(row);
  if (!record || record->library_path.isEmpty()) return;
  try {
    Q_EMIT reuseRequested(library_->entry(record->library_path).manifest);
  } catch (const Error& failure) {
    Q_EMIT statusMessage(QString::fromStdString(failure.what()), 8000);
  }
}

bool TakesPanel::replayTake(int row) {
  const TakeRecord* record = model_->at(row);
  if (!record || record->library_path.isEmpty() || !controller_) return false;
  QString reason;
  try {
    const auto manifest = library_->entry(record->library_path).manifest;
    if (replay_->start(controller_, manifest, tr("take %1").arg(row + 1), &reason)) {
      Q_EMIT statusMessage(tr("Replaying take %1…").arg(row + 1), 5000);
      return true;
    }
  } catch (const Error& failure) {
    reason = QString::fromStdString(failure.what());
  }
  Q_EMIT statusMessage(tr("Cannot replay take %1: %2").arg(row + 1).arg(reason), 15000);
  Q_EMIT replayFinished(false, reason);
  return false;
}

bool TakesPanel::consumeReplay(const GenerationResult& result) {
  if (!replay_->active()) return false;
  bool identical = false;
  const QString verdict = replay_->finish(result, &identical);
  Q_EMIT statusMessage(verdict, 30000);
  Q_EMIT replayFinished(identical, verdict);
  return true;
}

}  // namespace drs::ui

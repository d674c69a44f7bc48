// MainWindow's Edit mode wiring (issue 16): the edit panel under the player, edit and
// continue runs submitted through the normal Generate path, parents of takes, A/B.

#include <utility>

#include "ui/edit_panel.h"
#include "ui/edit_selection.h"
#include "ui/lyric_line_marker.h"
#include "ui/lyrics_editor.h"
#include "ui/main_window.h"
#include "ui/player_panel.h"
#include "ui/span_selector.h"
#include "ui/takes/takes_panel.h"

namespace drs::ui {

EditPanel* MainWindow::buildEditPanel() {
  edit_panel_ = new EditPanel(this);
  edit_marker_ = new LyricLineMarker(lyricsEditor());
  connect(edit_panel_, &EditPanel::spansChanged, this, [this](const std::vector<TimeSpan>& spans) {
    const double seconds = edit_panel_->selector()->songSeconds();
    edit_marker_->setLines(lines_in_spans(lyricsEditor()->analysis(), spans, seconds));
  });
  connect(edit_panel_, &QGroupBox::toggled, this, [this](bool on) {
    if (!on) edit_marker_->setLines({});
  });
  connect(edit_panel_, &EditPanel::regenerateRequested, this, &MainWindow::regenerateSelection);
  connect(edit_panel_, &EditPanel::continueRequested, this, &MainWindow::continueTake);
  connect(edit_panel_, &EditPanel::compareWithParent, this, &MainWindow::compareWithParent);
  connect(this, &MainWindow::stateChanged, edit_panel_,
          [this](State state) { edit_panel_->setBusy(state != State::Idle); });
  return edit_panel_;
}

void MainWindow::regenerateSelection(const std::vector<TimeSpan>& spans) {
  const int row = takes_->currentRow();
  if (row < 0 || spans.empty()) return;
  const auto& take = takes()[static_cast<std::size_t>(row)];
  // The same song length as the take's run, so the reference covers the whole song.
  pending_edit_ = PendingEdit{row, SongEdit{take.preview_path.toStdString(), spans, false},
                              take.requested_seconds};
  generate();
  pending_edit_.reset();  // not consumed when generate() refused to start (e.g. lyric errors)
}

void MainWindow::continueTake(double seconds) {
  const int row = takes_->currentRow();
  if (row < 0) return;
  const auto& take = takes()[static_cast<std::size_t>(row)];
  pending_edit_ = PendingEdit{row, SongEdit{take.preview_path.toStdString(), {}, true}, seconds};
  generate();
  pending_edit_.reset();  // not consumed when generate() refused to start (e.g. lyric errors)
}

GenerationRequest MainWindow::withPendingEdit(GenerationRequest request) {
  run_parent_ = -1;
  if (!pending_edit_) return request;
  auto edit = *std::exchange(pending_edit_, std::nullopt);
  run_parent_ = edit.parent;
  const auto reference = QString::fromStdString(edit.edit.reference.string());
  if (edit.edit.continuation) return continue_request(std::move(request), reference, edit.seconds);
  request.seconds = edit.seconds;
  return edit_request(std::move(request), reference, edit.edit.spans);
}

void MainWindow::showTakeInEditPanel(int row) {
  if (!edit_panel_) return;
  const TakeRecord* record = takes_->take(row);
  if (!record) return edit_panel_->clearTake();
  const auto lengths = continuation_lengths(controller_->info(), record->seconds);
  const QString note =
      lengths.empty()
          ? tr("Continuing this take needs the full model (songs of 96–285 s): install and "
               "choose it under Models.")
          : tr("The new song starts with this take; the lyrics of the whole song come from "
               "the editor.");
  edit_panel_->setTake(record->take.audio, record->take.channels, record->seconds,
                       record->parent >= 0, lengths, note);
}

void MainWindow::compareWithParent(bool parent) {
  const int row = takes_->currentRow();
  if (row < 0) return;
  const auto& take = takes()[static_cast<std::size_t>(row)];
  if (take.parent < 0) return;
  const auto& shown = parent ? takes()[static_cast<std::size_t>(take.parent)] : take;
  PlayerPanel* player = playerPanel();
  const double position = player->positionSeconds();
  const bool playing = player->isPlaying();
  player->load(shown.preview_path, shown.take.audio, shown.take.channels);
  player->seekSeconds(position);
  if (playing) player->togglePlay();
  showStatus(parent ? tr("Playing the parent take %1").arg(take.parent + 1)
                    : tr("Playing take %1").arg(row + 1),
             4000);
}

}  // namespace drs::ui

#include "ui/takes/takes_panel.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "drs/audio_file.h"
#include "drs/error.h"
#include "ui/error_advice.h"
#include "ui/player_panel.h"
#include "ui/streaming_playback.h"
#include "ui/takes/library_bar.h"
#include "ui/takes/take_replay.h"
#include "ui/wav_preview.h"

namespace drs::ui {

TakesPanel::TakesPanel(QWidget* parent, const QString& library_folder)
    : QGroupBox(tr("Takes"), parent),
      model_(new TakesModel(this)),
      view_(new QListView(this)),
      player_(new PlayerPanel(this)),
      export_(new QPushButton(tr("Export…"), this)),
      streaming_(new StreamingPlayback(this)),
      library_(new TakeLibrary(library_folder, this)),
      bar_(new LibraryBar(this)),
      replay_(new TakeReplay(this)) {
  view_->setObjectName(QStringLiteral("takesList"));
  view_->setModel(model_);
  view_->setTextElideMode(Qt::ElideRight);
  view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->setToolTip(tr("Double-click a take to reuse its seed"));
  connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { onCurrentChanged(current.row()); });
  connect(view_, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
    if (const TakeRecord* record = model_->at(index.row())) Q_EMIT seedRequested(record->take.seed);
  });
  player_->setObjectName(QStringLiteral("playerPanel"));
  export_->setObjectName(QStringLiteral("exportButton"));
  export_->setEnabled(false);
  connect(export_, &QPushButton::clicked, this, &TakesPanel::exportSelected);
  connect(streaming_, &StreamingPlayback::positionChanged, this, [this](double seconds) {
    player_->showStreaming(seconds, streaming_->receivedSeconds(), streaming_->totalSeconds());
  });
  connect(streaming_, &StreamingPlayback::failed, this, [this](const QString& reason) {
    Q_EMIT statusMessage(tr("Playback while decoding stopped: %1").arg(reason), 8000);
  });

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(view_, 1);
  layout->addWidget(player_);
  layout->addWidget(bar_);
  layout->addWidget(export_, 0, Qt::AlignRight);
  connect(bar_, &LibraryBar::renameClicked, this, &TakesPanel::askRename);
  connect(bar_, &LibraryBar::pinToggled, this, [this](bool on) { setPinned(currentRow(), on); });
  connect(bar_, &LibraryBar::deleteClicked, this, [this] { deleteTake(currentRow()); });
  connect(bar_, &LibraryBar::undoClicked, this, &TakesPanel::undoDelete);
  connect(bar_, &LibraryBar::reuseClicked, this, [this] { reuseTake(currentRow()); });
  connect(bar_, &LibraryBar::replayClicked, this, [this] { replayTake(currentRow()); });
  connect(bar_, &LibraryBar::limitClicked, this, &TakesPanel::askLimit);
  loadLibrary();
}

void TakesPanel::setEditPanel(QWidget* panel) {
  auto* box = static_cast<QVBoxLayout*>(layout());
  box->insertWidget(box->indexOf(export_), panel);
}

// Only the run's first take plays while decoding; the others wait in the list.
void TakesPanel::playWhileDecoding(const AudioChunk& chunk) {
  if (chunk.take != 0) return;
  if (chunk.first_frame == 0) player_->unload();  // the new take replaces what was playing
  if (chunk.first_frame == 0 || streaming_->active()) streaming_->append(chunk);
}

void TakesPanel::stopStreaming() {
  streaming_->stop();
}

void TakesPanel::addTakes(const std::vector<Take>& takes, const QString& style,
                          const QString& preset, int parent, double requested_seconds) {
  const bool streamed = streaming_->active();
  const double heard = streaming_->positionSeconds();
  streaming_->stop();
  const int first_new = model_->rowCount();
  for (const auto& take : takes) addTake(take, style, preset, parent, requested_seconds);
  stored_.clear();
  if (model_->rowCount() > first_new) applyLimit(model_->at(model_->rowCount() - 1)->library_path);
  if (streamed && !takes.empty()) {  // carry on from the decoded audio
    selectTake(first_new);
    player_->playFrom(heard);
  }
}

void TakesPanel::addTake(const Take& take, const QString& style, const QString& preset, int parent,
                         double requested_seconds) {
  TakeRecord record{
      .take = take,
      .style = style,
      .preset = preset,
      .seconds = static_cast<double>(take.frames()) / take.sample_rate,
      .preview_path = preview_dir_.filePath(QStringLiteral("take-%1.wav").arg(++previews_written_)),
      .parent = parent,
      .requested_seconds = requested_seconds,
      .library_path = {},
      .name = {},
      .pinned = false};
  if (!stored_.empty()) {  // the library's copy of this take (storeRun)
    record.library_path = stored_.front();
    stored_.pop_front();
  }
  if (!write_preview_wav(record.preview_path, take.audio, take.channels, take.sample_rate))
    Q_EMIT statusMessage(tr("Could not write the preview file %1").arg(record.preview_path), 8000);
  model_->append(std::move(record));
  selectTake(model_->rowCount() - 1);
}

void TakesPanel::selectTake(int row) {
  view_->setCurrentIndex(model_->index(row, 0));
}

int TakesPanel::currentRow() const {
  const int row = view_->currentIndex().row();
  return model_->at(row) ? row : -1;
}

void TakesPanel::onCurrentChanged(int row) {
  QString error;
  if (model_->at(row) && !model_->loadAudio(row, &error))
    Q_EMIT statusMessage(tr("Could not read the take: %1").arg(error), 8000);
  const TakeRecord* record = model_->at(row);
  bar_->showTake(record);
  export_->setEnabled(record != nullptr);
  Q_EMIT exportEnabled(record != nullptr);
  if (record)
    player_->load(record->preview_path, record->take.audio, record->take.channels);
  else
    player_->unload();
  Q_EMIT currentTakeChanged(record ? row : -1);
}

bool TakesPanel::exportTake(int index, const QString& path, QString* error) {
  if (!model_->at(index) || !model_->loadAudio(index, error)) {
    if (error && !model_->at(index)) *error = tr("No take selected.");
    return false;
  }
  const TakeRecord* record = model_->at(index);
  const Take& take = record->take;
  try {
    const std::filesystem::path target = path.toStdString();
    write_audio_file(target, take.audio, take.channels, take.sample_rate, audio_format_for(target));
  } catch (const Error& failure) {
    if (error) *error = QString::fromStdString(failure.what());
    return false;
  }
  return true;
}

void TakesPanel::exportSelected() {
  const int row = currentRow();
  if (row < 0) return;
  QString selected = tr("WAV audio (*.wav)");
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export take"), QStringLiteral("take-%1.wav").arg(row + 1),
      tr("WAV audio (*.wav)") + QStringLiteral(";;") + tr("FLAC audio (*.flac)"), &selected);
  if (path.isEmpty()) return;
  QString target = path;
  if (QFileInfo(target).suffix().isEmpty())
    target += selected.contains(QStringLiteral("flac")) ? QStringLiteral(".flac")
                                                        : QStringLiteral(".wav");
  QString error;
  if (exportTake(row, target, &error))
    Q_EMIT statusMessage(tr("Exported %1").arg(target), 5000);
  else
    QMessageBox::warning(this, tr("Export failed"),
                         error + QStringLiteral("\n\n") + error_advice(ErrorKind::Output));
}

}  // namespace drs::ui

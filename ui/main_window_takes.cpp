// MainWindow's takes library wiring: "Reuse settings" puts a stored take's lyrics,
// style, preset, length and seed back into the editor and the song settings.

#include "ui/main_window.h"

namespace drs::ui {

void MainWindow::reuseTakeSettings(const TakeManifest& manifest) {
  if (state() != State::Idle)
    return showStatus(tr("The settings can be reused once the run has finished."), 8000);
  const GenerationRequest& request = manifest.request;
  Draft draft = currentDraft();
  draft.lyrics = QString::fromStdString(request.lyrics);
  draft.style = QString::fromStdString(request.style);
  draft.seconds = request.seconds;
  draft.random_seed = false;
  draft.seed = manifest.seed;
  bool preset_found = false;
  for (const auto& preset : presets()) {
    const auto& s = preset.sampling;
    if (s.grid_points != request.sampling.grid_points ||
        s.cfg_strength != request.sampling.cfg_strength || s.sway != request.sampling.sway)
      continue;
    draft.preset = QString::fromUtf8(preset.id.data(), static_cast<qsizetype>(preset.id.size()));
    preset_found = true;
  }
  lyrics_->setLyrics(draft.lyrics);
  settings_->restore(draft);
  draft_store_.schedule(currentDraft());
  QStringList notes;
  if (!preset_found)
    notes << tr("its sampling (%n step(s)) is no preset: the preset is unchanged", nullptr,
                request.sampling.steps());
  if (request.style_audio)
    notes << tr("its style came from %1: choose that song again")
                 .arg(QString::fromStdString(request.style_audio->file.string()));
  showStatus(notes.isEmpty() ? tr("The take's settings are back (seed %1).").arg(manifest.seed)
                             : tr("The take's settings are back (seed %1); %2.")
                                   .arg(manifest.seed)
                                   .arg(notes.join(QStringLiteral("; "))),
             15000);
}

}  // namespace drs::ui

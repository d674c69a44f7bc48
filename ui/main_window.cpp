#include "ui/main_window.h"

#include <QAction>
#include <QCloseEvent>
#include <QIcon>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/cpu_speed_notice.h"
#include "ui/edit_panel.h"
#include "ui/error_advice.h"
#include "ui/example_songs.h"
#include "ui/lyrics/lyrics_panel.h"
#include "ui/lyrics_check.h"
#include "ui/lyrics_editor.h"
#include "ui/models/model_manager.h"
#include "ui/models/model_manager_dialog.h"
#include "ui/multimedia_setup.h"
#include "ui/player_panel.h"
#include "ui/resources.h"
#include "ui/resume_offer.h"
#include "ui/run/listen_in_panel.h"
#include "ui/run/partial_take_offer.h"
#include "ui/run/run_status_view.h"
#include "ui/song/song_settings_panel.h"
#include "ui/style_source_panel.h"
#include "ui/system/run_citizen.h"
#include "ui/takes/takes_panel.h"
#include "ui/window/about_dialog.h"
#include "ui/window/banner.h"
#include "ui/window/menu_builder.h"

namespace drs::ui {

MainWindow::MainWindow(QWidget* parent) : MainWindow(nullptr, parent) {
  // Delegated with null; now try the real engine (kept out of the delegate so tests
  // can pass null and mean "no engine").
  reloadEngine();
}

MainWindow::MainWindow(std::unique_ptr<GenerationBackend> backend, QWidget* parent)
    : QMainWindow(parent), controller_(new GenerationController(this)) {
  keep_gstreamer_from_forking();  // before the worker's GEMMs and the player's GStreamer
  init_resources();
  setWindowTitle(tr("DiffRhythm Studio"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/diffrhythm-studio.svg")));
  buildUi();
  buildMenus();
  connectController();
  restoreDraft();
  connectAutosave();
  controller_->attachBackend(std::move(backend));
  resize(1100, 720);
}

MainWindow::~MainWindow() {
  draft_store_.flush();
}

void MainWindow::showStatus(const QString& text, int timeout_ms) {
  statusBar()->showMessage(text, timeout_ms);
}

void MainWindow::buildUi() {
  lyrics_ = new LyricsPanel(this);
  connect(lyrics_, &LyricsPanel::statusMessage, this, &MainWindow::showStatus);
  settings_ = new SongSettingsPanel(controller_, this);
  connect(settings_, &SongSettingsPanel::lengthChanged, lyricsEditor(), &LyricsEditor::analyzeNow);
  connect(settings_, &SongSettingsPanel::precisionChosen, this, &MainWindow::reloadEngine);

  generate_ = new QPushButton(tr("Generate"), this);
  generate_->setObjectName(QStringLiteral("generateButton"));
  generate_->setToolTip(tr("Generate (Ctrl+Enter); Cancel (Esc)"));
  generate_->setMinimumHeight(36);
  connect(generate_, &QPushButton::clicked, this,
          [this] { state() == State::Idle ? generate() : cancel(); });
  status_ = new RunStatusView(controller_, this);
  listen_in_ = new ListenInPanel(this);
  listen_in_->follow(controller_);
  listen_in_->centreOnLyricLine(lyricsEditor());
  partial_offer_ = new PartialTakeOffer(controller_, this);
  connect(partial_offer_, &PartialTakeOffer::keepRequested, this,
          [this](const std::vector<Take>& takes) { addTakes(takes, tr("partial")); });

  takes_ = new TakesPanel(this);
  takes_->follow(controller_);  // stores each run's takes before they are listed
  connect(takes_, &TakesPanel::reuseRequested, this, &MainWindow::reuseTakeSettings);
  connect(takes_, &TakesPanel::statusMessage, this, &MainWindow::showStatus);
  connect(takes_, &TakesPanel::currentTakeChanged, this, &MainWindow::showTakeInEditPanel);
  connect(takes_, &TakesPanel::seedRequested, this, [this](quint64 seed) {
    if (state() == State::Idle) settings_->useSeed(seed);
  });
  connect(takes_->player(), &PlayerPanel::playbackError, this,
          [this](const QString& text) { showStatus(tr("Playback failed: %1").arg(text), 8000); });
  takes_->setEditPanel(buildEditPanel());
  auto* right = new QWidget(this);
  auto* right_layout = new QVBoxLayout(right);
  right_layout->setContentsMargins(0, 0, 0, 0);
  right_layout->addWidget(settings_);
  right_layout->addWidget(buildQueue());  // Generate and Add to queue side by side
  right_layout->addWidget(status_);
  right_layout->addWidget(listen_in_);
  right_layout->addWidget(takes_, 1);
  auto* splitter = new QSplitter(this);
  splitter->addWidget(lyrics_);
  auto* right_scroll = new QScrollArea(this);  // small screens scroll instead of squeezing
  right_scroll->setWidget(right);
  right_scroll->setWidgetResizable(true);
  splitter->addWidget(right_scroll);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);

  banner_ = new Banner(this);
  resume_offer_ = new ResumeOffer(this);
  connect(resume_offer_, &ResumeOffer::resumeRequested, this, &MainWindow::resumeRun);
  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->addWidget(banner_);
  layout->addWidget(resume_offer_);
  layout->addWidget(splitter, 1);
  setCentralWidget(central);

  model_status_ = new QLabel(this);
  model_status_->setObjectName(QStringLiteral("modelStatusLabel"));
  statusBar()->addPermanentWidget(model_status_);
  lyricsEditor()->setAnalyzer([this](const std::string& text) {
    return check_lyrics(text, controller_->info().max_frames, settings_->seconds());
  });
}

void MainWindow::buildMenus() {
  MenuCommands commands;
  commands.open_lyrics = [this] { openLyrics(); };
  commands.save_lyrics = [this] { saveLyrics(); };
  commands.export_take = [this] { exportSelected(); };
  commands.quit = [this] { close(); };
  commands.insert_timestamp = [this] { insertTimestamp(); };
  commands.stamp_line = [this] { stampLine(); };
  commands.spread_evenly = [this] { spreadEvenly(); };
  commands.load_example = [this](int index) { loadExample(index); };
  commands.generate = [this] { generate(); };
  commands.cancel = [this] { cancel(); };
  commands.play_pause = [this] { playerPanel()->togglePlay(); };
  commands.show_models = [this] { showModels(); };
  commands.show_about = [this] { AboutDialog(this).exec(); };
  commands.play_while_decoding = [this](bool on) {
    if (!on) takes_->stopStreaming();
  };
  const auto built = MenuBuilder::build(this, commands);
  export_action_ = built.export_take;
  play_while_decoding_ = built.play_while_decoding;
  connect(takes_, &TakesPanel::exportEnabled, export_action_, &QAction::setEnabled);
}

void MainWindow::connectController() {
  connect(controller_, &GenerationController::engineChanged, this, &MainWindow::applyModelInfo);
  connect(controller_, &GenerationController::matmulSpeedMeasured, this,
          &MainWindow::onMatmulSpeedMeasured);
  connect(controller_, &GenerationController::stateChanged, this, &MainWindow::onStateChanged);
  connect(controller_, &GenerationController::audioDecoded, this, [this](const AudioChunk& chunk) {
    if (play_while_decoding_->isChecked()) takes_->playWhileDecoding(chunk);
  });
  connect(controller_, &GenerationController::runStarted, this, [this] {
    resume_offer_->hide();  // offered again when this run ends
    showIdleBanner();       // keeps the demo / slow-CPU notices, clears older errors
  });
  connect(controller_, &GenerationController::runFinished, this, &MainWindow::onRunFinished);
  connect(controller_, &GenerationController::runEnded, this, &MainWindow::runEnded);
  // Keeps the computer awake, notifies and lowers the engine's priority (ui/system/);
  // its settings go into the Settings menu, the one holding "Play while decoding".
  auto* citizen = new RunCitizen(this, [this] {
    const auto* takes = takes_->view()->model();
    return takes->index(takes->rowCount() - 1, 0).data().toString();
  });
  citizen->addSettingsTo(qobject_cast<QMenu*>(play_while_decoding_->parent()));
  connect(controller_, &GenerationController::runStarted, citizen, [this, citizen] {
    citizen->runStarted(controller_->worker(), controller_->remainingSeconds());
  });
  connect(controller_, &GenerationController::runFinished, citizen, &RunCitizen::runFinished);
  connect(controller_, &GenerationController::runEnded, citizen, &RunCitizen::runEnded);
}

void MainWindow::onMatmulSpeedMeasured(const MatmulSpeed& speed) {
  settings_->offerFasterMaths(speed);
  slow_cpu_notice_ = slowCpuNotice(speed);
  if (banner_->kind() != Banner::Kind::Error) showIdleBanner();
}

// The banner outside errors: the demo notice and the slow-CPU warning, either or both.
void MainWindow::showIdleBanner() {
  const bool demo = controller_->info().is_demo;
  QStringList parts;
  if (demo) parts << demoNotice();
  if (!slow_cpu_notice_.isEmpty()) parts << slow_cpu_notice_;
  if (parts.isEmpty()) return banner_->hide();
  banner_->showMessage(parts.join(QStringLiteral("<br>")),
                       demo ? Banner::Kind::Demo : Banner::Kind::Warning);
}

QString MainWindow::demoNotice() const {
  return tr(
      "<b>Demo model — produces noise, install DiffRhythm weights for music</b> "
      "(Models…).");
}

void MainWindow::applyModelInfo() {
  settings_->showModel();
  if (!controller_->hasEngine()) {
    banner_->showMessage(controller_->modelError(), Banner::Kind::Error);
  } else {
    showIdleBanner();
    // A run a crash or a closed window cut short can be continued.
    QTimer::singleShot(0, this, [this] {
      if (state() == State::Idle) resume_offer_->refresh(default_cache_dir());
    });
  }
  updateModelStatus();
  generate_->setEnabled(controller_->hasEngine());
  lyricsEditor()->analyzeNow();
}

void MainWindow::updateModelStatus() {
  if (!controller_->hasEngine()) return model_status_->setText(tr("No model"));
  const ModelInfo& info = controller_->info();
  const QString kind = info.is_demo                     ? tr("demo")
                       : controller_->lengthChoosable() ? tr("full")
                                                        : tr("base");
  model_status_->setText(tr("Model: %1 (%2) · %3 · %4")
                             .arg(QString::fromStdString(info.name), kind,
                                  QString::fromStdString(info.device),
                                  QString::fromStdString(info.precision)));
}

// ---- running --------------------------------------------------------------------

// Shows the first lyric error and goes to its line; false when there is none.
bool MainWindow::refuseWithLyricErrors() {
  lyricsEditor()->analyzeNow();
  const auto& issues = lyricsEditor()->issues();
  const auto error = std::find_if(issues.begin(), issues.end(), [](const auto& issue) {
    return issue.severity == Severity::Error;
  });
  if (error == issues.end()) return false;
  banner_->showMessage(tr("<b>Fix the lyrics first.</b> Line %1: %2")
                           .arg(error->line)
                           .arg(QString::fromStdString(error->message).toHtmlEscaped()),
                       Banner::Kind::Error);
  lyricsEditor()->moveCursorToLine(error->line);
  lyricsEditor()->setFocus();
  return true;
}

void MainWindow::generate() {
  if (state() != State::Idle) return;
  if (!controller_->hasEngine())
    return banner_->showMessage(controller_->modelError(), Banner::Kind::Error);
  if (refuseWithLyricErrors()) return Q_EMIT runEnded(Outcome::Failed);
  const SongSettings settings = settings_->settings();
  if (settings.wants_reference && !settings.style_audio) {  // the official --ref-audio-path
    banner_->showMessage(tr("<b>Choose a reference song</b> of at least 10 s, or take the style "
                            "from the text prompt again."),
                         Banner::Kind::Error);
    return Q_EMIT runEnded(Outcome::Failed);
  }
  controller_->start(withPendingEdit(
      GenerationController::request(lyricsEditor()->toPlainText().toStdString(), settings)));
}

void MainWindow::resumeRun(const RunJournal& journal) {
  if (controller_->resume(journal))
    status_->showStage(tr("Resuming at step %1 of %2…").arg(journal.step).arg(journal.steps));
}

void MainWindow::onStateChanged(State state) {
  const bool idle = state == State::Idle;
  generate_->setText(idle ? tr("Generate") : tr("Cancel"));
  generate_->setEnabled(controller_->hasEngine());
  // Lyrics and settings stay editable while running: they shape a queued run.
  if (idle) updateModelStatus();
  Q_EMIT stateChanged(state);
}

void MainWindow::onRunFinished(const ResultPtr& result) {
  resume_offer_->refresh(default_cache_dir());  // a failed run can be continued
  if (takes_->consumeReplay(*result)) return;   // reported, not listed again
  if (result->outcome != Outcome::Succeeded) {
    takes_->stopStreaming();
    if (result->outcome == Outcome::Failed) showRunError(*result);
    return;
  }
  settings_->updatePresetLabel();  // this run's speed is in the history now
  addTakes(result->takes);
  if (!result->takes.empty()) settings_->showSeedUsed(result->takes.back().seed);
  if (!result->warnings.empty()) showRunWarnings(*result);
}

void MainWindow::showRunWarnings(const GenerationResult& result) {
  QStringList lines;
  for (const auto& warning : result.warnings)
    lines << QString::fromStdString(warning).toHtmlEscaped();
  // The demo notice stays first: it matters more than any lyric warning.
  const bool demo = controller_->info().is_demo;
  banner_->showMessage(
      (demo ? demoNotice() + QStringLiteral("<br>") : QString()) +
          tr("<b>Generated with warnings:</b><br>%1").arg(lines.join(QStringLiteral("<br>"))),
      demo ? Banner::Kind::Demo : Banner::Kind::Info);
}

void MainWindow::showRunError(const GenerationResult& result) {
  banner_->showMessage(
      tr("<b>%1</b> — %2<br>%3")
          .arg(error_title(result.error_kind), QString::fromStdString(result.error).toHtmlEscaped(),
               error_advice(result.error_kind)),
      Banner::Kind::Error);
  auto* box = new QMessageBox(QMessageBox::Warning, error_title(result.error_kind),
                              QString::fromStdString(result.error), QMessageBox::Ok, this);
  box->setObjectName(QStringLiteral("errorBox"));
  box->setInformativeText(error_advice(result.error_kind));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();  // window-modal but non-blocking: the event loop keeps running
}

void MainWindow::addTakes(const std::vector<Take>& takes, const QString& note) {
  const GenerationRequest& request = controller_->lastRequest();
  const QString style =
      request.style_audio
          ? tr("style of %1")
                .arg(QString::fromStdString(request.style_audio->file.filename().string()))
          : QString::fromStdString(request.style);
  const QString preset = run_preset_.isEmpty() ? settings_->presetName() : run_preset_;
  takes_->addTakes(takes, style, note.isEmpty() ? preset : tr("%1, %2").arg(preset, note),
                   run_parent_, request.seconds);
}

// ---- lyrics ---------------------------------------------------------------------

void MainWindow::insertTimestamp() {
  lyrics_->insertTimestamp(*playerPanel());
}

void MainWindow::stampLine() {
  lyrics_->stampLine(*playerPanel());
}

void MainWindow::spreadEvenly() {
  lyricsEditor()->spreadUntimed(settings_->seconds());
}

void MainWindow::loadExample(int index) {
  const auto songs = example_songs();
  const auto& song = songs.at(static_cast<std::size_t>(index));
  lyrics_->setLyrics(song.lyrics);
  settings_->setStyle(song.style);
}

// ---- autosave -------------------------------------------------------------------

Draft MainWindow::currentDraft() const {
  Draft draft;
  draft.lyrics = lyricsEditor()->toPlainText();
  settings_->fillDraft(draft);
  return draft;
}

void MainWindow::restoreDraft() {
  const auto draft = DraftStore::load();
  if (draft) lyricsEditor()->setPlainText(draft->lyrics);
  settings_->restore(draft.value_or(Draft{}));  // none: balanced, the sensible CPU choice
}

void MainWindow::connectAutosave() {
  auto schedule = [this] { draft_store_.schedule(currentDraft()); };
  connect(lyricsEditor(), &LyricsEditor::lyricsEdited, this, schedule);
  connect(settings_, &SongSettingsPanel::edited, this, schedule);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  draft_store_.flush();
  if (controller_->worker() && state() != State::Idle) controller_->worker()->cancel();
  event->accept();
}

void MainWindow::showModels() {
  ModelManagerDialog dialog(this);
  dialog.exec();
  // A set may have been installed or removed: pick the model again (not mid-run).
  if (state() == State::Idle && !modelSetFixedByEnvironment()) reloadEngine();
}

}  // namespace drs::ui

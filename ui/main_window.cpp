#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include <cmath>
#include <random>

#include "drs/audio_file.h"
#include "drs/presets.h"
#include "ui/cpu_speed_notice.h"
#include "ui/edit_panel.h"
#include "ui/error_advice.h"
#include "ui/example_songs.h"
#include "ui/language_menu.h"
#include "ui/lyrics_check.h"
#include "ui/lyrics_editor.h"
#include "ui/multimedia_setup.h"
#include "ui/player_panel.h"
#include "ui/preset_description.h"
#include "ui/prompt_edit.h"
#include "ui/resources.h"
#include "ui/resume_offer.h"
#include "ui/speed_history.h"
#include "ui/streaming_playback.h"
#include "ui/style_source_panel.h"
#include "ui/wav_preview.h"

#ifdef DRS_UI_HAVE_MODEL_MANAGER
#include "ui/models/model_manager.h"
#include "ui/models/model_manager_dialog.h"
#endif

namespace drs::ui {
namespace {

constexpr int kProgressScale = 1000;
constexpr int kTickMs = 200;

// The CLI's rule: $DRS_MODEL_SET (one set, for developers and tests; formerly
// $DRS_MODEL_DIR), else the preferred real set of the model store, else the engine's
// default (the demo set).
std::filesystem::path choose_model_dir() {
#ifdef DRS_UI_HAVE_MODEL_MANAGER
  if (const QString chosen = modelSetToLoad(); !chosen.isEmpty()) return chosen.toStdString();
#endif
  return default_model_location();
}

// The user's choice of the faster, inexact bfloat16 or int8 maths on CPUs that have it
// (at most one is on).
const QString kCpuBfloat16Key = QStringLiteral("engine/cpuBfloat16");
const QString kCpuInt8Key = QStringLiteral("engine/cpuInt8");
// Play a new take while it is still decoding (on by default: a CPU decode takes minutes).
const QString kPlayWhileDecodingKey = QStringLiteral("playback/playWhileDecoding");

Precision chosen_precision() {
  if (QSettings().value(kCpuInt8Key, false).toBool()) return Precision::Int8;
  if (QSettings().value(kCpuBfloat16Key, false).toBool()) return Precision::BFloat16;
  return Precision::Auto;
}

std::unique_ptr<GenerationBackend> load_default_backend(QString* error) {
  try {
    return make_engine_backend(choose_model_dir(), chosen_precision());
  } catch (const Error& failure) {
    *error = QStringLiteral("<b>%1</b> — %2<br>%3")
                 .arg(error_title(failure.kind()),
                      QString::fromStdString(failure.what()).toHtmlEscaped(),
                      error_advice(failure.kind()));
  } catch (const std::exception& failure) {
    *error = QString::fromStdString(failure.what()).toHtmlEscaped();
  }
  return nullptr;
}

QString preset_name(std::string_view id) {
  if (id == "best") return QApplication::translate("drs::ui::MainWindow", "Best");
  if (id == "balanced") return QApplication::translate("drs::ui::MainWindow", "Balanced");
  if (id == "fast") return QApplication::translate("drs::ui::MainWindow", "Fast");
  if (id == "draft") return QApplication::translate("drs::ui::MainWindow", "Draft");
  return QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size()));
}

}  // namespace

QString duration_text(double seconds) {
  if (seconds < 60)
    return QApplication::translate("drs::ui::MainWindow", "%1 s").arg(std::ceil(seconds));
  if (seconds < 3600)
    return QApplication::translate("drs::ui::MainWindow", "%1 min %2 s")
        .arg(static_cast<int>(seconds) / 60)
        .arg(static_cast<int>(seconds) % 60);
  return QApplication::translate("drs::ui::MainWindow", "%1 h %2 min")
      .arg(static_cast<int>(seconds) / 3600)
      .arg(static_cast<int>(seconds) % 3600 / 60);
}

QString stage_text(const Progress& progress) {
  const int running = std::min(progress.step + 1, std::max(progress.steps, 1));
  switch (progress.stage) {
    case Stage::LoadingModels:
      // The engine names the file it is reading; worth showing during a long load.
      return progress.message.empty()
                 ? QApplication::translate("drs::ui::MainWindow", "Loading models…")
                 : QApplication::translate("drs::ui::MainWindow", "Loading models — %1")
                       .arg(QString::fromStdString(progress.message));
    case Stage::Lyrics: return QApplication::translate("drs::ui::MainWindow", "Reading lyrics…");
    case Stage::Style:
      return QApplication::translate("drs::ui::MainWindow", "Encoding the style prompt…");
    case Stage::Encoding:
      return progress.steps > 0
                 ? QApplication::translate("drs::ui::MainWindow",
                                           "Encoding the song to edit — chunk %1 of %2")
                       .arg(running)
                       .arg(progress.steps)
                 : QApplication::translate("drs::ui::MainWindow", "Encoding the song to edit…");
    case Stage::Sampling:
      return progress.steps > 0
                 ? QApplication::translate("drs::ui::MainWindow", "Sampling — step %1 of %2")
                       .arg(running)
                       .arg(progress.steps)
                 : QApplication::translate("drs::ui::MainWindow", "Sampling…");
    case Stage::Decoding:
      return progress.steps > 0
                 ? QApplication::translate("drs::ui::MainWindow", "Decoding audio — chunk %1 of %2")
                       .arg(running)
                       .arg(progress.steps)
                 : QApplication::translate("drs::ui::MainWindow", "Decoding audio…");
    case Stage::Writing: return QApplication::translate("drs::ui::MainWindow", "Finishing…");
    case Stage::Done: return QApplication::translate("drs::ui::MainWindow", "Done");
  }
  return {};
}

MainWindow::MainWindow(QWidget* parent) : MainWindow(nullptr, parent) {
  // Delegated with null; now try the real engine (kept out of the delegate so tests
  // can pass null and mean "no engine").
  reloadEngine();
}

void MainWindow::reloadEngine() {
  if (state_ != State::Idle) return;
  worker_.reset();  // joins the old worker thread before the new engine loads
  if (auto backend = load_default_backend(&model_error_)) attachBackend(std::move(backend));
  applyModelInfo();
}

void MainWindow::attachBackend(std::unique_ptr<GenerationBackend> backend) {
  worker_ = std::make_unique<EngineWorker>(std::move(backend));
  connect(worker_.get(), &EngineWorker::progressed, this, &MainWindow::onProgress);
  connect(worker_.get(), &EngineWorker::runFinished, this, &MainWindow::onRunFinished);
  connect(worker_.get(), &EngineWorker::matmulSpeedMeasured, this,
          &MainWindow::onMatmulSpeedMeasured);
  // The probe may have finished before the connection existed.
  if (worker_->matmulSpeed()) QTimer::singleShot(0, this, &MainWindow::onMatmulSpeedMeasured);
  // A run a crash or a closed window cut short can be continued.
  QTimer::singleShot(0, this, [this] {
    if (resume_offer_ && state_ == State::Idle) resume_offer_->refresh(default_cache_dir());
  });
}

void MainWindow::onMatmulSpeedMeasured() {
  const auto speed = worker_ ? worker_->matmulSpeed() : std::nullopt;
  if (!speed) return;
  SpeedHistory::record_cpu_matmul_speed(speed->gflops, speed->bf16_speedup, speed->int8_speedup);
  // bfloat16 and int8 are inexact, so they are offered (where the probe measures a
  // gain, or while ticked), labelled, and never chosen for the user.
  const auto offer = [](QCheckBox* box, double speedup, double threshold, const QString& tip) {
    box->setVisible(speedup >= threshold || box->isChecked());
    box->setToolTip(tip.arg(speedup, 0, 'f', 1));
  };
  offer(bf16_, speed->bf16_speedup, kBfloat16HintSpeedup,
        tr("bfloat16 matrix maths runs %1× as fast as float32 on this CPU: songs take about "
           "half the time. The result differs slightly from the official float32 computation "
           "(final latent within about 3 %)."));
  offer(int8_, speed->int8_speedup, kInt8HintSpeedup,
        tr("int8 matrix maths runs %1× as fast as float32 on this CPU (the transformer's "
           "matrices are quantised to 8 bits; attention stays float32). The result differs "
           "slightly from the official float32 computation (final latent within about 1.5 %)."));
  slow_cpu_notice_ = slowCpuNotice(*speed);
  if (banner_->property("kind").toString() != QLatin1String("error")) showIdleBanner();
  updatePresetLabel();
}

// The banner outside errors: the demo notice and the slow-CPU warning, either or both.
void MainWindow::showIdleBanner() {
  QStringList parts;
  if (info_.is_demo) parts << demoNotice();
  if (!slow_cpu_notice_.isEmpty()) parts << slow_cpu_notice_;
  if (parts.isEmpty()) return banner_->hide();
  showBanner(parts.join(QStringLiteral("<br>")),
             info_.is_demo ? QStringLiteral("demo") : QStringLiteral("warning"));
}

MainWindow::MainWindow(std::unique_ptr<GenerationBackend> backend, QWidget* parent)
    : QMainWindow(parent) {
  keep_gstreamer_from_forking();  // before the worker's GEMMs and the player's GStreamer
  init_resources();
  setWindowTitle(tr("DiffRhythm Studio"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/diffrhythm-studio.svg")));
  if (backend) {
    attachBackend(std::move(backend));
  } else {
    model_error_ = tr("<b>No model loaded.</b> %1").arg(error_advice(ErrorKind::ModelMissing));
  }
  buildUi();
  buildMenus();
  restoreDraft();
  connectAutosave();
  applyModelInfo();
  tick_.setInterval(kTickMs);
  connect(&tick_, &QTimer::timeout, this, &MainWindow::refreshRunLabels);
  resize(1100, 720);
}

MainWindow::~MainWindow() {
  if (worker_) worker_->cancel();
  draft_store_.flush();
}

void MainWindow::buildUi() {
  editor_ = new LyricsEditor(this);
  editor_->setObjectName(QStringLiteral("lyricsEditor"));
  problems_ = new QListWidget(this);
  problems_->setObjectName(QStringLiteral("problemsList"));
  problems_->setMaximumHeight(110);
  problems_->setWordWrap(true);
  problems_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  connect(problems_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    editor_->moveCursorToLine(item->data(Qt::UserRole).toInt());
    editor_->setFocus();
  });
  connect(problems_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    editor_->moveCursorToLine(item->data(Qt::UserRole).toInt());
  });

  auto* lyrics_box = new QGroupBox(tr("Lyrics (LRC)"), this);
  auto* lyrics_layout = new QVBoxLayout(lyrics_box);
  lyrics_layout->addWidget(editor_, 1);
  lyrics_layout->addWidget(problems_);

  style_ = new PromptEdit(this);
  style_->setObjectName(QStringLiteral("styleEdit"));
  length_ = new QSpinBox(this);
  length_->setObjectName(QStringLiteral("lengthSpin"));
  length_->setSuffix(tr(" s"));
  length_->setRange(95, 95);
  length_note_ = new QLabel(this);
  length_note_->setWordWrap(true);
  length_note_->setObjectName(QStringLiteral("lengthNote"));
  preset_ = new QSlider(Qt::Horizontal, this);
  preset_->setObjectName(QStringLiteral("presetSlider"));
  preset_->setRange(0, static_cast<int>(presets().size()) - 1);
  preset_->setPageStep(1);
  preset_->setTickPosition(QSlider::TicksBelow);
  preset_->setToolTip(tr("Left: best quality. Right: fastest."));
  preset_label_ = new QLabel(this);
  preset_label_->setObjectName(QStringLiteral("presetLabel"));
  preset_label_->setWordWrap(true);
  random_seed_ = new QCheckBox(tr("Random"), this);
  random_seed_->setObjectName(QStringLiteral("randomSeedCheck"));
  random_seed_->setChecked(true);
  seed_ = new QLineEdit(this);
  seed_->setObjectName(QStringLiteral("seedEdit"));
  seed_->setValidator(
      new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,19}")), seed_));
  seed_->setEnabled(false);
  seed_used_ = new QLabel(this);
  seed_used_->setObjectName(QStringLiteral("seedUsedLabel"));
  seed_used_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  connect(random_seed_, &QCheckBox::toggled, seed_,
          [this](bool random) { seed_->setEnabled(!random); });
  connect(preset_, &QSlider::valueChanged, this, &MainWindow::updatePresetLabel);
  connect(length_, &QSpinBox::valueChanged, this, [this] {
    updatePresetLabel();
    editor_->analyzeNow();
  });

  auto* seed_row = new QHBoxLayout;
  seed_row->addWidget(random_seed_);
  seed_row->addWidget(seed_, 1);
  auto* speed_row = new QHBoxLayout;
  speed_row->addWidget(new QLabel(tr("Quality"), this));
  speed_row->addWidget(preset_, 1);
  speed_row->addWidget(new QLabel(tr("Speed"), this));

  auto* settings_box = new QGroupBox(tr("Song"), this);
  auto* form = new QFormLayout(settings_box);
  form->addRow(tr("Style:"), style_);
  style_source_ = new StyleSourcePanel(this);
  connect(style_source_, &StyleSourcePanel::sourceChanged, this,
          [this](bool reference) { style_->setEnabled(!reference && state_ == State::Idle); });
  form->addRow(tr("Style from:"), style_source_);
  form->addRow(tr("Length:"), length_);
  form->addRow(QString(), length_note_);
  form->addRow(tr("Preset:"), speed_row);
  form->addRow(QString(), preset_label_);
  form->addRow(tr("Seed:"), seed_row);
  form->addRow(QString(), seed_used_);
  bf16_ = new QCheckBox(tr("Faster bfloat16 maths (this CPU supports it)"), this);
  bf16_->setObjectName(QStringLiteral("bf16Check"));
  bf16_->hide();  // shown once the start-up probe finds native bfloat16
  int8_ = new QCheckBox(tr("Faster int8 maths (this CPU supports it)"), this);
  int8_->setObjectName(QStringLiteral("int8Check"));
  int8_->setChecked(chosen_precision() == Precision::Int8);
  bf16_->setChecked(chosen_precision() == Precision::BFloat16);
  int8_->hide();  // shown once the start-up probe finds int8 faster than float32
  // One of the two at most; the last one ticked wins.
  const auto choose = [this](QCheckBox* box, QCheckBox* other, const QString& key,
                             const QString& other_key) {
    connect(box, &QCheckBox::toggled, this, [this, other, key, other_key](bool on) {
      QSettings().setValue(key, on);
      if (on && other->isChecked()) {
        QSettings().setValue(other_key, false);
        const QSignalBlocker quiet(other);
        other->setChecked(false);
      }
      reloadEngine();  // idle only; a running take keeps its engine
    });
  };
  choose(bf16_, int8_, kCpuBfloat16Key, kCpuInt8Key);
  choose(int8_, bf16_, kCpuInt8Key, kCpuBfloat16Key);
  form->addRow(QString(), bf16_);
  form->addRow(QString(), int8_);

  generate_ = new QPushButton(tr("Generate"), this);
  generate_->setObjectName(QStringLiteral("generateButton"));
  generate_->setToolTip(tr("Generate (Ctrl+Enter); Cancel (Esc)"));
  generate_->setMinimumHeight(36);
  connect(generate_, &QPushButton::clicked, this,
          [this] { state_ == State::Idle ? generate() : cancel(); });
  progress_ = new QProgressBar(this);
  progress_->setObjectName(QStringLiteral("progressBar"));
  progress_->setRange(0, kProgressScale);
  progress_->setValue(0);
  progress_->setTextVisible(false);
  stage_ = new QLabel(tr("Ready"), this);
  stage_->setObjectName(QStringLiteral("stageLabel"));
  times_ = new QLabel(this);
  times_->setObjectName(QStringLiteral("timeLabel"));

  takes_list_ = new QListWidget(this);
  takes_list_->setObjectName(QStringLiteral("takesList"));
  takes_list_->setTextElideMode(Qt::ElideRight);
  takes_list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  connect(takes_list_, &QListWidget::currentRowChanged, this, &MainWindow::selectTake);
  takes_list_->setToolTip(tr("Double-click a take to reuse its seed"));
  connect(takes_list_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
    const int row = takes_list_->row(item);
    if (row < 0 || row >= static_cast<int>(takes_.size()) || state_ != State::Idle) return;
    random_seed_->setChecked(false);
    seed_->setText(QString::number(takes_[static_cast<std::size_t>(row)].take.seed));
  });
  player_ = new PlayerPanel(this);
  player_->setObjectName(QStringLiteral("playerPanel"));
  connect(player_, &PlayerPanel::playbackError, this, [this](const QString& text) {
    statusBar()->showMessage(tr("Playback failed: %1").arg(text), 8000);
  });
  streaming_ = new StreamingPlayback(this);
  connect(streaming_, &StreamingPlayback::positionChanged, this, [this](double seconds) {
    player_->showStreaming(seconds, streaming_->receivedSeconds(), streaming_->totalSeconds());
  });
  connect(streaming_, &StreamingPlayback::failed, this, [this](const QString& reason) {
    statusBar()->showMessage(tr("Playback while decoding stopped: %1").arg(reason), 8000);
  });
  export_ = new QPushButton(tr("Export…"), this);
  export_->setObjectName(QStringLiteral("exportButton"));
  export_->setEnabled(false);
  connect(export_, &QPushButton::clicked, this, &MainWindow::exportSelected);

  auto* result_box = new QGroupBox(tr("Takes"), this);
  auto* result_layout = new QVBoxLayout(result_box);
  result_layout->addWidget(takes_list_, 1);
  result_layout->addWidget(player_);
  result_layout->addWidget(buildEditPanel());
  result_layout->addWidget(export_, 0, Qt::AlignRight);

  auto* right = new QWidget(this);
  auto* right_layout = new QVBoxLayout(right);
  right_layout->setContentsMargins(0, 0, 0, 0);
  right_layout->addWidget(settings_box);
  right_layout->addWidget(generate_);
  right_layout->addWidget(progress_);
  right_layout->addWidget(stage_);
  right_layout->addWidget(times_);
  right_layout->addWidget(result_box, 1);

  auto* splitter = new QSplitter(this);
  splitter->addWidget(lyrics_box);
  splitter->addWidget(right);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);

  banner_ = new QLabel(this);
  banner_->setObjectName(QStringLiteral("bannerLabel"));
  banner_->setWordWrap(true);
  banner_->setTextFormat(Qt::RichText);
  banner_->setMargin(6);
  banner_->hide();

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

  editor_->setAnalyzer([this](const std::string& text) {
    return check_lyrics(text, info_.max_frames, songSeconds());
  });
  connect(editor_, &LyricsEditor::analysisUpdated, this, &MainWindow::updateProblems);
}

void MainWindow::buildMenus() {
  auto* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open lyrics…"), QKeySequence::Open, this, &MainWindow::openLyrics);
  file->addAction(tr("&Save lyrics…"), QKeySequence::Save, this, &MainWindow::saveLyrics);
  export_action_ = file->addAction(tr("&Export take…"), QKeySequence(tr("Ctrl+E")), this,
                                   &MainWindow::exportSelected);
  export_action_->setEnabled(false);
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  auto* lyrics = menuBar()->addMenu(tr("&Lyrics"));
  lyrics->addAction(tr("Insert &timestamp"), QKeySequence(tr("Ctrl+T")), this,
                    &MainWindow::insertTimestamp);
  lyrics->addAction(tr("&Stamp line at playback position (tap to time)"), QKeySequence(Qt::Key_F8),
                    this, &MainWindow::stampLine);
  lyrics->addAction(tr("Spread untimed lines &evenly"), this, &MainWindow::spreadEvenly);
  auto* examples = lyrics->addMenu(tr("E&xamples"));
  const auto songs = example_songs();
  for (int i = 0; i < static_cast<int>(songs.size()); ++i)
    examples->addAction(songs[static_cast<std::size_t>(i)].title, this,
                        [this, i] { loadExample(i); });

  auto* song = menuBar()->addMenu(tr("&Song"));
  auto* run = song->addAction(tr("&Generate"), this, &MainWindow::generate);
  run->setShortcuts(
      {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
  song->addAction(tr("&Cancel"), QKeySequence(Qt::Key_Escape), this, &MainWindow::cancel);
  song->addAction(tr("&Play / pause"), QKeySequence(Qt::Key_Space), player_,
                  &PlayerPanel::togglePlay);

  auto* models = menuBar()->addMenu(tr("&Models"));
  models->addAction(tr("&Models…"), this, &MainWindow::showModels);

  auto* settings = menuBar()->addMenu(tr("Se&ttings"));
  settings->addMenu(new LanguageMenu(this));
  play_while_decoding_ = settings->addAction(tr("&Play while decoding"));
  play_while_decoding_->setObjectName(QStringLiteral("playWhileDecodingAction"));
  play_while_decoding_->setToolTip(
      tr("Start playing a new take as soon as its first seconds are decoded"));
  play_while_decoding_->setCheckable(true);
  play_while_decoding_->setChecked(QSettings().value(kPlayWhileDecodingKey, true).toBool());
  connect(play_while_decoding_, &QAction::toggled, this, [this](bool on) {
    QSettings().setValue(kPlayWhileDecodingKey, on);
    if (!on) streaming_->stop();
  });
  auto* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About DiffRhythm Studio"), this, &MainWindow::showAbout);
  help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::applyModelInfo() {
  info_ = worker_ ? worker_->info() : ModelInfo{};
  const bool full = info_.max_seconds > 95.5;
  const int old = length_->value();
  length_->setRange(static_cast<int>(full ? std::max(96.0, info_.min_seconds) : 95),
                    static_cast<int>(full ? info_.max_seconds : 95));
  length_->setValue(old);
  length_->setEnabled(full);
  length_note_->setText(
      full ? tr("%1–%2 s with the full model.").arg(length_->minimum()).arg(length_->maximum())
           : tr("Fixed at 95 s: the base model has one length. Install the full "
                "model (Models…) for 96–285 s."));
  if (!worker_) {
    model_status_->setText(tr("No model"));
    showBanner(model_error_, QStringLiteral("error"));
  } else {
    updateModelStatus();
    showIdleBanner();
  }
  generate_->setEnabled(worker_ != nullptr);
  updatePresetLabel();
  editor_->analyzeNow();
}

QString MainWindow::demoNotice() const {
  return tr(
      "<b>Demo model — produces noise, install DiffRhythm weights for music</b> "
      "(Models…).");
}

void MainWindow::updateModelStatus() {
  if (!worker_) return model_status_->setText(tr("No model"));
  const bool full = info_.max_seconds > 95.5;
  const QString kind = info_.is_demo ? tr("demo") : full ? tr("full") : tr("base");
  model_status_->setText(tr("Model: %1 (%2) · %3 · %4")
                             .arg(QString::fromStdString(info_.name), kind,
                                  QString::fromStdString(info_.device),
                                  QString::fromStdString(info_.precision)));
}

void MainWindow::showBanner(const QString& html, const QString& kind) {
  const char* color = kind == QLatin1String("error") ? "#f8d7da"
                      : kind == QLatin1String("demo") || kind == QLatin1String("warning")
                          ? "#fff3cd"
                          : "#d1ecf1";
  banner_->setStyleSheet(
      QStringLiteral("QLabel { background: %1; color: #222; border-radius: 4px; }")
          .arg(QLatin1String(color)));
  banner_->setText(html);
  banner_->setProperty("kind", kind);
  banner_->show();
}

double MainWindow::songSeconds() const {
  return length_ ? length_->value() : 95.0;
}

int MainWindow::songFrames() const {
  if (info_.max_frames <= 2048) return 2048;
  return std::min(info_.max_frames, static_cast<int>(std::floor(songSeconds() * 44100.0 / 2048.0)));
}

const Preset& MainWindow::currentPreset() const {
  const auto all = presets();
  return all[static_cast<std::size_t>(
      std::clamp(preset_->value(), 0, static_cast<int>(all.size()) - 1))];
}

std::optional<std::uint64_t> MainWindow::fixedSeed() const {
  if (random_seed_->isChecked() || seed_->text().isEmpty()) return std::nullopt;
  bool ok = false;
  const auto value = seed_->text().toULongLong(&ok);
  return ok ? std::optional<std::uint64_t>(value) : std::nullopt;
}

void MainWindow::updatePresetLabel() {
  const Preset& preset = currentPreset();
  const SpeedHistory history(info_, songFrames());
  const double estimate = history.estimate_seconds(preset.sampling);
  preset_label_->setText(tr("%1 — %2 steps, CFG %3 — about %4 on this machine (%5)")
                             .arg(preset_name(preset.id))
                             .arg(preset.sampling.steps())
                             .arg(preset.sampling.cfg_strength, 0, 'f', 1)
                             .arg(duration_text(estimate),
                                  history.measured()     ? tr("from earlier runs")
                                  : history.calibrated() ? tr("from this CPU's measured speed")
                                                         : tr("rough default, not yet measured")));
  preset_label_->setToolTip(presetDescription(preset));
}

void MainWindow::updateProblems() {
  problems_->clear();
  for (const auto& issue : editor_->issues()) {
    const QString where = issue.line > 0 ? tr("Line %1").arg(issue.line) : tr("Lyrics");
    auto* item = new QListWidgetItem(
        QStringLiteral("%1: %2").arg(where, QString::fromStdString(issue.message)), problems_);
    item->setData(Qt::UserRole, issue.line);
    item->setForeground(issue.severity == Severity::Error     ? QColor(0xb0, 0x20, 0x20)
                        : issue.severity == Severity::Warning ? QColor(0xa0, 0x60, 0x00)
                                                              : palette().color(QPalette::Text));
    item->setToolTip(QString::fromStdString(issue.code));
  }
  problems_->setVisible(problems_->count() > 0);
}

// ---- running --------------------------------------------------------------------

void MainWindow::generate() {
  if (state_ != State::Idle) return;
  if (!worker_) {
    showBanner(model_error_, QStringLiteral("error"));
    return;
  }
  editor_->analyzeNow();
  const auto& issues = editor_->issues();
  const auto error = std::find_if(issues.begin(), issues.end(), [](const auto& issue) {
    return issue.severity == Severity::Error;
  });
  if (error != issues.end()) {
    showBanner(tr("<b>Fix the lyrics first.</b> Line %1: %2")
                   .arg(error->line)
                   .arg(QString::fromStdString(error->message).toHtmlEscaped()),
               QStringLiteral("error"));
    editor_->moveCursorToLine(error->line);
    editor_->setFocus();
    Q_EMIT runEnded(Outcome::Failed);
    return;
  }
  GenerationRequest request;
  request.lyrics = editor_->toPlainText().toStdString();
  request.style = style_->text().toStdString();
  request.seconds = songSeconds();
  request.sampling = currentPreset().sampling;
  request.seed = fixedSeed();
  if (style_source_->usesReference()) {  // the official --ref-audio-path
    const auto reference = style_source_->referenceStyle();
    if (!reference) {
      showBanner(tr("<b>Choose a reference song</b> of at least 10 s, or take the style from "
                    "the text prompt again."),
                 QStringLiteral("error"));
      Q_EMIT runEnded(Outcome::Failed);
      return;
    }
    request.style.clear();
    request.style_audio = *reference;
  }
  request = withPendingEdit(std::move(request));
  const auto id = worker_->submit(request);
  if (id == 0) return;
  startRun(id, request, priorsFor(request.sampling));
}

// The ETA's starting point from this machine's earlier runs.
RunPriors MainWindow::priorsFor(const SamplingSettings& sampling) const {
  const SpeedHistory history(info_, songFrames());
  // Average per step: steps past a partial-guidance cutoff cost one pass, not two.
  const double passes_per_step =
      static_cast<double>(sampling.forward_passes()) / std::max(1, sampling.steps());
  RunPriors priors;
  priors.sampling_steps = sampling.steps();
  if (auto spf = history.seconds_per_forward() ? history.seconds_per_forward()
                                               : history.calibrated_seconds_per_forward())
    priors.seconds_per_step = *spf * passes_per_step;
  priors.decode_seconds = history.decode_seconds();
  return priors;
}

void MainWindow::resumeRun(const RunJournal& journal) {
  if (state_ != State::Idle || !worker_) return;
  const auto id = worker_->submitResume(journal.file);
  if (id == 0) return;
  startRun(id, journal.request, priorsFor(journal.request.sampling));
  stage_->setText(tr("Resuming at step %1 of %2…").arg(journal.step).arg(journal.steps));
}

void MainWindow::startRun(quint64 id, const GenerationRequest& request, const RunPriors& priors) {
  resume_offer_->hide();  // offered again when this run ends
  run_id_ = id;
  last_request_ = request;
  tracker_.emplace(priors);
  run_clock_.start();
  tick_.start();
  progress_->setValue(0);
  showIdleBanner();  // keeps the demo / slow-CPU notices, clears older errors
  setState(State::Running);
  refreshRunLabels();
}

void MainWindow::cancel() {
  if (state_ != State::Running || !worker_) return;
  // Back to idle at once: the engine stops at its next block boundary in the
  // background, and its late events are dropped by run id. A new Generate queues
  // behind that stop instead of being refused.
  worker_->cancel();
  cancelled_run_ = run_id_;
  run_id_ = 0;
  tick_.stop();
  progress_->setValue(0);
  stage_->setText(tr("Cancelled — nothing was changed"));
  times_->clear();
  setState(State::Idle);
  Q_EMIT runEnded(Outcome::Cancelled);
}

void MainWindow::setState(State state) {
  state_ = state;
  const bool idle = state == State::Idle;
  generate_->setText(idle ? tr("Generate") : tr("Cancel"));
  generate_->setEnabled(worker_ != nullptr);
  // Lyrics stay editable; settings that shape the request are locked while running.
  style_->setEnabled(idle && !style_source_->usesReference());
  style_source_->setEnabled(idle);
  preset_->setEnabled(idle);
  length_->setEnabled(idle && info_.max_seconds > 95.5);
  random_seed_->setEnabled(idle);
  seed_->setEnabled(idle && !random_seed_->isChecked());
  Q_EMIT stateChanged(state);
}

void MainWindow::onProgress(quint64 run, const Progress& progress) {
  if (run != run_id_ || !tracker_ || state_ == State::Idle) return;
  if (progress.audio) playWhileDecoding(*progress.audio);
  tracker_->update(progress);
  progress_->setValue(static_cast<int>(tracker_->fraction() * kProgressScale));
  if (state_ == State::Running) stage_->setText(stage_text(tracker_->normalized(progress)));
  refreshRunLabels();
}

// Only the run's first take plays while decoding; the others wait in the takes list.
void MainWindow::playWhileDecoding(const AudioChunk& chunk) {
  if (chunk.take != 0 || !play_while_decoding_->isChecked()) return;
  if (chunk.first_frame == 0) player_->unload();  // the new take replaces what was playing
  if (chunk.first_frame == 0 || streaming_->active()) streaming_->append(chunk);
}

void MainWindow::refreshRunLabels() {
  if (!tracker_ || state_ == State::Idle) return;
  const double elapsed = static_cast<double>(run_clock_.elapsed()) / 1000.0;
  QString eta;
  if (auto left = tracker_->remaining()) {
    // Between events, count the wall clock down from the last estimate.
    const double since = std::max(0.0, elapsed - tracker_->elapsed());
    const double shown = std::max(0.0, *left - since);
    eta = tracker_->calibrating()
              ? tr("about %1 left (from earlier runs; calibrating on the first step)")
                    .arg(duration_text(shown))
              : tr("about %1 left").arg(duration_text(shown));
  } else {
    eta = tr("time left: calibrating on the first step…");
  }
  times_->setText(tr("Elapsed %1 · %2").arg(duration_text(std::floor(elapsed)), eta));
}

void MainWindow::onRunFinished(quint64 run, const ResultPtr& result) {
  // Cancel means "throw it away"; a run cut short any other way stays resumable.
  if (run == cancelled_run_ && !result->journal.empty()) discard_run_journal(result->journal);
  if (run != run_id_) return;  // a cancelled run's tail: already reported
  run_id_ = 0;
  tick_.stop();
  const Outcome outcome = result->outcome;
  if (outcome == Outcome::Succeeded) {
    const double passes_per_step = static_cast<double>(last_request_.sampling.forward_passes()) /
                                   std::max(1, last_request_.sampling.steps());
    if (result->seconds_per_step > 0) {
      const double decode = tracker_ ? tracker_->decode_seconds() : 0.0;
      SpeedHistory(info_, songFrames())
          .record(result->seconds_per_step / passes_per_step,
                  decode > 0 ? std::optional<double>(decode) : std::nullopt);
      updatePresetLabel();
    }
    const bool streamed = streaming_->active();
    const double heard = streaming_->positionSeconds();
    streaming_->stop();
    const int first_new = static_cast<int>(takes_.size());
    for (const auto& take : result->takes) addTake(take);
    if (streamed && !result->takes.empty()) {  // carry on from the decoded audio
      takes_list_->setCurrentRow(first_new);
      player_->playFrom(heard);
    }
    progress_->setValue(kProgressScale);
    stage_->setText(tr("Done in %1").arg(duration_text(result->seconds_total)));
    times_->clear();
    if (!result->takes.empty())
      seed_used_->setText(tr("Seed used: %1").arg(result->takes.back().seed));
    if (!result->warnings.empty()) {
      QStringList lines;
      for (const auto& warning : result->warnings)
        lines << QString::fromStdString(warning).toHtmlEscaped();
      // The demo notice stays first: it matters more than any lyric warning.
      const QString demo = info_.is_demo ? demoNotice() + QStringLiteral("<br>") : QString();
      showBanner(
          demo +
              tr("<b>Generated with warnings:</b><br>%1").arg(lines.join(QStringLiteral("<br>"))),
          info_.is_demo ? QStringLiteral("demo") : QStringLiteral("info"));
    }
  } else if (outcome == Outcome::Cancelled) {
    streaming_->stop();  // a cancelled take is never kept, even partly heard
    progress_->setValue(0);
    stage_->setText(tr("Cancelled — nothing was changed"));
    times_->clear();
  } else {
    streaming_->stop();
    progress_->setValue(0);
    stage_->setText(tr("Failed"));
    const QString html = tr("<b>%1</b> — %2<br>%3")
                             .arg(error_title(result->error_kind),
                                  QString::fromStdString(result->error).toHtmlEscaped(),
                                  error_advice(result->error_kind));
    showBanner(html, QStringLiteral("error"));
    auto* box = new QMessageBox(QMessageBox::Warning, error_title(result->error_kind),
                                QString::fromStdString(result->error), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setInformativeText(error_advice(result->error_kind));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // window-modal but non-blocking: the event loop keeps running
  }
  info_ = worker_->info();  // device/precision are settled once the models loaded
  updateModelStatus();
  setState(State::Idle);
  resume_offer_->refresh(default_cache_dir());
  Q_EMIT runEnded(outcome);
}

// ---- takes, playback, export ------------------------------------------------------

void MainWindow::addTake(const Take& take) {
  TakeRecord record{
      .take = take,
      .style = last_request_.style_audio
                   ? tr("style of %1")
                         .arg(QString::fromStdString(
                             last_request_.style_audio->file.filename().string()))
                   : QString::fromStdString(last_request_.style),
      .preset = preset_name(currentPreset().id),
      .seconds = static_cast<double>(take.frames()) / take.sample_rate,
      .preview_path = preview_dir_.filePath(QStringLiteral("take-%1.wav").arg(takes_.size() + 1))};
  if (!write_preview_wav(record.preview_path, take.audio, take.channels, take.sample_rate))
    statusBar()->showMessage(tr("Could not write the preview file %1").arg(record.preview_path),
                             8000);
  record.parent = run_parent_;
  record.requested_seconds = last_request_.seconds;
  takes_.push_back(std::move(record));
  const auto& added = takes_.back();
  auto* item = new QListWidgetItem(tr("Take %1 — %2 — seed %3 — %4 — %5")
                                       .arg(takes_.size())
                                       .arg(added.style.isEmpty() ? tr("(no prompt)") : added.style)
                                       .arg(added.take.seed)
                                       .arg(added.preset, format_clock(added.seconds)),
                                   takes_list_);
  item->setToolTip(added.style);
  if (added.parent >= 0)
    item->setText(tr("%1 — from take %2").arg(item->text()).arg(added.parent + 1));
  takes_list_->setCurrentItem(item);
}

void MainWindow::selectTake(int row) {
  showTakeInEditPanel(row);
  const bool valid = row >= 0 && row < static_cast<int>(takes_.size());
  export_->setEnabled(valid);
  export_action_->setEnabled(valid);
  if (!valid) return player_->unload();
  const auto& record = takes_[static_cast<std::size_t>(row)];
  player_->load(record.preview_path, record.take.audio, record.take.channels);
}

bool MainWindow::exportTake(int index, const QString& path, QString* error) {
  if (index < 0 || index >= static_cast<int>(takes_.size())) {
    if (error) *error = tr("No take selected.");
    return false;
  }
  const Take& take = takes_[static_cast<std::size_t>(index)].take;
  try {
#ifdef DRS_UI_HAVE_AUDIO_OUTPUT
    const std::filesystem::path target = path.toStdString();
    write_audio_file(target, take.audio, take.channels, take.sample_rate, audio_format_for(target));
#else
    if (!path.endsWith(QStringLiteral(".wav"), Qt::CaseInsensitive))
      throw Error(ErrorKind::BadInput, "this build can only export .wav");
    if (!write_preview_wav(path, take.audio, take.channels, take.sample_rate))
      throw Error(ErrorKind::Output, "cannot write " + path.toStdString());
#endif
  } catch (const Error& failure) {
    if (error) *error = QString::fromStdString(failure.what());
    return false;
  }
  return true;
}

void MainWindow::exportSelected() {
  const int row = takes_list_->currentRow();
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
    statusBar()->showMessage(tr("Exported %1").arg(target), 5000);
  else
    QMessageBox::warning(this, tr("Export failed"),
                         error + QStringLiteral("\n\n") + error_advice(ErrorKind::Output));
}

// ---- lyrics helpers --------------------------------------------------------------

void MainWindow::insertTimestamp() {
  // While listening: the playback position. Otherwise a guess after the previous
  // stamped line, from its token count, for the writer to adjust.
  if (player_->hasMedia()) return editor_->insertTimestamp(player_->positionSeconds());
  editor_->insertTimestamp(editor_->suggestedTimeForCurrentLine());
}

void MainWindow::stampLine() {
  if (!player_->isPlaying()) {
    statusBar()->showMessage(
        tr("Tap to time: play a take, then press F8 at the start of each line."), 6000);
    return;
  }
  editor_->stampCurrentLine(player_->positionSeconds());
}

void MainWindow::spreadEvenly() {
  editor_->spreadUntimed(songSeconds());
}

void MainWindow::loadExample(int index) {
  const auto songs = example_songs();
  const auto& song = songs.at(static_cast<std::size_t>(index));
  editor_->setPlainText(song.lyrics);
  style_->setText(song.style);
  lyrics_path_.clear();
}

void MainWindow::openLyrics() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open lyrics"), QString(),
                                                    tr("LRC lyrics (*.lrc *.txt);;All files (*)"));
  if (path.isEmpty()) return;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    QMessageBox::warning(this, tr("Open lyrics"),
                         tr("Cannot read %1: %2").arg(path, file.errorString()));
    return;
  }
  editor_->setPlainText(QString::fromUtf8(file.readAll()));
  lyrics_path_ = path;
}

void MainWindow::saveLyrics() {
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Save lyrics"), lyrics_path_.isEmpty() ? QStringLiteral("song.lrc") : lyrics_path_,
      tr("LRC lyrics (*.lrc)"));
  if (path.isEmpty()) return;
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(editor_->toPlainText().toUtf8()) < 0 ||
      !file.commit()) {
    QMessageBox::warning(this, tr("Save lyrics"),
                         tr("Cannot write %1: %2").arg(path, file.errorString()));
    return;
  }
  lyrics_path_ = path;
  statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
}

// ---- autosave -------------------------------------------------------------------

Draft MainWindow::currentDraft() const {
  return Draft{.lyrics = editor_->toPlainText(),
               .style = style_->text(),
               .preset = QString::fromUtf8(currentPreset().id.data(),
                                           static_cast<qsizetype>(currentPreset().id.size())),
               .seconds = songSeconds(),
               .random_seed = random_seed_->isChecked(),
               .seed = seed_->text().toULongLong()};
}

void MainWindow::restoreDraft() {
  const auto draft = DraftStore::load();
  if (!draft) {
    preset_->setValue(1);  // balanced: the sensible first choice on a CPU
    return;
  }
  editor_->setPlainText(draft->lyrics);
  style_->setText(draft->style);
  const auto all = presets();
  for (int i = 0; i < static_cast<int>(all.size()); ++i)
    if (draft->preset ==
        QLatin1String(all[static_cast<std::size_t>(i)].id.data(),
                      static_cast<qsizetype>(all[static_cast<std::size_t>(i)].id.size())))
      preset_->setValue(i);
  // The range is set from the model later; widen it so the saved value survives.
  length_->setRange(95, 285);
  length_->setValue(static_cast<int>(draft->seconds));
  random_seed_->setChecked(draft->random_seed);
  seed_->setText(draft->seed ? QString::number(draft->seed) : QString());
}

void MainWindow::connectAutosave() {
  auto schedule = [this] { draft_store_.schedule(currentDraft()); };
  connect(editor_, &LyricsEditor::lyricsEdited, this, schedule);
  connect(style_, &QLineEdit::textChanged, this, schedule);
  connect(preset_, &QSlider::valueChanged, this, schedule);
  connect(length_, &QSpinBox::valueChanged, this, schedule);
  connect(random_seed_, &QCheckBox::toggled, this, schedule);
  connect(seed_, &QLineEdit::textChanged, this, schedule);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  draft_store_.flush();
  if (worker_ && state_ != State::Idle) worker_->cancel();
  event->accept();
}

// ---- dialogs --------------------------------------------------------------------

void MainWindow::showAbout() {
  QFile notice(QStringLiteral(":/NOTICE"));
  const QString licences =
      notice.open(QIODevice::ReadOnly) ? QString::fromUtf8(notice.readAll()) : QString();
  QMessageBox box(this);
  box.setWindowTitle(tr("About DiffRhythm Studio"));
  box.setIconPixmap(QIcon(QStringLiteral(":/icons/diffrhythm-studio.svg")).pixmap(64, 64));
  box.setText(tr("<h3>DiffRhythm Studio %1</h3><p>Lyrics and a style prompt in, a song out — "
                 "with a native C++ implementation of DiffRhythm inference.</p>"
                 "<p>Licensed under the GNU GPL v3 or later.</p>")
                  .arg(QCoreApplication::applicationVersion()));
  box.setInformativeText(mathsDescription().toHtmlEscaped().replace(u'\n', QLatin1String("<br>")));
  box.setDetailedText(licences);
  box.exec();
}

void MainWindow::showModels() {
#ifdef DRS_UI_HAVE_MODEL_MANAGER
  ModelManagerDialog dialog(this);
  dialog.exec();
  // A set may have been installed or removed: pick the model again (not mid-run).
  if (state_ == State::Idle && !modelSetFixedByEnvironment()) reloadEngine();
#else
  QMessageBox::information(
      this, tr("Models"),
      tr("The model manager is not part of this build. Put a model set folder (with "
         "manifest.json) somewhere and start the app with DRS_MODEL_DIR pointing at it."));
#endif
}

}  // namespace drs::ui

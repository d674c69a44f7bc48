// The main window: lyric editor, style prompt, length, quality/speed preset, seed,
// Generate/Cancel with progress, the takes of this session with playback and export.
#pragma once

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

#include "drs/engine.h"
#include "drs/run_journal.h"
#include "ui/draft_store.h"
#include "ui/engine_backend.h"
#include "ui/engine_worker.h"
#include "ui/run_tracker.h"

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;

namespace drs::ui {

class EditPanel;
class LyricLineMarker;
class LyricsEditor;
class PlayerPanel;
class PromptEdit;
class ResumeOffer;
class StreamingPlayback;
class StyleSourcePanel;

// One generated song kept for this session.
struct TakeRecord {
  Take take;
  QString style;
  QString preset;
  double seconds = 0;
  QString preview_path;          // WAV the player streams
  int parent = -1;               // the take this one edits or continues (index), -1: none
  double requested_seconds = 0;  // the run's song length (the request's, not the audio's)
};

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  enum class State { Idle, Running };

  // Loads the model set from default_model_location(); a failure leaves the window
  // usable for editing and says what is missing.
  explicit MainWindow(QWidget* parent = nullptr);
  // With an explicit backend (tests, or a model chosen elsewhere); null = no engine.
  MainWindow(std::unique_ptr<GenerationBackend> backend, QWidget* parent);
  ~MainWindow() override;
  MainWindow(const MainWindow&) = delete;
  MainWindow& operator=(const MainWindow&) = delete;

  [[nodiscard]] State state() const { return state_; }
  [[nodiscard]] EngineWorker* worker() const { return worker_.get(); }
  [[nodiscard]] const std::vector<TakeRecord>& takes() const { return takes_; }
  [[nodiscard]] const RunTracker* tracker() const { return tracker_ ? &*tracker_ : nullptr; }
  [[nodiscard]] DraftStore& draftStore() { return draft_store_; }
  [[nodiscard]] LyricsEditor* lyricsEditor() const { return editor_; }
  [[nodiscard]] PlayerPanel* playerPanel() const { return player_; }
  [[nodiscard]] StreamingPlayback* streamingPlayback() const { return streaming_; }
  [[nodiscard]] ResumeOffer* resumeOffer() const { return resume_offer_; }
  [[nodiscard]] StyleSourcePanel* styleSource() const { return style_source_; }

  // Writes take `index` to `path` (format from the extension); false + message on failure.
  bool exportTake(int index, const QString& path, QString* error = nullptr);

 public Q_SLOTS:
  // Picks the model set again (model store, $DRS_MODEL_DIR, demo) and loads it.
  void reloadEngine();
  void generate();
  void cancel();
  void exportSelected();
  void openLyrics();
  void saveLyrics();
  void insertTimestamp();
  void stampLine();
  void spreadEvenly();

 Q_SIGNALS:
  void stateChanged(drs::ui::MainWindow::State state);
  // After every run: succeeded, cancelled or failed.
  void runEnded(drs::Outcome outcome);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void attachBackend(std::unique_ptr<GenerationBackend> backend);
  void buildUi();
  void buildMenus();
  void connectAutosave();
  void restoreDraft();
  [[nodiscard]] Draft currentDraft() const;
  void applyModelInfo();
  void setState(State state);
  void updateModelStatus();
  [[nodiscard]] QString demoNotice() const;
  void showIdleBanner();
  void onMatmulSpeedMeasured();
  void showBanner(const QString& html, const QString& kind);
  void updatePresetLabel();
  void updateProblems();
  void onProgress(quint64 run, const Progress& progress);
  void onRunFinished(quint64 run, const ResultPtr& result);
  void playWhileDecoding(const AudioChunk& chunk);
  void resumeRun(const RunJournal& journal);
  void startRun(quint64 id, const GenerationRequest& request, const RunPriors& priors);
  [[nodiscard]] RunPriors priorsFor(const SamplingSettings& sampling) const;
  void refreshRunLabels();
  void addTake(const Take& take);
  void selectTake(int row);
  void loadExample(int index);
  // Edit mode (main_window_edit.cpp).
  struct PendingEdit {
    int parent = -1;
    SongEdit edit;
    double seconds = 0;  // the song length of the run
  };
  EditPanel* buildEditPanel();
  void regenerateSelection(const std::vector<TimeSpan>& spans);
  void continueTake(double seconds);
  // `request` with the edit the next run was asked for (if any); sets run_parent_.
  [[nodiscard]] GenerationRequest withPendingEdit(GenerationRequest request);
  void showTakeInEditPanel(int row);
  void compareWithParent(bool parent);
  [[nodiscard]] int currentTakeRow() const;
  void showAbout();
  void showModels();
  [[nodiscard]] double songSeconds() const;
  [[nodiscard]] int songFrames() const;
  [[nodiscard]] const Preset& currentPreset() const;
  [[nodiscard]] std::optional<std::uint64_t> fixedSeed() const;

  std::unique_ptr<EngineWorker> worker_;
  ModelInfo info_;
  QString model_error_;
  QString slow_cpu_notice_;  // set when the start-up GEMM probe finds a slow BLAS
  State state_ = State::Idle;
  quint64 run_id_ = 0;         // the run the window shows; 0 = none
  quint64 cancelled_run_ = 0;  // cancelled by the user: its journal is discarded at its end
  std::optional<RunTracker> tracker_;
  GenerationRequest last_request_;
  QElapsedTimer run_clock_;
  QTimer tick_;
  DraftStore draft_store_;
  QTemporaryDir preview_dir_;
  std::vector<TakeRecord> takes_;
  QString lyrics_path_;

  StreamingPlayback* streaming_ = nullptr;  // plays a take while it decodes
  ResumeOffer* resume_offer_ = nullptr;
  StyleSourcePanel* style_source_ =
      nullptr;  // text prompt or reference song     // continues a run a crash or a close cut short
  QAction* play_while_decoding_ = nullptr;
  LyricsEditor* editor_ = nullptr;
  QListWidget* problems_ = nullptr;
  PromptEdit* style_ = nullptr;
  QSpinBox* length_ = nullptr;
  QLabel* length_note_ = nullptr;
  QSlider* preset_ = nullptr;
  QLabel* preset_label_ = nullptr;
  QCheckBox* random_seed_ = nullptr;
  QCheckBox* bf16_ = nullptr;  // offered only where the CPU has native bfloat16
  QCheckBox* int8_ = nullptr;  // offered only where int8 GEMMs beat float32
  QLineEdit* seed_ = nullptr;
  QLabel* seed_used_ = nullptr;
  QPushButton* generate_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* stage_ = nullptr;
  QLabel* times_ = nullptr;
  QLabel* banner_ = nullptr;
  QListWidget* takes_list_ = nullptr;
  PlayerPanel* player_ = nullptr;
  QPushButton* export_ = nullptr;
  QLabel* model_status_ = nullptr;
  QAction* export_action_ = nullptr;
  EditPanel* edit_panel_ = nullptr;
  LyricLineMarker* edit_marker_ = nullptr;
  std::optional<PendingEdit> pending_edit_;
  int run_parent_ = -1;  // parent take of the run in flight (-1: a plain generation)
};

// Labels shared with the tests and the CLI-style status texts.
QString stage_text(const Progress& progress);
QString duration_text(double seconds);

}  // namespace drs::ui

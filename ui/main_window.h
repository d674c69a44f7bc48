// The main window: arranges the lyrics, the song settings, the run's status and the
// takes, and wires them to the GenerationController that owns the run state.
#pragma once

#include <QMainWindow>

#include <memory>
#include <optional>
#include <vector>

#include "drs/engine.h"
#include "drs/run_journal.h"
#include "ui/draft_store.h"
#include "ui/engine_backend.h"
#include "ui/lyrics/lyrics_panel.h"
#include "ui/run/generation_controller.h"
#include "ui/run/partial_take_offer.h"
#include "ui/song/song_settings_panel.h"
#include "ui/takes/takes_panel.h"

class QAction;
class QPushButton;
class QLabel;

namespace drs::ui {

class Banner;
class EditPanel;
class LyricLineMarker;
class ListenInPanel;
class LyricsEditor;
class PlayerPanel;
class QueuePanel;
class ResumeOffer;
class RunStatusView;
class StreamingPlayback;
class StyleSourcePanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  using State = GenerationController::State;

  // Loads the model set from default_model_location(); a failure leaves the window
  // usable for editing and says what is missing.
  explicit MainWindow(QWidget* parent = nullptr);
  // With an explicit backend (tests, or a model chosen elsewhere); null = no engine.
  MainWindow(std::unique_ptr<GenerationBackend> backend, QWidget* parent);
  ~MainWindow() override;
  MainWindow(const MainWindow&) = delete;
  MainWindow& operator=(const MainWindow&) = delete;

  [[nodiscard]] GenerationController* controller() const { return controller_; }
  [[nodiscard]] State state() const { return controller_->state(); }
  [[nodiscard]] EngineWorker* worker() const { return controller_->worker(); }
  [[nodiscard]] const frontend::RunTracker* tracker() const { return controller_->tracker(); }
  [[nodiscard]] const std::vector<TakeRecord>& takes() const { return takes_->takes(); }
  [[nodiscard]] DraftStore& draftStore() { return draft_store_; }
  [[nodiscard]] LyricsEditor* lyricsEditor() const { return lyrics_->editor(); }
  [[nodiscard]] PlayerPanel* playerPanel() const { return takes_->player(); }
  [[nodiscard]] StreamingPlayback* streamingPlayback() const { return takes_->streaming(); }
  [[nodiscard]] ResumeOffer* resumeOffer() const { return resume_offer_; }
  [[nodiscard]] StyleSourcePanel* styleSource() const { return settings_->styleSource(); }
  [[nodiscard]] QueuePanel* queuePanel() const { return queue_; }

  // Writes take `index` to `path` (format from the extension); false + message on failure.
  bool exportTake(int index, const QString& path, QString* error = nullptr) {
    return takes_->exportTake(index, path, error);
  }

 public Q_SLOTS:
  // Picks the model set again (model store, $DRS_MODEL_DIR, demo) and loads it.
  void reloadEngine() { controller_->reloadEngine(); }
  void generate();
  void cancel() { partial_offer_->cancelRun(); }
  void exportSelected() { takes_->exportSelected(); }
  void openLyrics() { lyrics_->openLyrics(); }
  void saveLyrics() { lyrics_->saveLyrics(); }
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
  void buildUi();
  void buildMenus();
  void connectController();
  void connectAutosave();
  void restoreDraft();
  [[nodiscard]] Draft currentDraft() const;
  void applyModelInfo();
  void onStateChanged(State state);
  void updateModelStatus();
  [[nodiscard]] QString demoNotice() const;
  void showIdleBanner();
  void onMatmulSpeedMeasured(const MatmulSpeed& speed);
  [[nodiscard]] bool refuseWithLyricErrors();
  void onRunFinished(const ResultPtr& result);
  void showRunWarnings(const GenerationResult& result);
  void showRunError(const GenerationResult& result);
  void resumeRun(const RunJournal& journal);
  void addTakes(const std::vector<Take>& takes, const QString& note = {});
  void loadExample(int index);
  void showStatus(const QString& text, int timeout_ms);
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
  // The queue (main_window_queue.cpp).
  QWidget* buildQueue();
  void enqueue();
  void startNextQueued();
  // Takes library (main_window_takes.cpp).
  void reuseTakeSettings(const TakeManifest& manifest);
  void showModels();

  GenerationController* controller_;
  QString slow_cpu_notice_;  // set when the start-up GEMM probe finds a slow BLAS
  DraftStore draft_store_;

  LyricsPanel* lyrics_ = nullptr;
  SongSettingsPanel* settings_ = nullptr;
  QPushButton* generate_ = nullptr;
  RunStatusView* status_ = nullptr;
  ListenInPanel* listen_in_ = nullptr;
  PartialTakeOffer* partial_offer_ = nullptr;
  TakesPanel* takes_ = nullptr;
  Banner* banner_ = nullptr;
  ResumeOffer* resume_offer_ = nullptr;  // continues a run a crash or a close cut short
  QAction* play_while_decoding_ = nullptr;
  QAction* export_action_ = nullptr;
  QLabel* model_status_ = nullptr;
  EditPanel* edit_panel_ = nullptr;
  LyricLineMarker* edit_marker_ = nullptr;
  std::optional<PendingEdit> pending_edit_;
  int run_parent_ = -1;  // parent take of the run in flight (-1: a plain generation)
  QPushButton* enqueue_ = nullptr;
  QueuePanel* queue_ = nullptr;
  QString run_preset_;  // the preset of the run in flight (settings change while it runs)
};

}  // namespace drs::ui

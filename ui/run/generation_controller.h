// The window's run state without a widget (the shape of Qt's media player example,
// where the player object owns the playback state and the widgets only show it):
// loads the engine, submits requests and resumed runs to the worker thread, follows
// their progress and ETA (drs::frontend::RunTracker), records how fast this machine
// ran for the next estimate, and says when a run starts, progresses and ends.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

#include "drs/engine.h"
#include "drs/run_journal.h"
#include "frontend/run_tracker.h"
#include "ui/engine_backend.h"
#include "ui/engine_worker.h"
#include "ui/run/decoded_so_far.h"

namespace drs::ui {

// What the song settings say the next run should be (the lyrics come from the editor).
struct SongSettings {
  std::string style;
  std::optional<ReferenceStyle> style_audio;  // the reference song, once one is chosen
  bool wants_reference = false;  // "Style from: reference song", even with no song chosen
  double seconds = 95;
  SamplingSettings sampling;
  std::optional<std::uint64_t> seed;  // none: random
};

class GenerationController : public QObject {
  Q_OBJECT
 public:
  enum class State { Idle, Running };

  explicit GenerationController(QObject* parent = nullptr);
  ~GenerationController() override;
  GenerationController(const GenerationController&) = delete;
  GenerationController& operator=(const GenerationController&) = delete;

  // The user's choice of the faster, inexact CPU maths (Settings: at most one is on).
  [[nodiscard]] static Precision savedPrecision();
  static void savePrecision(Precision precision);

  // Picks the model set again (model store, $DRS_MODEL_DIR, demo) and loads it; idle
  // only. A failure leaves no engine and says why in modelError().
  void reloadEngine();
  // An explicit backend (tests, or a model chosen elsewhere); null = no engine.
  void attachBackend(std::unique_ptr<GenerationBackend> backend);

  [[nodiscard]] State state() const { return state_; }
  [[nodiscard]] EngineWorker* worker() const { return worker_.get(); }
  [[nodiscard]] bool hasEngine() const { return worker_ != nullptr; }
  [[nodiscard]] const ModelInfo& info() const { return info_; }
  // Rich text: why there is no engine (empty while one is loaded).
  [[nodiscard]] const QString& modelError() const { return model_error_; }
  // The base model has one length; the full model lets the user choose.
  [[nodiscard]] bool lengthChoosable() const { return info_.max_seconds > info_.min_seconds; }
  // Latent frames of a song of `seconds` on the loaded model (drs::end_frame_for).
  [[nodiscard]] int songFrames(double seconds) const;

  [[nodiscard]] const frontend::RunTracker* tracker() const {
    return tracker_ ? &*tracker_ : nullptr;
  }
  [[nodiscard]] const GenerationRequest& lastRequest() const { return last_request_; }
  // The running job is decoding its takes, and what it has decoded so far (kept for a
  // cancel that wants the part: drs::ui::PartialTakeOffer).
  [[nodiscard]] bool decoding() const;
  [[nodiscard]] const DecodedSoFar& decodedSoFar() const { return decoded_; }
  // Wall-clock seconds since the shown run started.
  [[nodiscard]] double elapsedSeconds() const;
  // Seconds left as shown: the tracker's estimate, counted down by the wall clock
  // between events; none while there is nothing to base it on.
  [[nodiscard]] std::optional<double> remainingSeconds() const;
  // The ETA's starting point from this machine's earlier runs of the loaded model.
  [[nodiscard]] frontend::RunPriors priorsFor(const SamplingSettings& sampling,
                                              double seconds) const;

  // The request for `lyrics` and `settings`: the reference song's style replaces the
  // text prompt when it is chosen.
  [[nodiscard]] static GenerationRequest request(std::string lyrics, const SongSettings& settings);

  // Submits a run; false when there is no engine or the worker refused it.
  bool start(const GenerationRequest& request);
  // Continues an interrupted run from its journal.
  bool resume(const RunJournal& journal);
  // Back to idle at once; the engine stops at its next block boundary in the
  // background and its late events are dropped. The run's journal is discarded.
  void cancel();
  // Listen-in: the running job decodes this window of its current estimate after its
  // next step (drs/listen_in.h); previewArrived() brings it.
  void requestPreview(const PreviewWindow& window);

 Q_SIGNALS:
  void engineChanged();  // info(), hasEngine() or modelError() changed
  void matmulSpeedMeasured(const drs::MatmulSpeed& speed);
  void stateChanged(drs::ui::GenerationController::State state);
  void runStarted();
  // After the tracker took the event in; `normalized` numbers steps as it does.
  void progressed(const drs::Progress& normalized);
  void audioDecoded(const drs::AudioChunk& chunk);
  void previewArrived(const drs::PreviewAudio& preview);
  void tick();  // a few times a second while running: elapsed and ETA labels
  // A run that ended by itself (succeeded or failed), before the state goes idle.
  void runFinished(const drs::ui::ResultPtr& result);
  // Every run's end, also a cancel, after the state went idle.
  void runEnded(drs::Outcome outcome);

 private:
  [[nodiscard]] static QString noModelText();
  void onWorkerSpeed();
  void onProgress(quint64 run, const Progress& progress);
  void onRunFinished(quint64 run, const ResultPtr& result);
  void begin(quint64 id, const GenerationRequest& request);
  void setState(State state);
  void recordSpeed(const GenerationResult& result) const;

  std::unique_ptr<EngineWorker> worker_;
  ModelInfo info_;
  QString model_error_;
  State state_ = State::Idle;
  quint64 run_id_ = 0;  // the run shown; 0 = none
  std::optional<frontend::RunTracker> tracker_;
  GenerationRequest last_request_;
  DecodedSoFar decoded_;
  QElapsedTimer run_clock_;
  QTimer tick_;
};

}  // namespace drs::ui

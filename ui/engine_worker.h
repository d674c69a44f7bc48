// Runs generations on one long-lived QThread (the shape of Qt's Mandelbrot example:
// the thread sleeps on a wait condition between jobs and is woken with new work).
// Engine progress arrives on the worker thread and leaves as queued Qt signals;
// cancellation goes through a std::stop_source the engine polls between blocks.
#pragma once

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <stop_token>

#include "drs/engine.h"
#include "ui/engine_backend.h"

namespace drs::ui {

using ResultPtr = std::shared_ptr<const GenerationResult>;

class EngineWorker : public QThread {
  Q_OBJECT
 public:
  explicit EngineWorker(std::unique_ptr<GenerationBackend> backend, QObject* parent = nullptr);
  ~EngineWorker() override;
  EngineWorker(const EngineWorker&) = delete;
  EngineWorker& operator=(const EngineWorker&) = delete;

  // Queues one run and returns its id (> 0). Refused (0) while another run is in
  // flight, unless that run was cancelled: then the new one starts as soon as the
  // engine has stopped (it polls the token between transformer blocks).
  std::uint64_t submit(GenerationRequest request);
  // Queues the continuation of an interrupted run (its journal file); same rules.
  std::uint64_t submitResume(std::filesystem::path journal);
  // Asks the running job to stop; it ends with Outcome::Cancelled soon after.
  void cancel();
  // Listen-in (drs/listen_in.h): the running job decodes this window of its current
  // estimate after its next sampler step and reports it as Progress::preview. Ignored
  // when no job is sampling.
  void requestPreview(const PreviewWindow& window);
  // A run is executing or queued.
  [[nodiscard]] bool busy() const { return busy_.load(); }
  // A snapshot of the model description (refreshed after every run).
  [[nodiscard]] ModelInfo info() const;
  // The backend's CPU speed probe, once the worker thread has run it (at start-up).
  [[nodiscard]] std::optional<MatmulSpeed> matmulSpeed() const;
  // What this worker's takes are made by (GenerationBackend::take_origin), as of the
  // last finished run (or start-up); none when the backend cannot tell.
  [[nodiscard]] std::optional<TakeOrigin> takeOrigin() const;

 Q_SIGNALS:
  // Both carry the id submit() returned, so a listener can drop a cancelled run's tail.
  void progressed(quint64 run, const drs::Progress& progress);
  void runFinished(quint64 run, const drs::ui::ResultPtr& result);
  // matmulSpeed() has a value (may fire before a listener connects: check it too).
  void matmulSpeedMeasured();

 protected:
  void run() override;

 private:
  void probeSpeed();
  void refreshOrigin();
  // A run to do: a new request, or the journal of an interrupted one.
  struct Job {
    GenerationRequest request;
    std::filesystem::path resume;
    std::shared_ptr<ListenIn> listen_in = std::make_shared<ListenIn>();
  };
  std::uint64_t enqueue(Job job);
  GenerationResult execute(std::uint64_t run, const Job& job, const std::stop_token& stop);
  void discardIfCancelled(GenerationResult& result);

  std::unique_ptr<GenerationBackend> backend_;
  mutable QMutex mutex_;
  QWaitCondition wake_;
  std::optional<Job> pending_;           // guarded by mutex_
  std::uint64_t pending_id_ = 0;         // guarded by mutex_
  std::uint64_t last_id_ = 0;            // guarded by mutex_
  bool running_cancelled_ = false;       // guarded by mutex_
  std::stop_source stop_;                // guarded by mutex_; fresh per run
  std::shared_ptr<ListenIn> listen_in_;  // guarded by mutex_; the running job's
  ModelInfo info_;                       // guarded by mutex_
  std::optional<MatmulSpeed> speed_;     // guarded by mutex_
  std::optional<TakeOrigin> origin_;     // guarded by mutex_
  bool abort_ = false;                   // guarded by mutex_
  std::atomic_bool busy_{false};
};

}  // namespace drs::ui

Q_DECLARE_METATYPE(drs::Progress)
Q_DECLARE_METATYPE(drs::ui::ResultPtr)

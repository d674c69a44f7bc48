#include "ui/engine_worker.h"

#include <QMutexLocker>

#include <new>

#include "drs/run_journal.h"

namespace drs::ui {

EngineWorker::EngineWorker(std::unique_ptr<GenerationBackend> backend, QObject* parent)
    : QThread(parent), backend_(std::move(backend)), info_(backend_->info()) {
  qRegisterMetaType<drs::Progress>();
  qRegisterMetaType<drs::ui::ResultPtr>();
  start();
}

EngineWorker::~EngineWorker() {
  {
    QMutexLocker lock(&mutex_);
    abort_ = true;
    stop_.request_stop();
    wake_.wakeOne();
  }
  wait();
}

std::uint64_t EngineWorker::submit(GenerationRequest request) {
  return enqueue({std::move(request), {}});
}

std::uint64_t EngineWorker::submitResume(std::filesystem::path journal) {
  return enqueue({{}, std::move(journal)});
}

std::uint64_t EngineWorker::enqueue(Job job) {
  QMutexLocker lock(&mutex_);
  // A queued run that was cancelled before it started is replaced; its listeners still
  // get its (cancelled) end, queued so that no slot runs inside submit().
  const bool pending_cancelled = pending_ && stop_.stop_requested();
  if ((pending_ && !pending_cancelled) || (busy_.load() && !pending_ && !running_cancelled_))
    return 0;
  if (pending_cancelled) {
    auto dropped = std::make_shared<GenerationResult>();
    dropped->outcome = Outcome::Cancelled;
    dropped->error_kind = ErrorKind::Cancelled;
    QMetaObject::invokeMethod(
        this, [this, id = pending_id_, dropped] { Q_EMIT runFinished(id, dropped); },
        Qt::QueuedConnection);
  }
  // A fresh source: the cancelled run keeps its own (stopped) token.
  stop_ = std::stop_source{};
  pending_ = std::move(job);
  pending_id_ = ++last_id_;
  busy_ = true;
  wake_.wakeOne();
  return pending_id_;
}

void EngineWorker::requestPreview(const PreviewWindow& window) {
  QMutexLocker lock(&mutex_);
  if (listen_in_) listen_in_->request(window);
}

void EngineWorker::cancel() {
  QMutexLocker lock(&mutex_);
  // stop_ belongs to the newest run (queued or running); a queued run that finds its
  // token stopped ends as Cancelled without touching the engine.
  stop_.request_stop();
  running_cancelled_ = busy_.load();
}

ModelInfo EngineWorker::info() const {
  QMutexLocker lock(&mutex_);
  return info_;
}

std::optional<MatmulSpeed> EngineWorker::matmulSpeed() const {
  QMutexLocker lock(&mutex_);
  return speed_;
}

std::optional<TakeOrigin> EngineWorker::takeOrigin() const {
  QMutexLocker lock(&mutex_);
  return origin_;
}

// On this thread, between jobs: hashing nothing, but reading the set's manifest.
void EngineWorker::refreshOrigin() {
  std::optional<TakeOrigin> origin;
  try {
    origin = backend_->take_origin();
  } catch (const std::exception&) {
    origin.reset();  // the takes are kept, without a replay manifest
  }
  QMutexLocker lock(&mutex_);
  origin_ = std::move(origin);
}

// On this thread, before the first job: a quarter of a second the GUI never waits for.
void EngineWorker::probeSpeed() {
  auto speed = backend_->measure_speed();
  if (!speed) return;
  {
    QMutexLocker lock(&mutex_);
    speed_ = speed;
  }
  Q_EMIT matmulSpeedMeasured();
}

void EngineWorker::run() {
  probeSpeed();
  refreshOrigin();
  for (;;) {
    Job job;
    std::stop_token stop;
    std::uint64_t id = 0;
    {
      QMutexLocker lock(&mutex_);
      while (!pending_ && !abort_) wake_.wait(&mutex_);
      if (abort_) return;
      job = std::move(*pending_);
      pending_.reset();
      id = pending_id_;
      stop = stop_.get_token();
      // A cancel that came while this run was still queued: it stays cancelled, so a
      // new submit() may queue behind it (else Generate right after Cancel did nothing).
      running_cancelled_ = stop.stop_requested();
      listen_in_ = job.listen_in;
    }
    auto result = std::make_shared<GenerationResult>(execute(id, job, stop));
    discardIfCancelled(*result);
    refreshOrigin();  // precision and device are settled once the models loaded
    {
      QMutexLocker lock(&mutex_);
      info_ = backend_->info();
      if (abort_) return;
      // Cleared before the signal so a slot may submit the next run right away.
      busy_ = pending_.has_value();
      running_cancelled_ = false;
      listen_in_.reset();
    }
    Q_EMIT runFinished(id, result);
  }
}

// Cancel means "throw it away"; a run cut short any other way (a closed window, a
// crash) stays resumable. Done on this thread, not in the GUI's, so that a window
// closed right after Cancel leaves no journal behind either.
void EngineWorker::discardIfCancelled(GenerationResult& result) {
  {
    QMutexLocker lock(&mutex_);
    if (!running_cancelled_) return;
  }
  if (result.journal.empty()) return;
  discard_run_journal(result.journal);
  result.journal.clear();
}

GenerationResult EngineWorker::execute(std::uint64_t run, const Job& job,
                                       const std::stop_token& stop) {
  // The sink runs on this thread; emitting hands a copy to the GUI thread's queue.
  const ProgressSink sink = [this, run](const Progress& progress) {
    Q_EMIT progressed(run, progress);
  };
  GenerationResult result;
  try {
    if (stop.stop_requested()) throw Error(ErrorKind::Cancelled, "cancelled before start");
    if (job.resume.empty()) {
      auto request = job.request;
      request.listen_in = job.listen_in;
      result = backend_->generate(request, sink, stop);
    } else {
      result = backend_->resume(job.resume, sink, stop, job.listen_in);
    }
  } catch (const Error& error) {
    result.outcome = error.kind() == ErrorKind::Cancelled ? Outcome::Cancelled : Outcome::Failed;
    result.error_kind = error.kind();
    result.error = error.what();
  } catch (const std::bad_alloc&) {
    result.outcome = Outcome::Failed;
    result.error_kind = ErrorKind::OutOfMemory;
    result.error = "out of memory";
  } catch (const std::exception& error) {
    result.outcome = Outcome::Failed;
    result.error_kind = ErrorKind::Internal;
    result.error = error.what();
  }
  // A stop that raced with the last step still means the user asked to cancel.
  if (stop.stop_requested() && result.outcome != Outcome::Failed) {
    result.outcome = Outcome::Cancelled;
    result.takes.clear();
  }
  return result;
}

}  // namespace drs::ui

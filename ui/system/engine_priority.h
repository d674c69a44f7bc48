// Applies the "keep the computer responsive" choice to the threads that compute a run.
// The engine's threads belong to the worker thread (its intra-op threads are per
// thread), so the change is made there: at the first progress event of each run, which
// the worker emits on its own thread before any heavy work.
#pragma once

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

#include "drs/compute_priority.h"

namespace drs::ui {

class EngineWorker;

class EnginePriority : public QObject {
  Q_OBJECT
 public:
  explicit EnginePriority(QObject* parent = nullptr);

  // Follows `worker`'s runs (again after the window loaded another engine).
  void attach(EngineWorker* worker);
  // The priority for the runs that start from now on.
  void setLow(bool low);

  // Of the last change made (on the worker thread; read after that run's first event).
  [[nodiscard]] PriorityChange lastChange() const;

 private:
  struct Shared {
    std::atomic_bool low{false};
    std::atomic<quint64> applied_run{0};
    std::atomic_int changed{0};
    std::atomic_int refused{0};
  };
  std::shared_ptr<Shared> shared_ = std::make_shared<Shared>();
  QPointer<EngineWorker> worker_;
};

}  // namespace drs::ui

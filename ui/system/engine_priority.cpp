#include "ui/system/engine_priority.h"

#include <QDebug>

#include "ui/engine_worker.h"

namespace drs::ui {

EnginePriority::EnginePriority(QObject* parent) : QObject(parent) {}

void EnginePriority::attach(EngineWorker* worker) {
  if (!worker || worker == worker_) return;
  if (worker_) disconnect(worker_, nullptr, this, nullptr);
  worker_ = worker;
  shared_->applied_run = 0;  // a new worker numbers its runs from 1 again
  // Direct: the slot runs on the worker thread, inside the engine's progress report.
  connect(
      worker, &EngineWorker::progressed, this,
      [shared = shared_](quint64 run, const Progress&) {
        if (shared->applied_run.exchange(run) == run) return;
        const auto change =
            set_compute_priority(shared->low ? ComputePriority::Low : ComputePriority::Normal);
        shared->changed = change.threads;
        shared->refused = change.refused;
        if (change.refused > 0)
          qWarning(
              "Could not change the priority of %d engine threads (takes effect "
              "after a restart)",
              change.refused);
      },
      Qt::DirectConnection);
}

void EnginePriority::setLow(bool low) {
  shared_->low = low;
}

PriorityChange EnginePriority::lastChange() const {
  return {.threads = shared_->changed, .refused = shared_->refused};
}

}  // namespace drs::ui

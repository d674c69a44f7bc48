// Makes a long run a good citizen on a laptop: keeps the computer awake while a run
// expected to take more than a few minutes is going (CitizenSettings::keepAwake), says
// when a run finished or failed while the user looks at another window, and runs the
// engine at a lower priority when asked to (CitizenSettings::responsive).
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

#include "ui/engine_worker.h"
#include "ui/system/desktop_buses.h"

class QMenu;
class QWidget;

namespace drs::ui {

class DesktopNotifier;
class EnginePriority;
class SleepInhibitor;

class RunCitizen : public QObject {
  Q_OBJECT
 public:
  // `newest_take_name`: what the window calls the take a run just added.
  RunCitizen(QWidget* window, std::function<QString()> newest_take_name,
             DesktopBuses buses = DesktopBuses::standard());

  // The settings' menu entries (CitizenSettings::addTo), applied from the next run.
  void addSettingsTo(QMenu* menu);

  // A run started on `worker`, expected to take `estimated_seconds` (none: unknown).
  void runStarted(EngineWorker* worker, std::optional<double> estimated_seconds);
  // The run ended by itself (succeeded or failed; after the window took its takes in):
  // a notification unless the window is the active one.
  void runFinished(const drs::ui::ResultPtr& result);
  // The run is over, also when cancelled: the computer may sleep again.
  void runEnded();

  [[nodiscard]] SleepInhibitor* sleepInhibitor() const { return inhibitor_; }
  [[nodiscard]] EnginePriority* enginePriority() const { return priority_; }

 private:
  QWidget* window_;
  std::function<QString()> newest_take_name_;
  SleepInhibitor* inhibitor_;
  DesktopNotifier* notifier_;
  EnginePriority* priority_;
};

}  // namespace drs::ui

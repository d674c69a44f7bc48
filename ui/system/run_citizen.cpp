#include "ui/system/run_citizen.h"

#include <QAction>
#include <QWidget>

#include "ui/system/citizen_settings.h"
#include "ui/system/desktop_notifier.h"
#include "ui/system/engine_priority.h"
#include "ui/system/sleep_inhibitor.h"

namespace drs::ui {

RunCitizen::RunCitizen(QWidget* window, std::function<QString()> newest_take_name,
                       DesktopBuses buses)
    : QObject(window),
      window_(window),
      newest_take_name_(std::move(newest_take_name)),
      inhibitor_(new SleepInhibitor(buses, this)),
      notifier_(new DesktopNotifier(buses, this)),
      priority_(new EnginePriority(this)) {
  priority_->setLow(CitizenSettings::responsive());
}

void RunCitizen::addSettingsTo(QMenu* menu) {
  if (!menu) return;
  const auto actions = CitizenSettings::addTo(menu);
  connect(actions.responsive, &QAction::toggled, priority_, &EnginePriority::setLow);
}

void RunCitizen::runStarted(EngineWorker* worker, std::optional<double> estimated_seconds) {
  priority_->attach(worker);
  // No estimate yet means no history on this machine: real models then take long.
  const bool long_run =
      !estimated_seconds || *estimated_seconds > CitizenSettings::kKeepAwakeAfterSeconds;
  if (long_run && CitizenSettings::keepAwake()) inhibitor_->inhibit(tr("Generating a song"));
}

void RunCitizen::runFinished(const ResultPtr& result) {
  if (!result || result->outcome == Outcome::Cancelled) return;
  if (window_->isActiveWindow()) return;  // the user sees it already
  if (result->outcome == Outcome::Succeeded)
    notifier_->notify(tr("Song finished"), newest_take_name_ ? newest_take_name_() : QString());
  else
    notifier_->notify(tr("Generation failed"), QString::fromStdString(result->error));
}

void RunCitizen::runEnded() {
  inhibitor_->release();
}

}  // namespace drs::ui

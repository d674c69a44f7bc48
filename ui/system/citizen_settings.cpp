#include "ui/system/citizen_settings.h"

#include <QAction>
#include <QMenu>
#include <QSettings>

namespace drs::ui {
namespace {

const QString kKeepAwakeKey = QStringLiteral("laptop/keepAwakeDuringLongRuns");
const QString kResponsiveKey = QStringLiteral("laptop/keepComputerResponsive");

}  // namespace

bool CitizenSettings::keepAwake() {
  return QSettings().value(kKeepAwakeKey, true).toBool();
}
void CitizenSettings::setKeepAwake(bool on) {
  QSettings().setValue(kKeepAwakeKey, on);
}
bool CitizenSettings::responsive() {
  return QSettings().value(kResponsiveKey, false).toBool();
}
void CitizenSettings::setResponsive(bool on) {
  QSettings().setValue(kResponsiveKey, on);
}

CitizenSettings::Actions CitizenSettings::addTo(QMenu* menu) {
  auto* awake = menu->addAction(tr("Keep the computer &awake during long runs"));
  awake->setObjectName(QStringLiteral("keepAwakeAction"));
  awake->setToolTip(
      tr("While a run expected to take more than 5 minutes is going, ask the "
         "desktop not to suspend the computer"));
  awake->setCheckable(true);
  awake->setChecked(keepAwake());
  QObject::connect(awake, &QAction::toggled, awake, &CitizenSettings::setKeepAwake);

  auto* responsive_action = menu->addAction(tr("Keep the computer &responsive"));
  responsive_action->setObjectName(QStringLiteral("keepResponsiveAction"));
  responsive_action->setToolTip(
      tr("Run the engine at a lower priority, so that this window and other programs stay "
         "quick while a song is generated. While other programs keep the processor busy, "
         "songs take somewhat longer; when nothing else competes for it, they do not. Applies "
         "from the next run."));
  responsive_action->setCheckable(true);
  responsive_action->setChecked(responsive());
  QObject::connect(responsive_action, &QAction::toggled, responsive_action,
                   &CitizenSettings::setResponsive);
  return {.keep_awake = awake, .responsive = responsive_action};
}

}  // namespace drs::ui

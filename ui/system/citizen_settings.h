// The choices that make a long run kinder to a laptop, saved with QSettings, and their
// entries in the Settings menu.
#pragma once

#include <QCoreApplication>

class QAction;
class QMenu;

namespace drs::ui {

class CitizenSettings {
  Q_DECLARE_TR_FUNCTIONS(drs::ui::CitizenSettings)
 public:
  // Runs whose estimate is longer than this keep the computer awake.
  static constexpr double kKeepAwakeAfterSeconds = 5 * 60;

  // Keep the computer from sleeping during long runs (on unless the user turned it off).
  [[nodiscard]] static bool keepAwake();
  static void setKeepAwake(bool on);
  // Run the engine at a lower CPU priority (off unless the user turned it on).
  [[nodiscard]] static bool responsive();
  static void setResponsive(bool on);

  // Two checkable entries bound to the settings above.
  struct Actions {
    QAction* keep_awake = nullptr;
    QAction* responsive = nullptr;
  };
  static Actions addTo(QMenu* menu);
};

}  // namespace drs::ui

#include "ui/preset_description.h"

#include <QCoreApplication>

#include <string>

namespace drs::ui {
namespace {

// The engine's texts as lupdate sees them (it cannot read engine/); a test checks
// that every preset's description is listed here, so a reworded one is noticed.
[[maybe_unused]] constexpr const char* kDescriptions[] = {
    QT_TRANSLATE_NOOP("drs::ui::Presets", "Official quality: 32-point grid, guidance 4.0"),
    QT_TRANSLATE_NOOP("drs::ui::Presets", "24-point grid with sway, guidance 3.0"),
    QT_TRANSLATE_NOOP("drs::ui::Presets", "16-point grid with sway, guidance 2.0 (common on CPUs)"),
    QT_TRANSLATE_NOOP("drs::ui::Presets", "8-point grid with sway, guidance 2.0: quick sketches"),
};

}  // namespace

QString presetDescription(const Preset& preset) {
  const std::string text(preset.description);
  return QCoreApplication::translate("drs::ui::Presets", text.c_str());
}

}  // namespace drs::ui

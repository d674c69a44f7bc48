// A preset's description (English engine data, drs/presets.h) in the UI's language.
#pragma once

#include <QString>

#include "drs/presets.h"

namespace drs::ui {

// The translation of `preset.description`, or the English text where none exists.
[[nodiscard]] QString presetDescription(const Preset& preset);

}  // namespace drs::ui

// What the window says about this CPU's maths: the slow-maths banner (with the fix that
// applies) and the one-line kernel description of the about box.
#pragma once

#include <QString>

#include "drs/machine_speed.h"

namespace drs::ui {

// Rich text for the banner; empty when the measured rate is not slow.
[[nodiscard]] QString slowCpuNotice(const MatmulSpeed& speed);

// "OpenBLAS core Cooperlake (chosen by OpenBLAS)" and the CPU's vector units, for the
// about box (plain text).
[[nodiscard]] QString mathsDescription();

}  // namespace drs::ui

// The run's texts in the user's language: the stage line ("Sampling — step 3 of 31")
// and durations ("4 min 10 s", from drs::frontend::split_duration).
#pragma once

#include <QString>

#include "drs/progress.h"

namespace drs::ui {

QString stage_text(const Progress& progress);
QString duration_text(double seconds);

}  // namespace drs::ui

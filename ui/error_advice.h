// What a failed run means for the user and what to do about it.
#pragma once

#include <QString>

#include "drs/error.h"

namespace drs::ui {

// A translated headline for the error kind.
QString error_title(ErrorKind kind);
// A translated sentence of advice for the error kind.
QString error_advice(ErrorKind kind);

}  // namespace drs::ui

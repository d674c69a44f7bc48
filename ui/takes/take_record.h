// One generated song kept for this session, with what made it.
#pragma once

#include <QString>

#include "drs/engine.h"

namespace drs::ui {

struct TakeRecord {
  Take take;
  QString style;
  QString preset;
  double seconds = 0;
  QString preview_path;          // WAV the player streams
  int parent = -1;               // the take this one edits or continues (index), -1: none
  double requested_seconds = 0;  // the run's song length (the request's, not the audio's)
};

}  // namespace drs::ui

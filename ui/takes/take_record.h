// One generated song of this session or of the takes library, with what made it. A
// library take's audio is read when it is first selected (take.audio empty until then).
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
  QString library_path;          // its audio in the takes library; empty: not stored
  QString name;                  // the user's name for it (library takes)
  bool pinned = false;           // kept when the library is over its size bound
};

}  // namespace drs::ui

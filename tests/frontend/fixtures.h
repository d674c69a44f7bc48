// Engine events and analysed lyric lines as the front-end tests (GoogleTest and Qt Test
// alike) build them: plain C++, from the engine's public headers only.
#pragma once

#include "drs/lyrics.h"
#include "drs/progress.h"

namespace drs::test {

// A Progress event (helper: designated initializers would have to name every field).
inline Progress make_progress(Stage stage, int step = 0, int steps = 0, double within = 0,
                              double step_seconds = 0, double elapsed = 0, int take = 0) {
  Progress progress;
  progress.stage = stage;
  progress.step = step;
  progress.steps = steps;
  progress.within_step = within;
  progress.step_seconds = step_seconds;
  progress.elapsed_seconds = elapsed;
  progress.take = take;
  return progress;
}

// A line the analysis placed: `tokens` of them, `available` frames until the next line.
inline LyricLine placed_line(int number, int tokens, int available, bool overflows) {
  LyricLine line;
  line.line = number;
  line.tokens = tokens;
  line.frames_available = available;
  line.placed = true;
  line.overflows = overflows;
  return line;
}

}  // namespace drs::test

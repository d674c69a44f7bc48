// Progress reporting and cancellation, shared by every engine stage. Plain C++:
// the UI adapts these callbacks into Qt signals in its worker.
#pragma once

#include <functional>
#include <memory>
#include <stop_token>
#include <string>

#include "drs/audio_chunk.h"

namespace drs {

struct PreviewAudio;  // drs/listen_in.h

enum class Stage {
  LoadingModels,
  Lyrics,
  Style,
  Encoding,  // edit/continue: the reference song through the VAE encoder; steps = chunks
  Sampling,  // steps = Euler steps of the chosen grid (guidance passes are inside a step)
  Decoding,  // steps = VAE chunks
  Writing,
  Done,
};

[[nodiscard]] const char* to_string(Stage stage) noexcept;

struct Progress {
  Stage stage = Stage::LoadingModels;
  int step = 0;                  // steps completed in this stage (0..steps)
  int steps = 0;                 // total steps of this stage (0 = indeterminate)
  double within_step = 0.0;      // 0..1 progress inside the running step (after each block)
  double step_seconds = 0.0;     // wall time of the step that just completed, else 0
  double elapsed_seconds = 0.0;  // since the run began
  int take = 0;                  // take index for batch generation
  std::string message;           // short human-readable detail, may be empty
  // Decoding only: the audio this chunk finished, in order (shared, so that copying a
  // Progress across threads stays cheap).
  std::shared_ptr<const AudioChunk> audio{};
  // Sampling only: a listen-in preview the caller asked for (drs/listen_in.h), reported
  // after the step it was estimated at.
  std::shared_ptr<const PreviewAudio> preview{};
};

// Called on the engine's thread. Must be cheap and must not throw.
using ProgressSink = std::function<void(const Progress&)>;

// Cancellation is a C++20 std::stop_token: the caller keeps the std::stop_source
// (a std::jthread gives one for free) and calls request_stop() from any thread. The
// engine checks it between transformer blocks and between VAE chunks, so a cancel
// lands within one block's time and the run ends with Outcome::Cancelled.

}  // namespace drs

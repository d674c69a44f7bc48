// Turns the engine's per-stage progress into what a front end shows: one monotone
// overall fraction (one set of stage weights for the GUI and the CLI), the running
// stage/step, and an ETA that is honest before the first sampling step (a prior from
// earlier runs, flagged as calibrating) and then converges on the measured step and
// chunk times. Plain C++: the window and diffrhythm-cli feed it the same events.
#pragma once

#include <algorithm>
#include <optional>

#include "drs/progress.h"

namespace drs::frontend {

struct RunPriors {
  int sampling_steps = 31;                 // Euler steps of the chosen grid
  std::optional<double> seconds_per_step;  // from earlier runs on this model/device
  std::optional<double> decode_seconds;    // one take's VAE decode, from earlier runs
  int takes = 1;                           // takes of the run, decoded one after another
};

class RunTracker {
 public:
  explicit RunTracker(RunPriors priors);

  void update(const Progress& progress);
  // `progress` with the step count as the tracker understood it (for labels).
  [[nodiscard]] Progress normalized(const Progress& progress) const;

  [[nodiscard]] double fraction() const { return fraction_; }  // 0..1, never decreases
  [[nodiscard]] Stage stage() const { return stage_; }
  [[nodiscard]] int step() const { return step_; }
  [[nodiscard]] int steps() const { return steps_; }
  [[nodiscard]] int take() const { return take_; }
  [[nodiscard]] double elapsed() const { return elapsed_; }
  // True until one sampling step has been timed on this run.
  [[nodiscard]] bool calibrating() const { return measured_steps_ == 0; }
  // Seconds left, or none when there is nothing to base a guess on yet.
  [[nodiscard]] std::optional<double> remaining() const;
  // Mean measured sampling step time of this run (0 before the first step).
  [[nodiscard]] double seconds_per_step() const;
  [[nodiscard]] int measured_steps() const { return measured_steps_; }
  // Measured decode time of one take, once decoding ended (0 before).
  [[nodiscard]] double decode_seconds() const;

 private:
  [[nodiscard]] double stage_fraction() const;
  [[nodiscard]] std::optional<double> step_estimate() const;
  [[nodiscard]] std::optional<double> sampling_remaining() const;
  [[nodiscard]] std::optional<double> decode_remaining() const;
  [[nodiscard]] int takes() const { return std::max(1, priors_.takes); }

  RunPriors priors_;
  Stage stage_ = Stage::LoadingModels;
  int step_ = 0;
  int steps_ = 0;
  int take_ = 0;
  double within_ = 0;
  double elapsed_ = 0;
  double fraction_ = 0;
  int measured_steps_ = 0;
  double measured_total_ = 0;
  double last_step_seconds_ = 0;
  double sampling_started_ = -1;
  double decode_started_ = -1;
  double decode_seconds_ = 0;  // measured, once decoding ended
  int decode_chunks_done_ = 0;
  double decode_chunk_total_ = 0;
};

}  // namespace drs::frontend

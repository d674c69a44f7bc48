// The ETA's starting point for a run from what this machine measured before: the
// engine's cost model (transformer passes of the chosen sampling) times the seconds
// one pass took. The GUI stores the measurements; any front end can pass them in.
#pragma once

#include <optional>

#include "drs/presets.h"
#include "frontend/run_tracker.h"

namespace drs::frontend {

// Transformer passes per Euler step on average: steps past a partial-guidance cutoff
// cost one pass, not two.
[[nodiscard]] double passes_per_step(const SamplingSettings& sampling);

[[nodiscard]] RunPriors run_priors(const SamplingSettings& sampling,
                                   std::optional<double> seconds_per_forward,
                                   std::optional<double> decode_seconds, int takes = 1);

}  // namespace drs::frontend

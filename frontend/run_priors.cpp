#include "frontend/run_priors.h"

#include <algorithm>

namespace drs::frontend {

double passes_per_step(const SamplingSettings& sampling) {
  return static_cast<double>(sampling.forward_passes()) / std::max(1, sampling.steps());
}

RunPriors run_priors(const SamplingSettings& sampling, std::optional<double> seconds_per_forward,
                     std::optional<double> decode_seconds, int takes) {
  RunPriors priors;
  priors.sampling_steps = sampling.steps();
  if (seconds_per_forward)
    priors.seconds_per_step = *seconds_per_forward * passes_per_step(sampling);
  priors.decode_seconds = decode_seconds;
  priors.takes = takes;
  return priors;
}

}  // namespace drs::frontend

// Conditional flow matching sampler: Euler on the official time grid with
// classifier-free guidance (MODEL.md section 3).
#pragma once

#include <ATen/ATen.h>

#include <functional>
#include <stop_token>
#include <utility>
#include <vector>

#include "dit/dit_model.h"
#include "drs/presets.h"

namespace drs {

struct SampleInputs {
  at::Tensor cond;            // [1 or K,N,64] reference latent (zeros for plain generation)
  at::Tensor text;            // [1,N] int64 lyric tokens
  at::Tensor style;           // [1,512]
  at::Tensor negative_style;  // [1,512]
  at::Tensor start_time;      // [1]
  at::Tensor song_duration;   // [1]
  std::vector<std::pair<int64_t, int64_t>> segments;  // frames to generate [start,end)
  at::Tensor y0;                                      // [K,N,64] initial noise (K = takes)
  // Resuming: y0 is the state after this many steps (a run journal's), not noise.
  int first_step = 0;
};

struct SamplerProgress {
  std::function<void(int step, int steps, int block, int blocks)> on_block;
  std::function<void(int step, int steps, double seconds)> on_step;  // step completed
  // The sampler's state [K,N,64] after `step` steps (0 = the initial noise), for the
  // run journal; called before on_step.
  std::function<void(int step, const at::Tensor& state)> on_state;
  // Listen-in: asked after each step; when it says yes, on_estimate gets the flow's
  // estimate of the clean latent at that step, x + (1 - t) v [K,N,64] with the edit
  // mask applied (the sampler's own state is not changed). Called after on_step.
  std::function<bool()> wants_estimate;
  std::function<void(int step, const at::Tensor& estimate)> on_estimate;
};

// The time grid: fp32 linspace(0,1,points) rounded as the official fp16 grid is NOT
// applied (float32 reference); sway applied when set.
at::Tensor time_grid(const SamplingSettings& settings, const at::TensorOptions& options);

// Returns the final latent [K,N,64] (edit mask merged). With `trajectory` non-null,
// also fills every grid point's state [points,K,N,64] (golden tests).
at::Tensor sample(const DiT& model, const SampleInputs& inputs, const SamplingSettings& settings,
                  const SamplerProgress& progress, std::stop_token stop,
                  at::Tensor* trajectory = nullptr);

}  // namespace drs

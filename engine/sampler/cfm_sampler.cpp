#include "sampler/cfm_sampler.h"

#include <chrono>
#include <cmath>

#include "core/cancellation.h"
#include "drs/error.h"
#include "drs/progress.h"

namespace drs {
namespace {

using Clock = std::chrono::steady_clock;

// M [1,N,1]: true on frames inside any generated segment [start, end).
at::Tensor span_mask(const std::vector<std::pair<int64_t, int64_t>>& segments, int64_t frames,
                     const at::TensorOptions& options) {
  auto mask = at::zeros({1, frames, 1}, options.dtype(at::kBool));
  for (const auto& [start, end] : segments) {
    const auto s = std::clamp<int64_t>(start, 0, frames), e = std::clamp<int64_t>(end, 0, frames);
    if (e > s) mask.narrow(1, s, e - s).fill_(true);
  }
  return mask;
}

void check_inputs(const SampleInputs& in, const DiT& model) {
  const int64_t n = in.y0.size(1);
  const auto fail = [](const std::string& what) {
    throw Error(ErrorKind::BadInput, "sampler: " + what);
  };
  if (in.y0.dim() != 3 || in.y0.size(2) != model.config().mel_dim)
    fail("noise must be [takes, frames, 64]");
  if (in.cond.dim() != 3 || in.cond.size(1) < n) fail("reference latent is shorter than the song");
  if (in.cond.size(0) != 1 && in.cond.size(0) != in.y0.size(0))
    fail("reference latent must have one entry, or one per take");
  if (in.text.dim() != 2 || in.text.size(1) != n)
    fail("lyric tokens must have one entry per frame");
  if (n > model.config().max_frames) fail("song longer than the model's max_frames");
  if (in.first_step < 0) fail("negative first step");
}

}  // namespace

at::Tensor time_grid(const SamplingSettings& settings, const at::TensorOptions& options) {
  auto t = at::linspace(0.0, 1.0, settings.grid_points, options.dtype(at::kFloat));
  if (settings.sway)
    t = t + static_cast<double>(*settings.sway) * (at::cos(t * (M_PI / 2)) - 1 + t);
  return t;
}

at::Tensor sample(const DiT& model, const SampleInputs& in, const SamplingSettings& settings,
                  const SamplerProgress& progress, std::stop_token stop, at::Tensor* trajectory) {
  check_inputs(in, model);
  const auto options = model.options();
  const int64_t takes = in.y0.size(0), n = in.y0.size(1);
  const bool guided = settings.forward_passes() > settings.steps();  // any step guided
  const auto repeat = [&](const at::Tensor& t) {
    std::vector<int64_t> times(static_cast<std::size_t>(t.dim()), 1);
    times[0] = takes;
    return t.to(options.device()).repeat(times);
  };

  // One reference for all takes, or (edit mode) one sampled reference latent per take.
  const auto cond = in.cond.size(0) == takes && takes > 1
                        ? in.cond.narrow(1, 0, n).to(options)
                        : repeat(in.cond.narrow(1, 0, n).to(options));
  const auto mask = span_mask(in.segments, n, options);
  const auto step_cond = cond.masked_fill(mask, 0.0);

  // Conditional and unconditional passes as one batch: [cond takes | uncond takes].
  DitInputs inputs;
  inputs.cond = step_cond;
  inputs.text = repeat(in.text);
  inputs.style = repeat(in.style.to(options));
  inputs.start_time = repeat(in.start_time.to(options));
  inputs.duration = repeat(in.song_duration.to(options));
  auto conditioning = model.precompute(inputs);
  if (guided) {
    DitInputs uncond = inputs;
    uncond.drop_audio_cond = true;
    uncond.drop_text = true;
    uncond.style = repeat(in.negative_style.to(options));
    const auto u = model.precompute(uncond);
    conditioning.text_embed = at::cat({conditioning.text_embed, u.text_embed});
    conditioning.static_input = at::cat({conditioning.static_input, u.static_input});
    conditioning.static_time = at::cat({conditioning.static_time, u.static_time});
    if (conditioning.fusion.defined())
      conditioning.fusion = at::cat({conditioning.fusion, u.fusion}, 1);
  }

  // Steps past settings.guidance_until run the conditional half of the batch alone.
  DitConditioning conditional_only = conditioning;
  if (guided) {
    conditional_only.text_embed = conditioning.text_embed.narrow(0, 0, takes);
    conditional_only.static_input = conditioning.static_input.narrow(0, 0, takes);
    conditional_only.static_time = conditioning.static_time.narrow(0, 0, takes);
    if (conditioning.fusion.defined())
      conditional_only.fusion = conditioning.fusion.narrow(1, 0, takes);
  }

  const auto grid = time_grid(settings, options).to(at::kCPU);
  const int steps = settings.steps();
  auto y = in.y0.to(options);
  if (trajectory) {
    *trajectory = at::empty({settings.grid_points, takes, n, y.size(2)}, y.options());
    (*trajectory)[0].copy_(y);
  }
  if (in.first_step > steps)
    throw Error(ErrorKind::BadInput, "sampler: resuming at step " + std::to_string(in.first_step) +
                                         " of " + std::to_string(steps));
  if (progress.on_state && in.first_step == 0) progress.on_state(0, y);
  for (int k = in.first_step; k < steps; ++k) {
    throw_if_cancelled(stop);
    const auto started = Clock::now();
    const double t0 = grid[k].item<double>(), t1 = grid[k + 1].item<double>();
    const bool guided_now = guided && settings.guided_step(k);
    const auto state = guided_now ? at::cat({y, y}) : y;
    const auto time = at::full({state.size(0)}, t0, options);
    const auto v = model.velocity(
        state, time, guided_now ? conditioning : conditional_only,
        [&](int block, int blocks) {
          if (progress.on_block) progress.on_block(k, steps, block, blocks);
          throw_if_cancelled(stop);
        },
        // Inside blocks too (GEMM slices, attention heads): a real-size CPU block takes
        // seconds, a slice a fraction of one.
        [&] { throw_if_cancelled(stop); });
    at::Tensor velocity = v;
    if (guided_now) {
      const auto vc = v.narrow(0, 0, takes), vu = v.narrow(0, takes, takes);
      velocity = vc + (vc - vu) * static_cast<double>(settings.cfg_strength);
    }
    const bool estimate =
        progress.on_estimate && progress.wants_estimate && progress.wants_estimate();
    const auto clean = estimate ? at::where(mask, y + velocity * (1.0 - t0), cond) : at::Tensor();
    y = y + velocity * (t1 - t0);
    if (trajectory) (*trajectory)[k + 1].copy_(y);
    if (progress.on_state) progress.on_state(k + 1, y);
    if (progress.on_step)
      progress.on_step(k + 1, steps, std::chrono::duration<double>(Clock::now() - started).count());
    if (estimate) progress.on_estimate(k + 1, clean);
  }
  return at::where(mask, y, cond);
}

}  // namespace drs

#include "frontend/run_tracker.h"

#include <algorithm>

namespace drs::frontend {
namespace {

// Share of the overall bar per stage: sampling dominates the wall time, the VAE
// decode is the next largest, everything else is a sliver.
constexpr double kPrepareEnd = 0.03;
constexpr double kSamplingEnd = 0.88;
constexpr double kDecodingEnd = 0.99;

// Before anything is known about the decoder, guess it as this share of sampling.
constexpr double kDecodeShareGuess = 0.12;
// Share of the first step that must be done before its duration is extrapolated.
constexpr double kCalibrationShare = 0.25;

}  // namespace

RunTracker::RunTracker(RunPriors priors) : priors_(priors) {}

void RunTracker::update(const Progress& progress) {
  if (progress.stage == Stage::Sampling && sampling_started_ < 0)
    sampling_started_ = progress.elapsed_seconds;
  if (progress.stage == Stage::Decoding && stage_ != Stage::Decoding)
    decode_started_ = progress.elapsed_seconds;
  if (stage_ == Stage::Decoding && progress.stage != Stage::Decoding && decode_started_ >= 0)
    decode_seconds_ = progress.elapsed_seconds - decode_started_;
  stage_ = progress.stage;
  step_ = progress.step;
  steps_ = progress.steps;
  take_ = progress.take;
  within_ = std::clamp(progress.within_step, 0.0, 1.0);
  if (progress.stage == Stage::Sampling && progress.step_seconds > 0) {
    ++measured_steps_;
    measured_total_ += progress.step_seconds;
    last_step_seconds_ = progress.step_seconds;
    // A step-completed event counts as `measured_steps_` done, whether the engine
    // numbers it by index or by count.
    step_ = std::max(step_, measured_steps_);
    within_ = 0;
  }
  if (progress.stage == Stage::Decoding && progress.step > 0 && decode_started_ >= 0) {
    // Chunk times from the clock: the decoder reports completed chunks only, and the
    // takes are decoded one after another.
    decode_chunks_done_ = progress.take * progress.steps + progress.step;
    decode_chunk_total_ = progress.elapsed_seconds - decode_started_;
  }
  if (stage_ == Stage::Sampling && steps_ > 0) priors_.sampling_steps = steps_;
  elapsed_ = std::max(elapsed_, progress.elapsed_seconds);
  fraction_ = std::max(fraction_, stage_fraction());
}

Progress RunTracker::normalized(const Progress& progress) const {
  Progress copy = progress;
  if (progress.stage == stage_) copy.step = step_;
  return copy;
}

double RunTracker::stage_fraction() const {
  const double inside =
      steps_ > 0
          ? std::clamp((step_ + (step_ < steps_ ? within_ : 0.0)) / static_cast<double>(steps_),
                       0.0, 1.0)
          : 0.0;
  switch (stage_) {
    case Stage::LoadingModels: return 0.01 * inside;
    case Stage::Lyrics: return 0.01 + 0.01 * inside;
    case Stage::Style: return 0.02 + 0.01 * inside;
    case Stage::Encoding: return 0.02 + 0.01 * inside;  // edit/continue: part of preparing
    case Stage::Sampling: return kPrepareEnd + (kSamplingEnd - kPrepareEnd) * inside;
    case Stage::Decoding:
      return kSamplingEnd +
             (kDecodingEnd - kSamplingEnd) * std::min(1.0, (take_ + inside) / takes());
    case Stage::Writing: return kDecodingEnd + (1.0 - kDecodingEnd) * inside;
    case Stage::Done: return 1.0;
  }
  return 0.0;
}

double RunTracker::decode_seconds() const {
  return decode_seconds_ / takes();
}

double RunTracker::seconds_per_step() const {
  return measured_steps_ > 0 ? measured_total_ / measured_steps_ : 0.0;
}

std::optional<double> RunTracker::step_estimate() const {
  if (measured_steps_ > 0) {
    // Blend the mean with the latest step so a warm-up first step fades out.
    return measured_steps_ == 1 ? last_step_seconds_
                                : 0.5 * seconds_per_step() + 0.5 * last_step_seconds_;
  }
  if (stage_ == Stage::Sampling && within_ >= kCalibrationShare && sampling_started_ >= 0) {
    // Inside the first step: extrapolate its time from the share already done,
    // which beats any prior from another machine or model.
    return (elapsed_ - sampling_started_) / within_;
  }
  return priors_.seconds_per_step;
}

std::optional<double> RunTracker::sampling_remaining() const {
  const auto per_step = step_estimate();
  if (!per_step) return std::nullopt;
  double left_steps = priors_.sampling_steps;
  if (stage_ == Stage::Sampling) left_steps = std::max(0.0, left_steps - step_ - within_);
  return *per_step * left_steps;
}

std::optional<double> RunTracker::decode_remaining() const {
  if (stage_ == Stage::Decoding && decode_chunks_done_ > 0 && steps_ > 0) {
    const double per_chunk = decode_chunk_total_ / decode_chunks_done_;
    const double chunks_left =
        static_cast<double>(takes()) * steps_ - decode_chunks_done_ - within_;
    return per_chunk * std::max(0.0, chunks_left);
  }
  if (priors_.decode_seconds) {
    const double whole = *priors_.decode_seconds * takes();
    if (stage_ == Stage::Decoding && decode_started_ >= 0)
      return std::max(0.0, whole - (elapsed_ - decode_started_));
    return whole;
  }
  const auto per_step = step_estimate();
  if (!per_step || *per_step <= 0) return std::nullopt;
  return kDecodeShareGuess * *per_step * priors_.sampling_steps * takes();
}

std::optional<double> RunTracker::remaining() const {
  if (stage_ == Stage::Done) return 0.0;
  if (stage_ == Stage::Writing) return 0.0;
  const auto decode = decode_remaining();
  if (stage_ == Stage::Decoding) return decode;
  const auto sampling = sampling_remaining();
  if (!sampling || !decode) return std::nullopt;
  return *sampling + *decode;
}

}  // namespace drs::frontend

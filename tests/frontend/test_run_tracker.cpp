// Run tracking: a monotone overall fraction, an ETA from priors, then from measured
// step and chunk times (across takes), and the priors from the engine's cost model.
#include <gtest/gtest.h>

#include "frontend/run_priors.h"
#include "frontend/run_tracker.h"
#include "tests/frontend/fixtures.h"

using namespace drs;
using namespace drs::frontend;
using drs::test::make_progress;

namespace {

RunPriors no_priors(int steps, int takes = 1) {
  return {.sampling_steps = steps,
          .seconds_per_step = std::nullopt,
          .decode_seconds = std::nullopt,
          .takes = takes};
}

}  // namespace

TEST(RunTracker, IsMonotoneAndCalibrates) {
  RunTracker tracker(no_priors(4));
  EXPECT_TRUE(tracker.calibrating());
  tracker.update(make_progress(Stage::Sampling, 0, 4, 0.5, 0, 1));
  EXPECT_FALSE(tracker.remaining());  // nothing measured, no prior: no made-up number
  double last = tracker.fraction();
  for (int step = 1; step <= 4; ++step) {
    tracker.update(make_progress(Stage::Sampling, step, 4, 0, 2.0, 1.0 + 2.0 * step));
    EXPECT_GE(tracker.fraction(), last);
    last = tracker.fraction();
    EXPECT_FALSE(tracker.calibrating());
    // Remaining sampling = 2 s per step, plus the decode guess.
    const double left = tracker.remaining().value();
    EXPECT_GE(left, 2.0 * (4 - step));
    EXPECT_LE(left, 2.0 * (4 - step) + 2.0);
  }
  tracker.update(make_progress(Stage::Decoding, 0, 2, 0, 0, 9));
  tracker.update(make_progress(Stage::Decoding, 1, 2, 0, 1.0, 10));
  EXPECT_EQ(tracker.remaining().value(), 1.0);
  EXPECT_GE(tracker.fraction(), last);
  tracker.update(make_progress(Stage::Done, 0, 0, 0, 0, 11));
  EXPECT_EQ(tracker.fraction(), 1.0);
  EXPECT_GT(tracker.decode_seconds(), 0);
}

TEST(RunTracker, AcceptsIndexNumberedStepEventsAndTimesChunks) {
  RunTracker tracker(no_priors(3));
  // Step-completed events numbered by index (0, 1, 2) instead of count.
  for (int step = 0; step < 3; ++step) {
    tracker.update(make_progress(Stage::Sampling, step, 3, 0.5, 0, step + 0.5));
    tracker.update(make_progress(Stage::Sampling, step, 3, 0, 1.0, step + 1.0));
    EXPECT_EQ(tracker.step(), step + 1);
  }
  EXPECT_EQ(tracker.normalized(make_progress(Stage::Sampling, 2, 3)).step, 3);
  // Decoder events carry no step time: chunk times come from the clock.
  tracker.update(make_progress(Stage::Decoding, 0, 0, 0, 0, 3.0));
  tracker.update(make_progress(Stage::Decoding, 1, 4, 0, 0, 5.0));
  EXPECT_EQ(tracker.remaining().value(), 6.0);  // 2 s per chunk, 3 chunks left
}

TEST(RunTracker, DecodesTakesOneAfterAnother) {
  RunTracker tracker(no_priors(2, 2));
  tracker.update(make_progress(Stage::Decoding, 0, 4, 0, 0, 600));
  tracker.update(make_progress(Stage::Decoding, 2, 4, 0, 0, 620));
  EXPECT_DOUBLE_EQ(tracker.remaining().value(), 60.0);  // 6 of 8 chunks left at 10 s
  const double half_way = tracker.fraction();
  tracker.update(make_progress(Stage::Decoding, 0, 4, 0, 0, 640, 1));
  tracker.update(make_progress(Stage::Decoding, 1, 4, 0, 0, 650, 1));
  EXPECT_DOUBLE_EQ(tracker.remaining().value(), 30.0);  // 5 done in 50 s, 3 left
  EXPECT_GT(tracker.fraction(), half_way);
  tracker.update(make_progress(Stage::Writing, 0, 0, 0, 0, 690));
  EXPECT_DOUBLE_EQ(tracker.decode_seconds(), 45.0);  // 90 s for two takes
}

TEST(RunTracker, UsesPriorBeforeFirstStep) {
  RunTracker tracker(
      RunPriors{.sampling_steps = 10, .seconds_per_step = 3.0, .decode_seconds = 5.0, .takes = 1});
  tracker.update(make_progress(Stage::LoadingModels));
  EXPECT_EQ(tracker.remaining().value(), 35.0);
  EXPECT_TRUE(tracker.calibrating());
}

TEST(RunTracker, ExtrapolatesInsideTheFirstStep) {
  RunTracker tracker(no_priors(10));
  tracker.update(make_progress(Stage::Sampling, 0, 10, 0.0, 0, 2.0));
  tracker.update(make_progress(Stage::Sampling, 0, 10, 0.1, 0, 2.5));
  EXPECT_FALSE(tracker.remaining());  // too little of the step to extrapolate
  tracker.update(make_progress(Stage::Sampling, 0, 10, 0.5, 0, 4.0));
  // Half a step took 2 s: 4 s per step, 9.5 steps left, plus the decode guess.
  const double left = tracker.remaining().value();
  EXPECT_GE(left, 38.0);
  EXPECT_LE(left, 38.0 + 0.12 * 4 * 10 + 1e-9);
  EXPECT_TRUE(tracker.calibrating());
}

TEST(RunPriors, FromTheEnginesCostModel) {
  const SamplingSettings best{32, 4.0f, std::nullopt};
  EXPECT_DOUBLE_EQ(passes_per_step(best), 2.0);  // guided: two passes per step
  SamplingSettings partial = best;
  partial.guidance_until = 0.5f;
  EXPECT_DOUBLE_EQ(passes_per_step(partial),
                   static_cast<double>(partial.forward_passes()) / partial.steps());
  EXPECT_LT(passes_per_step(partial), 2.0);
  const auto priors = run_priors(best, 1.5, 20.0, 3);
  EXPECT_EQ(priors.sampling_steps, 31);
  EXPECT_DOUBLE_EQ(priors.seconds_per_step.value(), 3.0);
  EXPECT_EQ(priors.decode_seconds.value(), 20.0);
  EXPECT_EQ(priors.takes, 3);
  EXPECT_FALSE(run_priors(best, std::nullopt, std::nullopt).seconds_per_step);
}

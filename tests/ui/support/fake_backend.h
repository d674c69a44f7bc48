// A scripted GenerationBackend for UI tests: it reports progress the way the engine
// contract describes (per block inside a step, one event per finished step with its
// wall time), honours the stop token between blocks, and returns a short sine take.
#pragma once

#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "drs/engine.h"
#include "drs/machine_speed.h"
#include "tests/frontend/fixtures.h"
#include "ui/engine_backend.h"

namespace drs::test {

struct FakeScript {
  int blocks_per_step = 4;
  std::chrono::milliseconds block_time{5};
  int decode_chunks = 3;
  double take_seconds = 2.0;
  bool fail = false;                 // report Outcome::Failed (BadInput)
  bool throw_internal = false;       // throw std::runtime_error from generate
  std::optional<MatmulSpeed> speed;  // what the start-up CPU probe reports (none: no probe)
  // Like the engine's run journal: written when sampling starts, kept (and named in the
  // result) when the run is cut short, removed when it succeeds.
  std::filesystem::path journal;
};

class FakeBackend final : public ui::GenerationBackend {
 public:
  explicit FakeBackend(FakeScript script = {}, ModelInfo info = demo_info())
      : script_(std::move(script)), info_(std::move(info)) {}

  static ModelInfo demo_info() {
    ModelInfo info;
    info.name = "Fake demo";
    info.is_demo = true;
    info.device = "cpu";
    info.precision = "float32";
    return info;
  }

  [[nodiscard]] const ModelInfo& info() const override { return info_; }
  [[nodiscard]] std::optional<MatmulSpeed> measure_speed() override { return script_.speed; }
  std::atomic_int runs{0};
  std::atomic_int cancelled{0};
  // The request of the latest run (generate runs on the worker thread).
  [[nodiscard]] GenerationRequest lastRequest() const {
    const std::lock_guard lock(request_mutex_);
    return last_request_;
  }

  GenerationResult generate(const GenerationRequest& request, const ProgressSink& progress,
                            std::stop_token stop) override {
    ++runs;
    {
      const std::lock_guard lock(request_mutex_);
      last_request_ = request;
    }
    if (script_.throw_internal) throw std::runtime_error("scripted internal failure");
    GenerationResult result;
    if (script_.fail) {
      result.outcome = Outcome::Failed;
      result.error_kind = ErrorKind::BadInput;
      result.error = "scripted: the lyrics are not usable";
      return result;
    }
    const auto begin = std::chrono::steady_clock::now();
    auto elapsed = [&] {
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    };
    progress(make_progress(Stage::LoadingModels, 0, 0, 0, 0, elapsed()));
    progress(make_progress(Stage::Lyrics, 0, 0, 0, 0, elapsed()));
    progress(make_progress(Stage::Style, 0, 0, 0, 0, elapsed()));
    const int steps = request.sampling.steps();
    if (!script_.journal.empty()) std::ofstream(script_.journal) << "step 0\n";
    if (!run_stage(Stage::Sampling, steps, progress, stop, elapsed)) return cancel(result);
    if (!run_stage(Stage::Decoding, script_.decode_chunks, progress, stop, elapsed))
      return cancel(result);
    if (!script_.journal.empty()) std::filesystem::remove(script_.journal);
    progress(make_progress(Stage::Done, 0, 0, 0, 0, elapsed()));
    Take take;
    const auto frames = static_cast<std::size_t>(script_.take_seconds * take.sample_rate);
    take.audio.resize(frames * 2);
    for (std::size_t i = 0; i < frames; ++i)
      take.audio[2 * i] = take.audio[2 * i + 1] =
          0.5f * static_cast<float>(std::sin(2 * M_PI * 440.0 * static_cast<double>(i) / 44100.0));
    take.seed = request.seed.value_or(4242);
    result.takes.push_back(std::move(take));
    result.outcome = Outcome::Succeeded;
    result.seconds_total = elapsed();
    result.seconds_per_step = step_total_ / std::max(1, steps);
    return result;
  }

 private:
  mutable std::mutex request_mutex_;
  GenerationRequest last_request_;
  template <typename Clock>
  bool run_stage(Stage stage, int steps, const ProgressSink& progress, const std::stop_token& stop,
                 Clock elapsed) {
    for (int step = 0; step < steps; ++step) {
      const double step_begin = elapsed();
      for (int block = 0; block < script_.blocks_per_step; ++block) {
        if (stop.stop_requested()) return false;
        std::this_thread::sleep_for(script_.block_time);
        progress(make_progress(stage, step, steps, (block + 1.0) / script_.blocks_per_step, 0,
                               elapsed()));
      }
      const double step_seconds = elapsed() - step_begin;
      if (stage == Stage::Sampling) step_total_ += step_seconds;
      progress(make_progress(stage, step + 1, steps, 0, step_seconds, elapsed()));
    }
    return true;
  }

  GenerationResult& cancel(GenerationResult& result) {
    ++cancelled;
    result.outcome = Outcome::Cancelled;
    result.error_kind = ErrorKind::Cancelled;
    result.journal = script_.journal;
    return result;
  }

  FakeScript script_;
  ModelInfo info_;
  double step_total_ = 0;
};

}  // namespace drs::test

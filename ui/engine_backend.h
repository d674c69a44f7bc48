// The seam between the window and the engine: the worker drives a GenerationBackend,
// so the real drs::Engine and a scripted test double are interchangeable. Torch-free.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stop_token>

#include "drs/engine.h"
#include "drs/machine_speed.h"
#include "drs/take_manifest.h"

namespace drs::ui {

class GenerationBackend {
 public:
  GenerationBackend() = default;
  virtual ~GenerationBackend() = default;
  GenerationBackend(const GenerationBackend&) = delete;
  GenerationBackend& operator=(const GenerationBackend&) = delete;

  [[nodiscard]] virtual const ModelInfo& info() const = 0;
  // Called on the worker thread; must honour `stop` and never throw for user errors.
  virtual GenerationResult generate(const GenerationRequest& request, const ProgressSink& progress,
                                    std::stop_token stop) = 0;
  // Continues an interrupted run from its journal (drs/run_journal.h); backends that
  // cannot resume fail with a message. `listen_in`: as GenerationRequest::listen_in.
  virtual GenerationResult resume(const std::filesystem::path& journal,
                                  const ProgressSink& progress, std::stop_token stop,
                                  std::shared_ptr<ListenIn> listen_in);
  // A quick GEMM probe of the CPU this backend computes on, run once on the worker
  // thread at start-up; none where it does not apply (GPU engines, test doubles).
  [[nodiscard]] virtual std::optional<MatmulSpeed> measure_speed() { return std::nullopt; }
  // What the takes of this backend are made by, for their replay manifests (the takes
  // library); none where takes cannot be replayed (test doubles). May throw drs::Error.
  [[nodiscard]] virtual std::optional<TakeOrigin> take_origin() const { return std::nullopt; }
};

// The real engine on a model folder. Throws drs::Error (ModelMissing, ...) when the
// folder is unusable or when this build has no engine linked in.
std::unique_ptr<GenerationBackend> make_engine_backend(const std::filesystem::path& model_dir,
                                                       Precision precision = Precision::Auto);

// Where the app looks for models: the engine's default ($DRS_MODEL_SET, formerly
// $DRS_MODEL_DIR, else the installed set, else the demo set generated into the build tree).
std::filesystem::path default_model_location();

}  // namespace drs::ui
